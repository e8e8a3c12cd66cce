import NumericCore

/// `ridge(alpha=, beta=, noise=, dim=, lambda=)`: linear ridge regression on Gaussian
/// data with a power-law (or given) spectrum — the learning curves of Atanasov,
/// Zavatone-Veth & Pehlevan 2024, "Scaling and renormalization in high-dimensional
/// regression" (arXiv 2405.00592).
public enum Ridge {
    /// The family as the language sees it.
    public static let family = ModelFamily(
        name: "ridge",
        summary: "ridge regression on Gaussian data with a power-law spectrum: learning curves",
        doc: """
        Data x ~ N(0, diag(λ_k)), k = 1..dim, labels y = w*·x + noise·ε with ε ~ N(0, 1).
        Power law unless spectrum=/target= are given: λ_k = k^-alpha and
        λ_k (w*_k)^2 = k^-(alpha*beta+1), exactly, with no normalisation.
        The estimator minimises (1/P) Σ_i (y_i − w·x_i)^2 + lambda ‖w‖^2 over P samples;
        theory and simulation use this same normalisation. lambda = 0 is the minimum-norm
        interpolator (P < dim) or least squares (P > dim).
        Columns: test = excess risk E[(f − f*)^2] (no noise floor); train = training error
        (1/P) Σ (y − f)^2, noise included; gcv = GCV estimate of the total risk
        (test + noise^2); kappa = renormalised ridge κ; df1, df2 = Σ λ/(λ+κ), Σ λ²/(λ+κ)².
        Theory: κ = lambda + (κ/P) df1(κ); test = (κ² Σ λ_k w_k²/(λ_k+κ)² + γ noise²)/(1 − γ),
        γ = df2/P; train = (1 − df1/P)² (test + noise²). Ridgeless at P = dim the risk is inf
        (0 when noiseless). P = inf gives the population limit κ = lambda.
        """,
        reference: "Atanasov, Zavatone-Veth & Pehlevan 2024, arXiv 2405.00592, ridge-regression section (renormalised ridge κ, "
            + "deterministic-equivalent risk and the GCV identity)",
        model: PowerLawParameters.self,
        validate: { p throws(ModelError) in try SpectralData.checkVectors(p) },
        operations: [
            .table("theory", "deterministic-equivalent learning curve (P, test, train, kappa, df1, df2, gcv)",
                   model: PowerLawParameters.self, arguments: TheorySizes.self,
                   estimate: { model, arguments in theoryEstimate(model, arguments) }, run: theory),
            .table("simulate", "Monte-Carlo ridge fits (P, test, test_se, train, train_se, gcv, gcv_se)",
                   model: PowerLawParameters.self, arguments: SimulationSizes.self,
                   estimate: { model, arguments in simulationEstimate(model, arguments) }, run: simulate),
        ])

    /// The data, noise and ridge a (checked) parameter set describes.
    static func setting(_ p: PowerLawParameters) throws(ModelError) -> (data: SpectralData, noise: Double, lambda: Double) {
        (try SpectralData.from(p), p.noise, p.lambda)
    }

    /// Seconds per mode of one theory point: a few O(dim) passes (a root solve for κ), and of a
    /// width-limited one (finite N: the two-level κ₂ solve of randfeat and ensemble), fitted to
    /// bench/calibrate's idle theory cells at dim 1e4 to 1e6.
    static let pointSecondsPerMode = 1e-8, widthLimitedPointSecondsPerMode = 1.5e-8

    /// Memory and time of a theory curve: building the spectrum and one theory point per P.
    static func theoryEstimate(_ model: PowerLawParameters, _ arguments: TheorySizes, widthLimited: Bool = false) -> WorkEstimate {
        let dim = model.modeCount
        let points = Double(arguments.P.count)
        return WorkEstimate(bytes: 24 * dim,
                            seconds: (widthLimited ? widthLimitedPointSecondsPerMode : pointSecondsPerMode) * dim * points)
    }
}
