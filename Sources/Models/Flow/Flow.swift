/// `flow(alpha=, beta=, noise=, dim=, N=, P=, eta=, batch=, gamma=)`: gradient flow of the random-feature
/// model of Bordelon, Atanasov & Pehlevan 2024, "A Dynamical Model of Neural Scaling
/// Laws" (arXiv 2402.01092, ICML 2024), §2.
///
/// Teacher y = w*·ψ(x) + noise with ⟨ψ_k ψ_l⟩ = δ_kl λ_k (k = 1..dim); student
/// f = (1/√N) w·Aψ with A ∈ R^{N×dim} iid N(0, 1); P samples (P = inf: online, i.e.
/// gradient flow on the population loss); w(0) = 0; dw/dt = −∇_w (1/2P) Σ_μ (f − y)², or
/// with `eta` > 0 full-batch gradient descent w ← w − η∇_w(…) (the paper's §2 variants),
/// with `batch` B < P minibatch SGD (arXiv 2502.05074; `Flow+StochasticTheory.swift`).
/// With `gamma` > 0 the features are learned too (arXiv 2409.17858; `FlowFeatureLearning.swift`).
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
        batch = B < P (with eta > 0) trains by minibatch SGD instead (Atanasov, Bordelon, Zavatone-Veth, \
        Paquette & Pehlevan 2025, arXiv 2502.05074): each step a fresh uniform subset of B distinct \
        samples of the P (so samples repeat once t·B passes P; P = inf: B fresh samples, online), \
        w ← w − (η/B) Σ_batch f(fᵀw − y). Its theory is the forcing-plus-kernel (Volterra) form: \
        train ℓ(t) = ℓ_GD(t) + η²q Σ_{τ<t} tr[Ĝ²(1−ηĜ)^{2(t−1−τ)}] ℓ(τ) and test(t) = test_GD(t) + \
        η²q Σ_{τ<t} tr[Σ_F Ĝ(1−ηĜ)^{2(t−1−τ)}] ℓ(τ), q = (P−B)/(B(P−1)) (1/B online), with the \
        full-batch descent curves above as forcing and the kernels from the same deterministic \
        equivalents; derived here under the high-dimensional closure of the batch noise \
        (homogenised SGD), the paper's own equations were not readable here. Steps t ≤ 1e5. \
        simulate runs the SGD itself. B = P (or inf) is full-batch descent, eta → 0 gradient flow.
        gamma > 0 learns the features (Bordelon, Atanasov & Pehlevan 2024b, arXiv 2409.17858, \
        the two-layer model trained by projected gradient flow, their Fig. 10c): f = (1/√N) w·BAψ \
        with a hidden N×N layer B(0) = I trained at rate γ², w(0) = 0, online (P = inf, eta = 0). \
        The balance BBᵀ − γ²wwᵀ = I reduces it exactly to dz/dt = K g + (γ²/K) z(zᵀg), z = Bᵀw, \
        g = AΛ(w* − v)/√N, K = 1 + γ²|w|² = (1 + √(1 + 4γ²|z|²))/2 (derived here; the paper's own \
        equations were not readable here). theory is its N = inf limit (integrated exactly in \
        the linear part, ETD2); simulate draws A and integrates the same flow at width N. \
        Headline (paper Eq. 10): L ~ t^-χ, χ = beta·max(1, 2/(1+beta)): hard tasks (beta < 1, \
        target outside the initial RKHS, Σ w*² = ∞) speed up to t^-2β/(1+β) because K grows \
        like γ|v|; easy tasks (beta > 1) keep t^-beta. gamma = 0 is exactly the lazy model above.
        """,
        reference: """
        Bordelon, Atanasov, Pehlevan 2024, arXiv 2402.01092 (model §2, bottleneck scalings §5, \
        compute-optimal §6); deterministic equivalents: Atanasov, Zavatone-Veth, Pehlevan 2024, \
        arXiv 2405.00592; width floor N^-min(a-1,b) as in Paquette et al. 2024, arXiv 2405.15074; \
        feature learning (gamma): Bordelon, Atanasov, Pehlevan 2024b, arXiv 2409.17858 (Eq. 10); \
        SGD (batch): Atanasov, Bordelon, Zavatone-Veth, Paquette, Pehlevan 2025, arXiv 2502.05074.
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
    @Option("minibatch size of SGD: each step a fresh uniform subset of B distinct samples (inf: full batch; needs eta > 0)",
            range: NumericRange(lower: 1, upper: 10_000_000, allowsInfinity: true, whole: true))
    var batch = Double.infinity
    @Option("feature-learning strength γ: the hidden N×N layer B trains at rate γ² (0: lazy random features)",
            range: NumericRange(lower: 0, upper: 1000))
    var gamma = 0.0

    /// The task's spectrum.
    var spectrum: FlowSpectrum { FlowSpectrum(alpha: alpha, beta: beta, dim: dim) }

    /// Gradient flow or descent.
    var clock: FlowClock { FlowClock(rate: eta) }

    /// Minibatch SGD: B finite and below P (B = P is full-batch descent).
    var isStochastic: Bool { batch.isFinite && batch < P }

    /// q, the batch-noise factor: (P − B)/(B(P − 1)) for subsets of B distinct samples of
    /// P, 1/B online (P = inf), 0 at B = P.
    var batchNoise: Double { P.isInfinite ? 1 / batch : (P - batch) / (batch * (P - 1)) }

    /// SGD needs B ≤ P (declared whole), a step size, and the lazy model.
    func checkBatch() throws(ModelError) {
        if batch.isInfinite { return }
        if P.isFinite && batch > P {
            throw .domain(parameter: "batch", value: formatParameter(batch), allowed: "1 ≤ batch ≤ P = \(formatParameter(P)) (batch = P: full batch)")
        }
        if isStochastic && eta == 0 {
            throw .domain(parameter: "eta", value: "0", allowed: "eta > 0 when batch < P (SGD takes steps of size eta)")
        }
        if isStochastic && gamma != 0 {
            throw .domain(parameter: "gamma", value: formatParameter(gamma), allowed: "gamma = 0 when batch < P (SGD is modelled for lazy random features)")
        }
    }

    /// Feature learning (gamma > 0) is modelled online (P = inf) under gradient flow.
    func checkFeatureLearning(_ operation: String) throws(ModelError) {
        if gamma == 0 { return }
        if P.isFinite {
            throw .domain(parameter: "P", value: formatParameter(P), allowed: "P = inf when gamma > 0 (feature learning is modelled online)")
        }
        if eta != 0 {
            throw .domain(parameter: "eta", value: formatParameter(eta), allowed: "eta = 0 when gamma > 0 (gradient flow)")
        }
        if operation == "theory", N.isFinite {
            throw .domain(parameter: "N", value: formatParameter(N), allowed: """
                N = inf for theory when gamma > 0 (its exact reduced dynamics is the infinite-width limit; \
                simulate(m, ...) runs finite N)
                """)
        }
    }
}

/// With gradient descent t counts steps: refuse fractional ones.
func checkSteps(_ times: [Double]) throws(ModelError) {
    let steps = NumericRange(lower: 0, upper: 1e15, whole: true)
    for t in times { try steps.check(t, parameter: "t", purpose: "when eta > 0") }
}

/// Refuses an empty grid such as `t` or `C` (the declared range checks its entries).
func requireValues(_ grid: [Double], _ name: String) throws(ModelError) {
    if grid.isEmpty { throw .tooFew(parameter: name, least: 1, noun: "values", purpose: nil) }
}
