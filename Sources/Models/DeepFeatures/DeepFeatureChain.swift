import NumericCore

/// The layer-by-layer renormalisation of `deepfeat` at one κ₀ (see `DeepFeatureRisk`):
/// the data-side sums and, per layer, the factor δ_l(d) with its derivative.
struct DeepFeatureChain {
    /// `s_k = λ_k Ω_1,kk`.
    var spectrum: [Double]
    /// `c_k = λ_k w*_k²`.
    var power: [Double]
    /// N_l and the eigenvalues of Ω_{l+1} (empty: isotropic, including after the last layer).
    var levels: [(width: Double, next: [Double])]

    /// Everything the risk needs at one κ₀; slopes are d/dκ₀.
    struct Point {
        var d: Double, dSlope: Double, d2: Double
        var g: Double, gSlope: Double
        var psi: Double, psiSlope: Double
    }

    /// The chain of `layers`.
    init(_ layers: DeepFeatureLayers) {
        let omega = layers.firstLayer
        spectrum = omega.isEmpty ? layers.data.eigenvalues : zip(layers.data.eigenvalues, omega).map { $0 * $1 }
        power = layers.data.targetPower
        levels = layers.widths.indices.map { l in
            (layers.widths[l], l + 1 < layers.widths.count ? layers.covariances[l + 1] : [])
        }
    }

    /// The sums at κ₀, with `degreesOfFreedom` overriding d (the exact ridgeless value).
    func evaluate(kappa: Double, degreesOfFreedom: Double? = nil) -> Point {
        var d = 0.0, dSlope = 0.0, d2 = 0.0, g = 0.0, gSlope = 0.0
        for k in spectrum.indices {
            let s = spectrum[k], c = power[k]
            guard s > 0 else { continue }
            let inv = 1 / (s + kappa), r = s * inv
            d += r
            d2 += r * r
            dSlope -= r * inv
            g += c * kappa * inv
            gSlope += c * r * inv
        }
        if let exact = degreesOfFreedom { d = exact }
        let factors = levels.map { Self.factor(width: $0.width, spectrum: $0.next, d: d) }
        var product = 1.0, slopeSum = 0.0
        for (l, f) in factors.enumerated() {
            product *= f.delta
            var others = f.slope
            for (j, h) in factors.enumerated() where j != l { others *= h.delta }
            slopeSum += others
        }
        return Point(d: d, dSlope: dSlope, d2: d2, g: g, gSlope: gSlope,
                     psi: kappa * product, psiSlope: product + kappa * dSlope * slopeSum)
    }

    /// δ solving `(1/N) Σ ω/(δ + d ω/N) = 1` (ω of mean 1; empty ω: δ = 1 − d/N) and dδ/dd.
    /// δ decreases from 1 at d = 0 to 0 at d = N (Jensen: never above 1 − d/N).
    static func factor(width n: Double, spectrum omega: [Double], d: Double) -> (delta: Double, slope: Double) {
        guard n.isFinite else { return (1, 0) }
        guard !omega.isEmpty else { return (max(1 - d / n, 0), -1 / n) }
        let delta: Double
        if d >= n {
            delta = 0
        } else if d <= 0 {
            delta = 1
        } else {
            let a = d / n
            delta = (try? RootFinding.brent(in: (0, 1 + 1e-9)) { x in
                var sum = 0.0
                for w in omega { sum += w / (x + a * w) }
                return sum / n - 1
            }) ?? .nan  // bracketed by construction; a failure surfaces as NaN, refused by the κ₀ solve
        }
        var s1 = 0.0, s2 = 0.0
        for w in omega {
            let q = delta + d * w / n
            guard q > 0 else { continue }
            s1 += w / (q * q)
            s2 += w * w / (q * q)
        }
        return (delta, s1 > 0 ? -(s2 / n) / s1 : -1 / n)
    }
}
