/// Test, training and GCV risks of (random-feature) ridge regression from the
/// renormalised ridge κ₂ (see `RenormalizedRidge`).
///
/// With `df1, df2, s1 = Σ c/(λ+κ₂), s2 = Σ c/(λ+κ₂)²` at κ₂ (`c_k = λ_k w_k²`),
/// `ρ = (N − df1)/(N − df2)` (ρ = 1 for plain ridge, N = ∞) and
/// `γ = (df1 − ρ(df1 − df2))/P`, the total test risk is
///
///     E = (κ₂² s2 ρ + κ₂ s1 (1 − ρ) + σ²) / (1 − γ)
///
/// (Ruben, Tong, Chaudhry & Pehlevan 2024, arXiv 2412.05418, their E₁ for one
/// random-feature model; for N = ∞ it is the ridge risk `(κ² s2 + σ²)/(1 − df2/P)` of
/// Atanasov, Zavatone-Veth & Pehlevan 2024, arXiv 2405.00592). The term
/// `κ₂ s1 (1 − ρ)` is the variance-limited / approximation part of finite N. (Derivation
/// check: conditioned on F this is ridge on z with covariance FΛFᵀ; its df2 is
/// `df1_F + κ ∂κ df1_F` with `df1_F(κ) = df1(κ₂(κ))`, which gives γ exactly as above.) The
/// excess risk is `E − σ²`; the training error is `(1 − df1/P)² · E` (the ridge
/// identity `E_train = (λ/κ)² E` with `λ/κ = 1 − df1/P` for the first-level κ), and
/// the GCV estimate `E_train/(1 − df̂1/P)²` tends to `E`.
///
/// Where `γ = 1` (ridgeless at P = dim, or random features at N = P) the risk
/// diverges and `excess` is `+inf` — unless the numerator vanishes (noiseless ridge
/// interpolating at P = dim), where it is 0.
public struct RenormalizedRisk: Sendable, Equatable {
    /// The renormalised ridge κ₂.
    public var kappa: Double
    /// `Σ λ/(λ+κ₂)`.
    public var df1: Double
    /// `Σ λ²/(λ+κ₂)²`.
    public var df2: Double
    /// The finite-width factor ρ (1 for plain ridge).
    public var rho: Double
    /// `E − σ²`, the excess test risk E[(f − f*)²].
    public var excess: Double
    /// The training error (mean squared residual on the P samples, noise included).
    public var train: Double
    /// The limit of the GCV estimate: the total test risk `E`.
    public var gcv: Double
    /// The ensemble's K → ∞ total risk `E_∞ = (κ₂² s2 + σ²)/(1 − df2/P)` (Ruben et al.
    /// 2024), equal to `gcv` for plain ridge.
    public var totalInfinite: Double

    /// The risks at P samples, N features, ridge λ and noise SD σ for `data`.
    /// - Parameter guess: a starting κ for the root finder (a sweep's previous point).
    public init(data: SpectralData, P: Double, N: Double = .infinity, lambda: Double, noise: Double,
                guess: Double? = nil) {
        let invP = P.isInfinite ? 0 : 1 / P
        let dim = Double(data.dim)
        let m = min(N, P)
        let kappa = RenormalizedRidge.kappa(eigenvalues: data.eigenvalues, P: P, N: N, lambda: lambda, guess: guess)
        var s = RenormalizedRidge.sums(data, kappa: kappa)
        // Exact, so that γ = 1 is detected exactly (modes whose eigenvalue underflowed to 0 don't count).
        if lambda == 0 && m < dim && m < Double(data.eigenvalues.count { $0 > 0 }) { s.df1 = m }
        let sigma2 = noise * noise
        var rho = 1.0
        if N.isFinite && N - s.df2 > 0 { rho = (N - s.df1) / (N - s.df2) }
        let gamma = (s.df1 - rho * (s.df1 - s.df2)) * invP
        let bias = s.bias2 * rho + s.bias1 * (1 - rho)
        let total: Double, excess: Double
        if gamma >= 1 {
            total = bias + sigma2 == 0 ? 0 : .infinity
            excess = total
        } else {
            total = (bias + sigma2) / (1 - gamma)
            excess = (bias + gamma * sigma2) / (1 - gamma)
        }
        let trainFactor = 1 - s.df1 * invP
        let gammaInfinite = s.df2 * invP
        self.kappa = kappa
        self.df1 = s.df1
        self.df2 = s.df2
        self.rho = rho
        self.excess = excess
        self.train = trainFactor == 0 ? 0 : trainFactor * trainFactor * total
        self.gcv = total
        self.totalInfinite = gammaInfinite >= 1
            ? (s.bias2 + sigma2 == 0 ? 0 : .infinity)
            : (s.bias2 + sigma2) / (1 - gammaInfinite)
    }
}
