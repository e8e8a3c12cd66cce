/// `flow(alpha=, beta=, noise=, dim=, N=, P=)`: gradient flow of the random-feature
/// model of Bordelon, Atanasov & Pehlevan 2024, "A Dynamical Model of Neural Scaling
/// Laws" (arXiv 2402.01092, ICML 2024), §2.
///
/// Teacher y = w*·ψ(x) + noise with ⟨ψ_k ψ_l⟩ = δ_kl λ_k (k = 1..dim); student
/// f = (1/√N) w·Aψ with A ∈ R^{N×dim} iid N(0, 1); P samples (P = inf: online, i.e.
/// gradient flow on the population loss); w(0) = 0; dw/dt = −∇_w (1/2P) Σ_μ (f − y)², or
/// with `eta` > 0 full-batch gradient descent w ← w − η∇_w(…) (the paper's §2 variants).
public enum Flow {
    /// The family as the language sees it.
    public static let family = ModelFamily(
        name: "flow",
        summary: "gradient flow of a random-feature model: loss vs time, width N and data P",
        doc: """
        Gradient flow from w = 0 of the random-feature model f = (1/√N) w·Aψ, A ∈ R^{N×dim} \
        iid N(0,1), fitted to y = w*·ψ + noise on P samples (P = inf: online / population \
        gradient flow). Power-law task: λ_k = k^-alpha, λ_k (w*_k)² = k^-(alpha·beta+1), \
        k = 1..dim, no normalisation. Notation: the help uses alpha/beta; the paper's \
        capacity and source exponents are b = alpha and a = alpha·beta + 1. Bottlenecks: \
        L ~ t^-(a-1)/b (time), L ~ P^-min(a-1, 2b) (data), and at P = inf, t = inf \
        L ~ N^-min(a-1, b) (width; equals the paper's N^-(a-1) in its regime a-1 < b). \
        Compute C = N·t; compute-optimal t* ~ C^(b/(1+b)), N* ~ C^(1/(1+b)), \
        L* ~ C^-(a-1)/(1+b). Columns: t, test (excess risk E[(f−f*)²], no noise floor), \
        train (training error with noise, finite P only); simulations add test_se, train_se. \
        At P = inf the flow follows the population gradient, which label noise does not change.
        theory(m, t=...) is exact for dim → ∞ at fixed ratios N/dim, P/dim (two-level \
        deterministic equivalents inverted from the Laplace domain), for any N and P, \
        finite or inf. eta > 0 trains by full-batch gradient descent with step eta instead, t \
        counting steps (whole numbers); its theory maps the same transforms through \
        z' = (e^z − 1)/eta and needs eta < 1/s_max (the top of the Hessian's spectrum, named \
        in the error). simulate(m, t=..., trials=, seed=) draws A and the data and integrates \
        the exact gradient flow (or descent) by eigendecomposition; descent above 2/s_max \
        diverges and reports inf. frontier(m, C=...) minimises the P = inf gradient-flow \
        theory over N at fixed C = N·t and returns C, N, t, test.
        """,
        reference: """
        Bordelon, Atanasov, Pehlevan 2024, arXiv 2402.01092 (model §2, bottleneck scalings §5, \
        compute-optimal §6); deterministic equivalents: Atanasov, Zavatone-Veth, Pehlevan 2024, \
        arXiv 2405.00592; width floor N^-min(a-1,b) as in Paquette et al. 2024, arXiv 2405.15074.
        """,
        model: FlowParameters.self,
        operations: [theoryOperation, simulateOperation, frontierOperation])
}

/// The model's parameters, declared once.
struct FlowParameters: ParameterGroup {
    @Option("capacity exponent: λ_k = k^-alpha (b in the paper)", range: .positive)
    var alpha = 2.0
    @Option("source exponent: λ_k w*_k² = k^-(alpha·beta+1) (a = alpha·beta + 1)", range: .positive)
    var beta = 0.5
    @Option("standard deviation σ of the label noise", range: .nonNegative)
    var noise = 0.0
    @Option("number of modes M of ψ", range: NumericRange(lower: 1, upper: 10_000_000))
    var dim = 2000
    @Option("width: number of random features (inf: no width bottleneck)", range: NumericRange(lower: 1, allowsInfinity: true))
    var N = Double.infinity
    @Option("number of training samples (inf: online / population flow)", range: NumericRange(lower: 1, allowsInfinity: true))
    var P = Double.infinity
    @Option("learning rate η of full-batch gradient descent, t counting steps (0: gradient flow)", range: .nonNegative)
    var eta = 0.0

    /// The task's spectrum.
    var spectrum: FlowSpectrum { FlowSpectrum(alpha: alpha, beta: beta, dim: dim) }

    /// Gradient flow or descent.
    var clock: FlowClock { FlowClock(rate: eta) }
}

/// With gradient descent t counts steps: refuse fractional ones.
func checkSteps(_ times: [Double]) throws(ModelError) {
    for t in times where t.rounded() != t || t > 1e15 {
        throw .domain(parameter: "t", value: formatParameter(t), allowed: "whole step counts 0 ≤ t ≤ 1e15 when eta > 0")
    }
}

/// Refuses an empty grid such as `t` or `C` (the declared range checks its entries).
func requireValues(_ grid: [Double], _ name: String) throws(ModelError) {
    if grid.isEmpty { throw .argument(parameter: name, message: "\(name) is empty: give at least one value") }
}
