import NumericCore

/// The data model shared by the ridge, random-feature and ensemble families: a
/// diagonal covariance `Λ = diag(λ_k)` and a target `w*`, k = 1..dim.
///
/// Convention (issue 5, as in Bordelon–Atanasov–Pehlevan 2024 and Atanasov–
/// Zavatone-Veth–Pehlevan 2024): unless the user gives vectors,
/// `λ_k = k^-alpha` and `λ_k (w*_k)^2 = k^-(alpha*beta + 1)` exactly, with no
/// normalisation, so `beta > 1` puts the target in the RKHS. In the capacity/source
/// notation of other papers, `b = alpha` and `a = alpha*beta + 1`.
public struct SpectralData: Sendable, Equatable {
    /// Eigenvalues λ_k of the input covariance (all > 0).
    public var eigenvalues: [Double]
    /// Target weights w*_k (sign +, from the power law, or as given).
    public var weights: [Double]
    /// Target power per mode, `λ_k (w*_k)^2`.
    public var targetPower: [Double]

    /// Data from explicit eigenvalues and target weights of equal length.
    public init(eigenvalues: [Double], weights: [Double]) {
        self.init(eigenvalues: eigenvalues, weights: weights, targetPower: zip(eigenvalues, weights).map { $0 * $1 * $1 })
    }

    /// Data whose target power is known exactly (the power law), not as λ·w², which is
    /// 0·inf = nan when λ_k underflows while w_k overflows (alpha = 300, beta = 0.3).
    init(eigenvalues: [Double], weights: [Double], targetPower: [Double]) {
        self.eigenvalues = eigenvalues
        self.weights = weights
        self.targetPower = targetPower
    }

    /// The power-law data `λ_k = k^-alpha`, `λ_k w_k^2 = k^-(alpha*beta+1)`, k = 1..dim.
    public static func powerLaw(alpha: Double, beta: Double, dim: Int) -> SpectralData {
        var lambdas = [Double](repeating: 0, count: dim)
        var weights = [Double](repeating: 0, count: dim)
        var power = [Double](repeating: 0, count: dim)
        for i in 0..<dim {
            let k = Double(i + 1)
            lambdas[i] = pow(k, -alpha)
            // w_k^2 = k^-(αβ+1) / λ_k = k^-(αβ+1-α)
            weights[i] = pow(k, -0.5 * (alpha * beta + 1 - alpha))
            power[i] = pow(k, -(alpha * beta + 1))
        }
        return SpectralData(eigenvalues: lambdas, weights: weights, targetPower: power)
    }

    /// Number of modes.
    public var dim: Int { eigenvalues.count }

    /// `E[(w*·x)^2] = Σ λ_k w_k^2`, the risk of the zero predictor (without noise).
    public var signalPower: Double { targetPower.reduce(0, +) }

    /// Checks the `spectrum=`/`target=` vectors (when given) without building a power law.
    /// - Throws: `ModelError` naming the malformed vector.
    public static func checkVectors(_ p: PowerLawParameters) throws(ModelError) {
        if !p.spectrum.isEmpty || !p.target.isEmpty { _ = try from(p) }
    }

    /// The data a model's parameters describe: `spectrum=`/`target=` vectors if given
    /// (non-empty), otherwise the power law in `alpha`, `beta`, `dim`.
    /// - Throws: `ModelError` naming the parameter if a vector is malformed.
    public static func from(_ p: PowerLawParameters) throws(ModelError) -> SpectralData {
        let spectrum = p.spectrum
        let target = p.target
        let base: SpectralData
        if spectrum.isEmpty {
            let count = target.isEmpty ? p.dim : target.count
            base = .powerLaw(alpha: p.alpha, beta: p.beta, dim: count)
        } else {
            let beta = p.beta
            // Power-law target on a user spectrum: λ_k w_k^2 = k^-(αβ+1) with α from the model.
            let alpha = p.alpha
            let weights = spectrum.indices.map { i in
                (pow(Double(i + 1), -(alpha * beta + 1)) / spectrum[i]).squareRoot()
            }
            base = SpectralData(eigenvalues: spectrum, weights: weights)
        }
        guard !target.isEmpty else { return base }
        guard target.count == base.dim else {
            throw .countMismatch(parameter: "target", count: target.count, noun: "weights", other: "the spectrum",
                                 expected: base.dim, per: "mode", orNone: true)
        }
        for x in target where !x.isFinite {
            throw .domain(parameter: "target", value: formatParameter(x), allowed: "finite weights")
        }
        return SpectralData(eigenvalues: base.eigenvalues, weights: target)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
