import NumericCore

/// The renormalised ridge κ of linear (random-feature) ridge regression and its
/// degrees of freedom, the engine behind `ridge`, `randfeat` and `ensemble` theory.
///
/// Ridge on data with covariance `Λ = diag(λ_k)`, `P` samples, objective
/// `(1/P) Σ (y − w·x)^2 + λ ‖w‖^2`: the effective ridge κ solves
///
///     κ = λ + (κ/P) · df1(κ),   df1(κ) = Σ_k λ_k/(λ_k + κ)
///
/// (Atanasov, Zavatone-Veth & Pehlevan 2024, arXiv 2405.00592, the "S-transform"
/// renormalisation of ridge; equivalently κ(1 − df1/P) = λ. Equation numbers in the paper
/// were not checked here: the formulas are verified against simulation in the tests).
/// With linear random features `z = F x`, `F` iid N(0, 1/N), conditioning on `F`
/// adds a second renormalisation, and κ₂ (the ridge seen by the data spectrum) solves
///
///     κ₂ (1 − df1(κ₂)/P)(1 − df1(κ₂)/N) = λ
///
/// (AZP 2024, linear random features; the same equation is Ruben, Tong,
/// Chaudhry & Pehlevan 2024, arXiv 2412.05418, with their `λ/P` equal to our λ).
/// `N = ∞` recovers ridge. Ridgeless (`λ = 0`): κ₂ solves `df1(κ₂) = min(N, P)` when
/// `min(N, P) < dim`, and κ₂ = 0 otherwise.
///
/// Accuracy: κ to 1e-13 relative, by safeguarded Newton in `log κ` inside an analytic
/// bracket, so every evaluation is one O(dim) pass.
public enum RenormalizedRidge {
    /// Sums over modes at one κ: `df1 = Σ λ/(λ+κ)`, `df2 = Σ λ²/(λ+κ)²`,
    /// `bias1 = κ Σ c/(λ+κ)`, `bias2 = κ² Σ c/(λ+κ)²` with `c_k = λ_k w_k²`.
    ///
    /// The biases are summed as `c·(κ/(λ+κ))^j`, never as κ^j times a sum: at a large
    /// ridge (κ ≈ λ = 1e160) κ² overflows while Σ c/(λ+κ)² underflows, and their
    /// product, which tends to Σ c (the zero predictor's risk), came out inf or nan.
    /// A mode whose eigenvalue underflows to 0 (k^-alpha at alpha = 110) carries no
    /// signal (c = 0) and adds nothing, also at κ = 0.
    public struct Sums: Sendable, Equatable {
        public var df1: Double
        public var df2: Double
        public var bias1: Double
        public var bias2: Double
    }

    /// `df1` and `df2` at κ (one pass, eight lanes at a time: the reduction is the
    /// whole cost of a theory point, so it is written for SIMD).
    static func degreesOfFreedom(_ lambdas: UnsafeBufferPointer<Double>, _ kappa: Double) -> (Double, Double) {
        var d1 = SIMD8<Double>(repeating: 0), d2 = SIMD8<Double>(repeating: 0)
        let k = SIMD8<Double>(repeating: kappa)
        let count = lambdas.count, blocks = count / 8
        let raw = UnsafeRawPointer(lambdas.baseAddress!)
        for b in 0..<blocks {
            let l = raw.loadUnaligned(fromByteOffset: b * 64, as: SIMD8<Double>.self)
            var r = l / (l + k)
            r.replace(with: SIMD8<Double>(repeating: 0), where: l .== SIMD8<Double>(repeating: 0))
            d1 += r
            d2 += r * r
        }
        var s1 = d1.sum(), s2 = d2.sum()
        for i in (blocks * 8)..<count {
            let r = lambdas[i] == 0 ? 0 : lambdas[i] / (lambdas[i] + kappa)
            s1 += r
            s2 += r * r
        }
        return (s1, s2)
    }

    /// All four sums at κ for `data`.
    public static func sums(_ data: SpectralData, kappa: Double) -> Sums {
        var a1 = SIMD8<Double>(repeating: 0), a2 = a1, b1 = a1, b2 = a1
        let k = SIMD8<Double>(repeating: kappa), one = SIMD8<Double>(repeating: 1), zero = a1
        var out = Sums(df1: 0, df2: 0, bias1: 0, bias2: 0)
        data.eigenvalues.withUnsafeBufferPointer { lambdas in
            data.targetPower.withUnsafeBufferPointer { power in
                let count = lambdas.count, blocks = count / 8
                let rl = UnsafeRawPointer(lambdas.baseAddress!), rc = UnsafeRawPointer(power.baseAddress!)
                for b in 0..<blocks {
                    let l = rl.loadUnaligned(fromByteOffset: b * 64, as: SIMD8<Double>.self)
                    let c = rc.loadUnaligned(fromByteOffset: b * 64, as: SIMD8<Double>.self)
                    let sum = l + k
                    var inv = one / sum
                    inv.replace(with: zero, where: sum .== zero)
                    let r = l * inv, q = k * inv
                    a1 += r
                    a2 += r * r
                    b1 += c * q
                    b2 += c * q * q
                }
                out = Sums(df1: a1.sum(), df2: a2.sum(), bias1: b1.sum(), bias2: b2.sum())
                for i in (blocks * 8)..<count {
                    let l = lambdas[i], c = power[i]
                    let inv = l + kappa == 0 ? 0 : 1 / (l + kappa)
                    let r = l * inv, q = kappa * inv
                    out.df1 += r
                    out.df2 += r * r
                    out.bias1 += c * q
                    out.bias2 += c * q * q
                }
            }
        }
        return out
    }

    /// The renormalised ridge κ₂ for `P` samples (`.infinity` allowed), `N` random
    /// features (`.infinity` for plain ridge) and ridge `lambda ≥ 0`.
    /// - Parameter guess: a starting κ (e.g. the previous point of a sweep), used if it
    ///   lies inside the bracket.
    public static func kappa(eigenvalues: [Double], P: Double, N: Double = .infinity, lambda: Double,
                             guess: Double? = nil) -> Double {
        let m = min(N, P)
        let invP = P.isInfinite ? 0 : 1 / P
        let invN = N.isInfinite ? 0 : 1 / N
        return eigenvalues.withUnsafeBufferPointer { l -> Double in
            let trace = l.reduce(0, +)
            // Modes whose eigenvalue underflowed to 0 take no part: over the `live` others,
            // the ridgeless root κ₀ (df1(κ₀) = m) is bracketed by df1 ≥ live·λ_min/(λ_min+κ)
            // and df1 ≤ tr/κ.
            var live = 0.0, smallest = Double.infinity
            for x in l where x > 0 { live += 1; smallest = min(smallest, x) }
            var kappa0 = 0.0
            if m < live {
                let lo = smallest * (live / m - 1) / 2, hi = trace / m
                kappa0 = solveLog(lo: lo, hi: hi, guess: lambda == 0 ? guess : nil) { u in
                    let (d1, d2) = degreesOfFreedom(l, exp(u))
                    return (m - d1, d1 - d2)
                }
            }
            if lambda == 0 { return kappa0 }
            // λ > 0: G(κ) = (1 − d/P)(1 − d/N) − λ/κ is increasing where d < min(N, P);
            // G(max(κ₀, λ)) ≤ 0 and G(λ + tr(1/P + 1/N)) ≥ 0.
            let lo = max(kappa0, lambda), hi = lambda + trace * (invP + invN)
            if hi <= lo { return lo }
            return solveLog(lo: lo, hi: hi, guess: guess) { u in
                let kappa = exp(u)
                let (d1, d2) = degreesOfFreedom(l, kappa)
                let a = 1 - d1 * invP, b = 1 - d1 * invN
                return (a * b - lambda / kappa, (d1 - d2) * (b * invP + a * invN) + lambda / kappa)
            }
        }
    }

    /// Safeguarded Newton (Newton inside a shrinking bracket, bisection when a step
    /// leaves it) for an increasing `f(u)`, `u = log κ`, returning κ = e^u.
    static func solveLog(lo: Double, hi: Double, guess: Double?,
                         _ f: (Double) -> (value: Double, slope: Double)) -> Double {
        var a = log(lo), b = log(hi)
        var u = (a + b) / 2
        if let g = guess, g > lo, g < hi { u = log(g) }
        for _ in 0..<200 {
            let (value, slope) = f(u)
            if value == 0 { return exp(u) }
            if value < 0 { a = u } else { b = u }
            var next = u - value / slope
            if !(slope > 0) || !(next > a && next < b) { next = (a + b) / 2 }
            if abs(next - u) < 1e-14 || b - a < 1e-14 { return exp(next) }
            u = next
        }
        return exp(u)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
