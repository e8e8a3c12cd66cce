/// The deterministic-equivalent test error of an ensemble of ridge regressions on random
/// feature subsets with feature and readout noise, isotropic data — the setting of Ruben &
/// Pehlevan 2023, "Learning curves for noisy heterogeneous feature-subsampled ridge ensembles"
/// (arXiv 2307.03176). The paper's own equations could not be read here (only its abstract is
/// stored), so the formulas below are this project's derivation, checked against simulation
/// and, at ν = 1 without noise, against `ridge` (`RenormalizedRisk`) in the tests.
///
/// Setup: x ~ N(0, I_M), y = w*·x + ε with |w*|² = S spread evenly (w*_i² = S/M), ε ~ N(0, σ²).
/// Member k reads the M_k = round(ν_k M) features of a random subset 𝒮_k (independent across
/// members), each corrupted by its own feature noise, z_k = x_{𝒮_k} + ω ξ_k (ξ_k ~ N(0, I),
/// independent across members and samples, in training and at test), fits ridge
/// `(1/P) Σ (y − a·z_k)² + λ ‖a‖²` on the same P samples, and outputs `a_k·z_k + η_k`
/// (readout noise η_k ~ N(0, η²) at test, independent across members). The ensemble predicts
/// the members' mean.
///
/// Derivation. Member k alone is isotropic ridge with feature variance `a = 1 + ω²`; its
/// renormalised ridge solves `κ_k = λ + κ_k (M_k/P) a/(a + κ_k)` (the ridge equation of
/// `RenormalizedRidge` at Σ = a·I, a quadratic solved in closed form here), and its mean
/// predictor is `w̄_k = c_k w*_{𝒮_k}`, `c_k = 1/(a + κ_k)`. Linearising the fit around it,
/// `ŵ_k ≈ w̄_k + G_k (1/P) Σ_μ z_k^μ e_k^μ` (G_k = c_k I, e_k^μ the leave-one-out residual), the
/// test-error cross term `E_kl = E[(f_k − y)(f_l − y)]` closes on itself:
///
///     E_kl = Ē_kl / (1 − γ_kl) + η² δ_kl,   γ_kl = (1/P) tr[G_k Σ_kl G_l Σ_lk]
///          = c_k c_l n_kl (1 + ω² δ_kl)² / P
///     Ē_kl = S [c_k c_l q_kl (1 + ω² δ_kl) − c_k f_k − c_l f_l + 1] + σ²
///
/// with f_k = M_k/M, n_kl the shared features (M_k for k = l, M_k M_l/M on average for
/// independent subsets) and q_kl = n_kl/M: the two members' errors correlate only through the
/// features they share (the ν_k ν_l overlap) and the common label noise and unread signal. For
/// k = l this is the ridge risk `(κ² s2 + σ²)/(1 − df2/P)` plus the unread signal (1 − ν_k)S
/// acting as label noise. The ensemble's total error is `E = (1/K²) Σ_kl E_kl`; the readout
/// noise enters as η²/K, which is how an ensemble beats one large model under readout noise.
/// A member whose γ_kk reaches 1 (ridgeless at P = M_k: its double-descent peak) makes E infinite.
struct SubsampleRisk {
    /// The ensemble's total error E[(f − y)²] (label noise included).
    var total: Double
    /// Each member's own total error E_kk.
    var members: [Double]
    /// Each member's renormalised ridge κ_k.
    var kappas: [Double]

    /// The error at P samples (`.infinity` allowed) for `features` M_k of `dim` M.
    init(features: [Int], dim: Int, P: Double, lambda: Double, signal: Double, noise: Double,
         featureNoise: Double, readout: Double) {
        let a = 1 + featureNoise * featureNoise, m = Double(dim), sigma2 = noise * noise
        let invP = P.isInfinite ? 0 : 1 / P
        let kappas = features.map { Self.kappa(features: Double($0), invP: invP, lambda: lambda, variance: a) }
        let c = kappas.map { 1 / (a + $0) }
        let f = features.map { Double($0) / m }
        var sum = 0.0, members: [Double] = []
        for k in features.indices {
            for l in features.indices {
                let same = k == l
                let shared = same ? Double(features[k]) : Double(features[k]) * Double(features[l]) / m
                let boost = same ? a : 1
                let mean = signal * (c[k] * c[l] * shared / m * boost - c[k] * f[k] - c[l] * f[l] + 1) + sigma2
                let gamma = c[k] * c[l] * shared * boost * boost * invP
                var e = gamma >= 1 ? Double.infinity : mean / (1 - gamma)
                if same { e += readout * readout; members.append(e) }
                sum += e
            }
        }
        let count = Double(features.count)
        total = sum / (count * count)
        self.members = members
        self.kappas = kappas
    }

    /// The positive root of `κ = λ + κ n a /(P (a + κ))` (n features of variance a, 1/P =
    /// `invP`), i.e. `κ² + bκ − λa = 0` with `b = a − λ − a n/P`, written without cancellation;
    /// ridgeless (λ = 0) it is `max(0, a(n/P − 1))`.
    static func kappa(features n: Double, invP: Double, lambda: Double, variance a: Double) -> Double {
        let b = a - lambda - a * n * invP
        let root = (b * b + 4 * lambda * a).squareRoot()
        return b > 0 ? 2 * lambda * a / (b + root) : (root - b) / 2
    }
}
