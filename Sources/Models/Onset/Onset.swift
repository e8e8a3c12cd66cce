import NumericCore

/// `onset(alpha=, beta=, noise=, dim=, lambda=, N=, E=)`: the onset of variance-limited
/// behaviour (Atanasov, Bordelon, Sainathan & Pehlevan 2022, arXiv 2212.12147) in its
/// solvable linear random-feature setting. The test risk of one width-N model splits
/// into the ensemble-averaged (bias-limited) part E_∞ and the variance over
/// initialisations V = E_1 − E_∞; an ensemble of E members has E_∞ + V/E. P* is the sample
/// size where V/E overtakes the bias-limited excess E_∞ − σ².
public enum Onset {
    /// The family's constructor parameters: the data and ridge, the width N and the ensemble size E.
    struct Parameters: ParameterGroup {
        @OptionGroup var data = PowerLawParameters()
        @Option("width: number of random features per model (inf: the kernel/ridge limit, theory only)",
                range: NumericRange(lower: 1, allowsInfinity: true))
        var N = 100.0
        @Option("ensemble size: models with independent initialisations F averaged", range: .atLeastOne)
        var E = 1
    }

    /// The family as the language sees it.
    public static let family = ModelFamily(
        name: "onset",
        summary: "finite-width variance of random-feature ridge: bias-limited vs variance-limited, P*(N), ensembling",
        doc: """
        The linear random-feature setting of Atanasov, Bordelon, Sainathan & Pehlevan 2022 (the
        paper's own toy model is a final-NTK model whose equations are not readable here; this
        family models only what follows from the random-feature deterministic equivalent).
        Data as in ridge (x ~ N(0, diag λ_k), λ_k = k^-alpha, λ_k w*_k² = k^-(alpha*beta+1),
        y = w*·x + noise·ε); a model of width N has features z = F x, F an N × dim matrix of iid
        N(0, 1/N) entries (its initialisation), ridge (1/P) Σ (y − a·z)² + lambda ‖a‖²; an
        ensemble averages E such models with independent F fitted to the same P samples.
        Theory (randfeat's and ensemble's deterministic equivalents, Ruben et al. 2024):
        E_1 = one model's total risk, E_∞ = the infinitely-ensembled risk (the average over
        initialisations), V = E_1 − E_∞ the variance of the predictor over F, and
        E_E = E_∞ + V/E. Columns of theory: test = E_E − noise², bias = E_∞ − noise²
        (bias-limited part), variance = V, test1 = E_1 − noise², kernel = the N = inf (ridge)
        excess risk. At large N, V ∝ 1/N; at N = inf, V = 0 and test = bias = kernel.
        simulate draws E members per trial: test (the average's excess), test1 (members' own),
        and, for E ≥ 2, variance = E/(E−1)·(test1 − test), unbiased for V.
        pstar(m, N=[...]) solves V(P)/E = E_∞(P) − noise² for the first crossing P* per width
        (the onset of variance-limited behaviour; Pstar and bias inf where V/E stays below the bias up to
        P = 1000·N), with the fitted exponent of P* against N in the column slope.
        Scaling (derived here, not read from the paper): ridgeless and noiseless, for P ≪ N,
        V ≈ (P/N) κ₂ Σ λw²/(λ+κ₂) ∝ P^(1 − alpha·min(beta,1))/N while the bias falls as
        P^(−alpha·min(beta,2)), so P* ∝ (E·N)^(1/(1 + alpha(min(beta,2) − min(beta,1)))):
        P* ∝ √N when alpha(min(beta,2) − 1) = 1 (e.g. alpha = 2, beta = 1.5), the paper's
        P* ∼ √N; P* ∝ N for beta ≤ 1. Noiseless ridgeless fits interpolate exactly from
        P = dim on, so P* ≤ dim: keep dim ≫ P*.
        """,
        reference: "Atanasov, Bordelon, Sainathan & Pehlevan 2022, arXiv 2212.12147 (bias/variance split over "
            + "initialisations, P*, ensembling); E_1 and E_∞ from Ruben, Tong, Chaudhry & Pehlevan 2024, "
            + "arXiv 2412.05418, κ₂ from Atanasov, Zavatone-Veth & Pehlevan 2024, arXiv 2405.00592",
        model: Parameters.self,
        validate: { p throws(ModelError) in try SpectralData.checkVectors(p.data) },
        operations: [
            .table("theory", "bias/variance split of the learning curve (P, test, bias, variance, test1, kernel)",
                   model: Parameters.self, arguments: TheorySizes.self,
                   estimate: { model, arguments in theoryEstimate(model.data, arguments) }, run: theory),
            .table("simulate", "Monte-Carlo ensembles of E models (P, test, test1, variance for E ≥ 2, with _se)",
                   model: Parameters.self, arguments: SimulationSizes.self,
                   estimate: { model, arguments in simulationEstimate(model, arguments) }, run: simulate),
            .table("pstar", "onset sample size P* against width (N, Pstar, bias, slope)",
                   model: Parameters.self, arguments: OnsetWidths.self,
                   estimate: { model, arguments in onsetEstimate(model, arguments) }, run: pstar),
        ])
}
