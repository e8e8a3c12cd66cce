import NumericCore

/// `corridge(correlation=, rho=, exponent=, noisecorr=, lag=, alpha=, beta=, noise=, dim=, lambda=)`:
/// ridge regression on correlated samples `X = K^{1/2} Z Σ^{1/2}` — Atanasov, Zavatone-Veth &
/// Pehlevan 2024, "Risk and cross validation in ridge regression with correlated samples"
/// (arXiv 2408.04607): the risks through K's S-transform, GCV against CorrGCV, and a test
/// point correlated with the training series.
public enum CorrelatedRidge {
    /// The family's parameters: the data and ridge (λ > 0) of `ridge`, and the correlations.
    struct Parameters: ParameterGroup {
        @OptionGroup var data = PowerLawParameters(positiveRidge: 0.01)
        @Option("sample correlations K_ij = f(|i−j|): none (iid), ar1 f = rho^τ, powerlaw f = (1+τ)^-exponent",
                choices: ["ar1", "powerlaw", "none"])
        var correlation = "ar1"
        @Option("ar1 correlation of consecutive samples", range: NumericRange(lower: 0, upper: 1, upperInclusive: false))
        var rho = 0.5
        @Option("powerlaw decay of the sample correlations", range: .positive)
        var exponent = 1.0
        @Option("label noise correlated like the samples (same: ε = σ K^½ ξ, the CorrGCV case) or white",
                choices: ["same", "white"])
        var noisecorr = "same"
        @Option("the correlated test point sits lag samples after the last training sample", range: NumericRange(lower: 1, upper: 1e6))
        var lag = 1
    }

    /// Sample sizes for the theory: whole numbers (K is P × P).
    struct Sizes: ParameterGroup {
        @Option("number of training samples (a grid; K is P × P)", range: NumericRange(lower: 1, upper: 20_000, whole: true))
        var P: [Double]
    }

    /// The family as the language sees it.
    public static let family = ModelFamily(
        name: "corridge",
        summary: "ridge on correlated samples: risk through K's S-transform, GCV vs CorrGCV, forecasting",
        doc: """
        Data X = K^½ Z Σ^½ (P × dim, Z iid N(0, 1)): rows are P consecutive samples of a stationary
        sequence with correlations K_ij = f(|i−j|) (correlation = ar1: rho^τ; powerlaw: (1+τ)^-exponent;
        none: iid), Σ = diag(λ_k) and w* as in ridge (λ_k = k^-alpha, λ_k w*_k² = k^-(alpha*beta+1), or
        spectrum=/target=). Labels y = Xw* + ε with ε = noise·K^½ξ (noisecorr = same) or noise·ξ (white).
        Ridge minimises (1/P) Σ (y − w·x)² + lambda ‖w‖², lambda > 0.
        Theory (derived here from the separable deterministic equivalent; the paper's equations could not
        be read here): δ solves df1(lambda/g1(δ))/P = δ g1(δ) with g1 = ⟨k/(1+δk)⟩ over K's eigenvalues
        (computed numerically at each P), κ = lambda/g1, i.e. κ = lambda/S(df1/P) with S set by K's
        S-transform; γ = (df2/P) ⟨k²/(1+δk)²⟩/g1²; test = (κ² Σ λw²/(λ+κ)² + noise² v)/(1 − γ) with
        v = γ (same) or (df2/P)⟨k/(1+δk)²⟩/g1² (white); for same noise train = u1·(test + noise²),
        u1 = ⟨k/(1+δk)²⟩. K = I is exactly ridge.
        Columns: test = excess risk at an independent point; total = test + noise²; train; gcv =
        train/(1 − df̂1/P)² (ordinary GCV, biased when K ≠ I); corrgcv = train/u1(δ̂) with δ̂ from
        δ̂ g1(δ̂) = df̂1/P (the corrected estimator, consistent for same noise); forecast = total risk at a
        test point lag samples after the series (same noise only: (test + noise²)(aᵀK(I+δK)⁻²a + 1 − aᵀKa),
        a = K⁻¹k*), lower than total; simulate also gives forecastgcv = corrgcv·(aᵀK(I+δ̂K)⁻²a + 1 − aᵀKa).
        With white noise the forecast columns are left out (not derived for that case).
        kappa, delta, df1, df2 as above.
        """,
        reference: "Atanasov, Zavatone-Veth & Pehlevan 2024, arXiv 2408.04607 (setup X = K^½ZΣ^½, risks through K's "
            + "S-transform, GCV bias and CorrGCV, correlated test points); formulas derived here (see CorrelatedRisk.swift)",
        model: Parameters.self,
        validate: { p throws(ModelError) in try SpectralData.checkVectors(p.data) },
        operations: [
            .table("theory", "deterministic-equivalent risks (P, test, total, train, gcv, corrgcv, forecast, kappa, delta, df1, df2)",
                   model: Parameters.self, arguments: Sizes.self,
                   estimate: { model, arguments in theoryEstimate(model, arguments.P) }, run: theory),
            .table("simulate", "Monte-Carlo fits (P, test, total, train, gcv, corrgcv, forecast, forecastgcv; each with _se)",
                   model: Parameters.self, arguments: SimulationSizes.self,
                   estimate: { model, arguments in simulationEstimate(model, arguments) }, run: simulate),
        ])

    /// Memory and time of building K's eigendecomposition at each P (`dsyevd`) and, for
    /// `root`, K^{1/2} = U diag(√μ) Uᵀ (one P × P × P product), counted in NumericCore's
    /// kernels; the O(dim + P) root solve is negligible beside them.
    static func correlationEstimate(_ model: Parameters, _ sizes: [Double], root: Bool) -> WorkEstimate {
        guard model.correlation != "none" else { return WorkEstimate(bytes: 8 * (sizes.max() ?? 0), seconds: 0) }
        let largest = sizes.max() ?? 0
        let seconds = sizes.reduce(0) { $0 + WorkEstimate.eigenSeconds($1) + (root ? WorkEstimate.gemmSeconds($1, $1, $1) : 0) }
        return WorkEstimate(bytes: 8 * 4 * largest * largest, seconds: seconds)
    }

    /// Memory and time of a theory curve.
    static func theoryEstimate(_ model: Parameters, _ sizes: [Double]) -> WorkEstimate {
        let k = correlationEstimate(model, sizes, root: false)
        let solve = 100 * Double(sizes.count) * (model.data.modeCount + (sizes.max() ?? 0)) * 4e-9
        return WorkEstimate(bytes: k.bytes + 24 * model.data.modeCount, seconds: k.seconds + solve)
    }
}
