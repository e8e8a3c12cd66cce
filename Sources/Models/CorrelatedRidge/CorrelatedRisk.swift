import NumericCore

/// The deterministic-equivalent risks of ridge regression with correlated samples at one
/// sample size, derived here (the paper's own equations could not be read here; the
/// derivation below reproduces its stated structure, a renormalised ridge through K's
/// S-transform, and is checked against simulation in the tests).
///
/// Data `X = K^{1/2} Z Σ^{1/2}` (P × N, Z iid N(0, 1)), `y = X w* + ε`, with
/// `ε = σ K^{1/2} ξ` (noise correlated like the samples, `same`) or `ε = σ ξ` (`white`);
/// ridge minimises `(1/P) ‖y − Xw‖² + λ ‖w‖²`. The separable-covariance deterministic
/// equivalent `(Σ̂ + λ)⁻¹ ≃ (λ + δ̃ Σ)⁻¹` with
///
///     δ = (1/P) tr Σ (λ + δ̃Σ)⁻¹,   δ̃ = (1/P) tr K (I + δK)⁻¹ = g1(δ)
///
/// gives the renormalised ridge `κ = λ/δ̃` and `δ = df1(κ)/(P δ̃)`; equivalently
/// `κ = λ / S(df1/P)` with `S(t) = t/δ` where `(1/P) Σ_i δk_i/(1 + δk_i) = t`, i.e.
/// `S(t) = (1 − t)/S_K(−t)` with S_K the S-transform of K (the structure AZP 2024, arXiv 2408.04607,
/// state; K = I gives S = 1 − t, plain ridge). One monotone
/// equation in δ is solved: `df1(λ/g1(δ))/P = δ g1(δ)`.
///
/// With `c_k = λ_k w*_k²`, `s2 = Σ c/(λ+κ)²`, `df2 = Σ λ²/(λ+κ)²` and the K-sums
/// `g0 = ⟨1/(1+δk)⟩`, `g1 = ⟨k/(1+δk)⟩`, `u1 = ⟨k/(1+δk)²⟩`, `u2 = ⟨k²/(1+δk)²⟩`
/// (⟨·⟩ the mean over K's eigenvalues), differentiating the deterministic equivalent
/// (in a source μΣ added to the ridge and in K) gives
///
///     γ = (df2/P) u2/g1²
///     test (excess) = (κ² s2 + σ² v)/(1 − γ),   v = γ (same) or (df2/P) u1/g1² (white)
///     train = u1 κ² s2/(1 − γ) + σ² n,   n = u1/(1 − γ) (same) or
///             g0 + (df2 κ'/P − δ) u1 with κ' = u1/(g1²(1 − γ)) (white)
///
/// For `same` noise, `train = u1 (test + σ²)`: the corrected estimator
/// `CorrGCV = train/u1(δ̂)` (δ̂ from the empirical `df̂1 = tr Σ̂(Σ̂+λ)⁻¹` through
/// `δ̂ g1(δ̂) = df̂1/P`) is consistent, while GCV `= train/(1 − df̂1/P)²` (`g0²` in the
/// denominator) is not unless K = I. A test point correlated with the training samples
/// (`a = K⁻¹k*`) has total risk `E[rrᵀ]`-weighted: with `E[rrᵀ] ≃ (test + σ²) K(I + δK)⁻²`,
///
///     forecast = (test + σ²) (aᵀK(I + δK)⁻²a + 1 − aᵀKa)     (same noise only)
///
/// — below the independent-point risk: the correlated point is predicted better.
struct CorrelatedRisk {
    /// The renormalised ridge κ = λ/g1(δ).
    var kappa: Double
    /// The K-side δ.
    var delta: Double
    /// `Σ λ/(λ+κ)` and `Σ λ²/(λ+κ)²`.
    var df1: Double, df2: Double
    /// Excess risk at an independent test point, E[(f − f*)²].
    var excess: Double
    /// Training error (1/P) ‖y − Xŵ‖², noise included.
    var train: Double
    /// The limits of GCV and CorrGCV.
    var gcv: Double, corrgcv: Double
    /// Total risk at the test point `lag` after the training series (same noise only; nan,
    /// and left out of the tables, for white noise, where it is not derived).
    var forecast: Double

    /// The risks for `data`, sample correlations `correlation`, ridge λ > 0 and noise SD σ.
    init(data: SpectralData, correlation: SampleCorrelation, lambda: Double, noise: Double, sameNoise: Bool) {
        let p = Double(correlation.eigenvalues.count)
        let delta = data.eigenvalues.withUnsafeBufferPointer { l -> Double in
            let root = try? RootFinding.brentExpanding(lower: 0, guess: 1) { d in
                let g1 = correlation.moments(d).g1
                return RenormalizedRidge.degreesOfFreedom(l, lambda / g1).0 / p - d * g1
            }
            return root ?? .nan
        }
        let m = correlation.moments(delta)
        let kappa = lambda / m.g1
        let s = RenormalizedRidge.sums(data, kappa: kappa)
        let sigma2 = noise * noise
        let gamma = s.df2 / p * m.u2 / (m.g1 * m.g1)
        let slope = m.u1 / (m.g1 * m.g1 * (1 - gamma))
        let variance = sameNoise ? gamma : s.df2 / p * m.u1 / (m.g1 * m.g1)
        let trainNoise = sameNoise ? m.u1 / (1 - gamma) : m.g0 + (s.df2 * slope / p - delta) * m.u1
        self.kappa = kappa
        self.delta = delta
        df1 = s.df1
        df2 = s.df2
        if gamma >= 1 {
            excess = .infinity
            train = .infinity
        } else {
            excess = (s.bias2 + sigma2 * variance) / (1 - gamma)
            train = m.u1 * s.bias2 / (1 - gamma) + sigma2 * trainNoise
        }
        gcv = train / (m.g0 * m.g0)
        corrgcv = train / m.u1
        forecast = sameNoise ? (excess + sigma2) * (m.forecast + 1 - correlation.reach) : .nan
    }
}
