import ComplexModule
import NumericCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The power-law task of the gradient-flow model: feature variances λ_k = k^-alpha and
/// target power λ_k (w*_k)² = k^-(alpha·beta + 1), k = 1..dim, exactly, with no
/// normalisation (the convention; in Bordelon–Atanasov–Pehlevan's notation
/// b = alpha, a = alpha·beta + 1).
///
/// Kept private to the flow model on purpose (see the report): it is the few lines of
/// spectrum code the theory, the simulation and the frontier share.
struct FlowSpectrum: Sendable {
    /// λ_k, decreasing.
    var lambda: [Double]
    /// b_k² = λ_k (w*_k)², the initial test loss carried by mode k.
    var power: [Double]

    /// The power-law spectrum of `dim` modes.
    init(alpha: Double, beta: Double, dim: Int) {
        lambda = (1...dim).map { pow(Double($0), -alpha) }
        let a = alpha * beta + 1
        power = (1...dim).map { pow(Double($0), -a) }
    }

    /// The number of modes M.
    var count: Int { lambda.count }

    /// The initial loss Σ_k λ_k (w*_k)².
    var initialLoss: Double { power.reduce(0, +) }

    /// Σ_k λ_k w_k² e^{-2 λ_k t} (descent: Σ_k λ_k w_k² (1 − ηλ_k)^{2t}): the loss of
    /// training on the population loss with every mode present (N, P → ∞), the
    /// independent limit the theory must recover.
    func infiniteLimit(time t: Double, clock: FlowClock) -> Double {
        var sum = 0.0
        for k in lambda.indices { sum += power[k] * clock.decay(lambda[k], 2 * t) }
        return sum
    }

    /// df1(κ) = Σ λ_k/(λ_k + κ) at a real κ.
    func df1(_ kappa: Double) -> Double {
        var sum = 0.0
        for l in lambda { sum += l / (l + kappa) }
        return sum
    }

    /// The mode sums at a complex κ that the theory needs, in one pass over the modes
    /// (four modes at a time, `Elementwise.flowMoments`).
    func moments(_ kappa: Complex<Double>) -> FlowMoments {
        let sums = Elementwise.flowMoments(lambda: lambda, power: power, kappa: kappa.parts)
        return FlowMoments(df1: Complex(sums.df1), dfPrime: Complex(sums.dfPrime), b1: Complex(sums.b1))
    }
}

/// Mode sums at one κ: df1 = Σ λ/(λ+κ), dfPrime = Σ λ/(λ+κ)² (= −d df1/dκ),
/// b1 = Σ b²/(λ+κ).
struct FlowMoments: Sendable {
    var df1: Complex<Double>
    var dfPrime: Complex<Double>
    var b1: Complex<Double>
}

extension FlowSpectrum {
    /// The sums of the two-level (finite N and P) theory at a complex κ̃ and the real
    /// width floor κ̃₀: S = Σ b²λ/((λ+κ̃₀)(λ+κ̃)) and T = Σ λ/((λ+κ̃₀)(λ+κ̃)).
    func twoLevelSums(_ kappa: Complex<Double>, floor k0: Double) -> (s: Complex<Double>, t: Complex<Double>) {
        let sums = Elementwise.flowTwoLevelSums(lambda: lambda, power: power, floor: k0, kappa: kappa.parts)
        return (Complex(sums.s), Complex(sums.t))
    }

    /// Σ b²λ/((λ+κ̃₁)(λ+κ̃₂)), Σ λ/((λ+κ̃₁)(λ+κ̃₂)) and Σ λ²/((λ+κ̃₁)(λ+κ̃₂)), summed
    /// directly: the two-level theory's difference quotients when κ̃₁ ≈ κ̃₂. Every operation
    /// is symmetric in the two arguments and odd in their imaginary parts (`Elementwise.flowPairSums`),
    /// so swapping them gives the same bits and conjugating both the conjugate bits (`twoLevelLoss`
    /// shares the sums on that).
    func twoLevelPairSums(_ k1: Complex<Double>, _ k2: Complex<Double>) -> PairSums {
        let sums = Elementwise.flowPairSums(lambda: lambda, power: power, k1.parts, k2.parts)
        return (Complex(sums.weighted), Complex(sums.first), Complex(sums.second))
    }
}

fileprivate extension Complex where RealType == Double {
    /// The mode-sum kernels' complex number.
    init(_ parts: ComplexParts) { self.init(parts.real, parts.imaginary) }
    /// As the mode-sum kernels take it.
    var parts: ComplexParts { (real, imaginary) }
}
