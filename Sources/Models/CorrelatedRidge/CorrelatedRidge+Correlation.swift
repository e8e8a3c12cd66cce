import NumericCore

/// The P × P sample correlations K of `corridge` (unit diagonal, `K_ij = f(|i − j|)`) in
/// its eigenbasis, and the test point's correlations with the training samples.
///
/// Samples are the times 0..<P of a stationary sequence with correlation function f:
/// `none` f(τ) = [τ = 0]; `ar1` f(τ) = rho^τ; `powerlaw` f(τ) = (1 + τ)^-exponent. Both are
/// convex and decreasing to 0, so by Pólya's criterion K is positive definite. The test
/// point sits at time P − 1 + lag, with correlations `k*_i = f(P − 1 + lag − i)`; writing
/// `a = K⁻¹ k*`, it is `x* = Xᵀa + (1 − aᵀKa)^{1/2} Σ^{1/2} z` with z fresh (Gaussian
/// conditioning), so `forecastWeights` holds `(v_iᵀ k*)²/k_i` and `reach` = `aᵀKa`.
struct SampleCorrelation {
    /// Eigenvalues k_i of K (negative round-off clamped to 0; they sum to P).
    var eigenvalues: [Double]
    /// `(v_iᵀ k*)²/k_i` for each eigenvector v_i of K (0 where k_i is round-off).
    var forecastWeights: [Double]
    /// `a = K⁻¹ k*`, the regression of the test point on the training samples.
    var forecastVector: [Double]
    /// `aᵀ K a = k*ᵀ K⁻¹ k*` (0 for independent samples, rho^(2·lag) for ar1).
    var reach: Double
    /// K^{1/2} (nil for independent samples), only when asked for (the simulation).
    var root: Matrix?

    /// The correlation function f(τ) of `kind`.
    static func function(_ kind: String, rho: Double, exponent: Double) -> (Double) -> Double {
        switch kind {
        case "ar1": return { pow(rho, $0) }
        case "powerlaw": return { pow(1 + $0, -exponent) }
        default: return { $0 == 0 ? 1 : 0 }
        }
    }

    /// K for `count` samples and a test point `lag` after the last one.
    /// - Parameter root: also form K^{1/2} (for drawing data).
    /// - Throws: `ModelError.decompositionFailed` if the eigendecomposition fails.
    init(_ p: CorrelatedRidge.Parameters, count: Int, root wantsRoot: Bool) throws(ModelError) {
        let f = Self.function(p.correlation, rho: p.rho, exponent: p.exponent)
        guard p.correlation != "none" else {
            eigenvalues = [Double](repeating: 1, count: count)
            forecastWeights = [Double](repeating: 0, count: count)
            forecastVector = forecastWeights
            reach = 0
            root = nil
            return
        }
        let lags = (0..<count).map { f(Double($0)) }
        var k = Matrix(rows: count, columns: count)
        for i in 0..<count { for j in 0..<count { k.storage[i * count + j] = lags[abs(i - j)] } }
        let eigen: (values: [Double], vectors: Matrix)
        do { eigen = try k.symmetricEigen() } catch {
            throw .decompositionFailed(matrix: "sample correlations", size: count, cause: "\(error)", remedy: nil)
        }
        let values = eigen.values.map { max($0, 0) }
        let floor = 1e-14 * (values.last ?? 1)
        let target = (0..<count).map { f(Double(count - 1 + p.lag - $0)) }
        let projections = eigen.vectors.times(target, transposed: true)
        var weights = [Double](repeating: 0, count: count), coefficients = weights
        for c in 0..<count where values[c] > floor {
            coefficients[c] = projections[c] / values[c]
            weights[c] = projections[c] * coefficients[c]
        }
        eigenvalues = values
        forecastWeights = weights
        forecastVector = eigen.vectors.times(coefficients)
        reach = min(weights.reduce(0, +), 1)
        if wantsRoot {
            var scaled = eigen.vectors
            for r in 0..<count { for c in 0..<count { scaled.storage[r * count + c] *= pow(values[c], 0.25) } }
            root = Matrix.gemm(scaled, scaled, transposeB: true)
        } else {
            root = nil
        }
    }

    /// The K-side sums at δ: `g0 = (1/P) Σ 1/(1+δk)`, `g1 = (1/P) Σ k/(1+δk)`,
    /// `u1 = (1/P) Σ k/(1+δk)²`, `u2 = (1/P) Σ k²/(1+δk)²`, and `forecast = Σ w/(1+δk)²`
    /// over the forecast weights w.
    struct Moments {
        var g0 = 0.0, g1 = 0.0, u1 = 0.0, u2 = 0.0, forecast = 0.0
    }

    /// The sums at δ.
    func moments(_ delta: Double) -> Moments {
        var m = Moments()
        for (k, w) in zip(eigenvalues, forecastWeights) {
            let inv = 1 / (1 + delta * k)
            m.g0 += inv
            m.g1 += k * inv
            m.u1 += k * inv * inv
            m.u2 += k * k * inv * inv
            m.forecast += w * inv * inv
        }
        let n = Double(eigenvalues.count)
        m.g0 /= n; m.g1 /= n; m.u1 /= n; m.u2 /= n
        return m
    }

    /// The δ at which `(1/P) Σ δk/(1+δk) = fraction` (the K-side degrees of freedom per
    /// sample), `inf` when the fraction reaches the share of positive eigenvalues.
    func delta(degreesOfFreedomFraction fraction: Double) -> Double {
        let positive = Double(eigenvalues.count { $0 > 0 }) / Double(eigenvalues.count)
        guard fraction < positive else { return .infinity }
        guard fraction > 0 else { return 0 }
        return (try? RootFinding.brentExpanding(lower: 0, guess: 1) { d in d * moments(d).g1 - fraction }) ?? .nan
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
