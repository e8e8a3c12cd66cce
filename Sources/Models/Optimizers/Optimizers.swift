/// `optimizers(beta=, dim=, outputs=, steps=, lr=)`: how the model-size scaling exponent
/// of random-feature regression depends on the optimizer, after Ramani & Jain 2026,
/// "On the Optimizer Dependence of Neural Scaling Laws" (arXiv 2605.29387).
///
/// Only the abstract of that paper was available: its exact setup (optimizers'
/// hyperparameters, budgets, data) is not public, so this is our own instance of "the
/// same random-feature regression trained with different optimizers", documented here,
/// and only qualitative claims are drawn from it.
public enum Optimizers {
    /// The optimizers compared, in table order.
    static let names = ["gd", "diagonal", "natural", "muon"]

    /// The family as the language sees it.
    public static let family = ModelFamily(
        name: "optimizers",
        summary: "model-size scaling exponent of random-feature regression per optimizer (GD, diagonal, natural, muon)",
        doc: """
        Random-feature regression with K outputs: λ_k = k^-s (s: spectral exponent, given \
        per operation), targets W*_jk = ξ_jk w*_k with λ_k w*_k² = k^-(s·beta+1) and random \
        signs ξ, student W ∈ R^{K×N} on features z = Aψ/√N (A iid N(0,1)), trained on the \
        population loss for `steps` steps with the step size decaying linearly to 0 by: \
        gd (W −= η G, η = lr/λmax(Σz)); diagonal (W −= η G D⁻¹, D = diag Σz, Jacobi/Adam-like); \
        natural (W −= lr·G(Σz + δ)⁻¹, δ = 1e-10·tr Σz/N); muon (W −= η msign(G), msign = UVᵀ \
        of the SVD, η₀ = lr·σmax(G₀)/λmax(Σz): the same first step as GD along the top \
        direction). test = (1/K) Σ_j (v_j − w*_j)ᵀΛ(v_j − w*_j) at the end, v_j = Aᵀw_j/√N. \
        simulate(m, s=..., N=..., trials=, seed=) gives s, optimizer, N, test, test_se; \
        exponents(m, ...) fits test ~ N^-exponent per trial and gives s, optimizer, \
        exponent, exponent_se (mean and standard error over trials). The exact setup of \
        Ramani & Jain is not public: this reproduces only qualitative claims.
        """,
        reference: "Ramani & Jain 2026, arXiv 2605.29387 (abstract only); model as in Bordelon, Atanasov, Pehlevan 2024, arXiv 2402.01092",
        model: Parameters.self,
        operations: [simulateOperation, exponentsOperation])

    /// The model's parameters, declared once.
    struct Parameters: ParameterGroup {
        @Option("source exponent: λ_k w*_k² = k^-(s·beta+1)", range: .positive)
        var beta = 1.0
        @Option("number of modes M of ψ", range: NumericRange(lower: 2, upper: 20_000))
        var dim = 1024
        @Option("number of outputs K (so that matrix-sign updates are matrices)", range: NumericRange(lower: 1, upper: 256))
        var outputs = 8
        @Option("optimisation steps T (fixed budget for every width)", range: NumericRange(lower: 1, upper: 100_000))
        var steps = 300
        @Option("base step size (relative; see the doc)", range: NumericRange(lower: 0, lowerInclusive: false, upper: 1))
        var lr = 0.5
    }

    /// Parameters shared by both operations: spectral exponents s, widths N, trials, seed.
    struct Grid: ParameterGroup {
        @Option("spectral exponents: λ_k = k^-s", range: .positive, sweepable: false)
        var s: [Double]
        @Option("widths (at least 2, each ≤ dim)", range: .counts, sweepable: false)
        var N: [Double]
        @OptionGroup var replication = Replication(trials: 4, fewest: 2)
    }
}
