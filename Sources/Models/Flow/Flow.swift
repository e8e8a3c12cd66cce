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
        parameters: [
            ParameterSpec("alpha", "capacity exponent: λ_k = k^-alpha (b in the paper)",
                          default: .number(2), range: .positive),
            ParameterSpec("beta", "source exponent: λ_k w*_k² = k^-(alpha·beta+1) (a = alpha·beta + 1)",
                          default: .number(0.5), range: .positive),
            ParameterSpec("noise", "standard deviation σ of the label noise", default: .number(0),
                          range: .nonNegative),
            ParameterSpec("dim", "number of modes M of ψ", kind: .integer, default: .number(2000),
                          range: NumericRange(lower: 1, upper: 10_000_000)),
            ParameterSpec("N", "width: number of random features (inf: no width bottleneck)",
                          default: .number(.infinity), range: NumericRange(lower: 1, allowsInfinity: true)),
            ParameterSpec("P", "number of training samples (inf: online / population flow)",
                          default: .number(.infinity), range: NumericRange(lower: 1, allowsInfinity: true)),
            ParameterSpec("eta", "learning rate η of full-batch gradient descent, t counting steps (0: gradient flow)",
                          default: .number(0), range: .nonNegative),
        ],
        operations: [theoryOperation, simulateOperation, frontierOperation])
}

/// The model's parameters read out of a `ParameterSet`.
struct FlowParameters: Sendable {
    var alpha: Double
    var beta: Double
    var noise: Double
    var dim: Int
    var width: Double
    var samples: Double
    /// η of gradient descent, 0 for gradient flow.
    var rate: Double

    /// Reads and re-checks the parameters (operations may override N and P).
    init(_ p: ParameterSet) throws(ModelError) {
        alpha = try p.number("alpha")
        beta = try p.number("beta")
        noise = try p.number("noise")
        dim = try p.integer("dim")
        width = try p.number("N")
        samples = try p.number("P")
        rate = try p.number("eta")
        if !(alpha > 0) || !alpha.isFinite { throw .domain(parameter: "alpha", value: formatParameter(alpha), allowed: "alpha > 0") }
        if !(beta > 0) || !beta.isFinite { throw .domain(parameter: "beta", value: formatParameter(beta), allowed: "beta > 0") }
        if !(noise >= 0) || !noise.isFinite { throw .domain(parameter: "noise", value: formatParameter(noise), allowed: "noise ≥ 0") }
        if dim < 1 || dim > 10_000_000 { throw .domain(parameter: "dim", value: String(dim), allowed: "1 ≤ dim ≤ 10000000") }
        if !(width >= 1) { throw .domain(parameter: "N", value: formatParameter(width), allowed: "N ≥ 1 (inf allowed)") }
        if !(samples >= 1) { throw .domain(parameter: "P", value: formatParameter(samples), allowed: "P ≥ 1 (inf allowed)") }
        if !(rate >= 0) || !rate.isFinite { throw .domain(parameter: "eta", value: formatParameter(rate), allowed: "eta ≥ 0 (0: gradient flow)") }
    }

    /// The task's spectrum.
    var spectrum: FlowSpectrum { FlowSpectrum(alpha: alpha, beta: beta, dim: dim) }

    /// Gradient flow or descent.
    var clock: FlowClock { FlowClock(rate: rate) }
}

/// With gradient descent t counts steps: refuse fractional ones.
func checkSteps(_ times: [Double]) throws(ModelError) {
    for t in times where t.rounded() != t || t > 1e15 {
        throw .domain(parameter: "t", value: formatParameter(t), allowed: "whole step counts 0 ≤ t ≤ 1e15 when eta > 0")
    }
}

/// Reads a grid such as `t` or `C` and checks each entry against `range`.
func flowGrid(_ arguments: ParameterSet, _ name: String, _ range: NumericRange) throws(ModelError) -> [Double] {
    let grid = try arguments.vector(name)
    if grid.isEmpty { throw .argument(parameter: name, message: "\(name) is empty: give at least one value") }
    for x in grid where !range.contains(x) {
        throw .domain(parameter: name, value: formatParameter(x), allowed: range.describe(name))
    }
    return grid
}
