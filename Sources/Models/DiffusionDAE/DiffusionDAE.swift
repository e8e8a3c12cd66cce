import NumericCore

/// A two-layer tied-weight denoising autoencoder with a skip connection, trained by online SGD
/// on a two-cluster Gaussian mixture at one diffusion time: the learning half of the setting of
/// Cui, Pehlevan & Lu 2025, "A solvable model of learning generative diffusion: theory and
/// insights" (arXiv 2501.03937), in the low-dimensional summary-statistics form derived here.
///
/// Data x = s μ + σ z in `dim` dimensions (s = ±1, P(s = +1) = balance, |μ|² = snr), noisy input
/// x_t = α x + β ξ, denoiser f(x_t) = c x_t + w tanh(wᵀx_t). As dim → ∞ with the weight's rate
/// lr/dim and the skip's lr/dim², the overlap M = wᵀμ, the squared norm Q = |w|² and c obey
/// deterministic ODEs in τ = samples/dim (DiffusionDAE+Theory.swift).
public enum DiffusionDAE {
    /// The `diffdae(...)` family for the catalog.
    public static let family = ModelFamily(
        name: "diffdae",
        summary: "Two-layer denoising autoencoder learning a Gaussian mixture by online SGD: summary-statistics ODEs (Cui, Pehlevan & Lu 2025)",
        doc: """
        Data x = s μ + σ z ∈ R^dim, s = +1 with probability `balance` else −1, |μ|² = snr (μ = √(snr/dim)·(1,…,1)),
        z ~ N(0, I). One diffusion time: x_t = α x + β ξ, ξ ~ N(0, I) (alpha, beta). Denoiser (tied weights, skip):
        f(x_t) = c x_t + w tanh(wᵀx_t); loss ℓ = |f(x_t) − x|²/2 on a fresh sample per step (online SGD):
        w ← w − (lr/dim)(g e + (wᵀe) g′ x_t), c ← c − (lr/dim²) x_tᵀe, e = f(x_t) − x, g = tanh(wᵀx_t), g′ = 1 − g².
        Start: c = c0, w = (m0/snr) μ + u, u ⊥ μ random with |u|² = q0 − m0²/snr (so M(0) = m0, Q(0) = q0).
        As dim → ∞ with τ = steps/dim, M = wᵀμ, Q = |w|², c follow deterministic ODEs derived here (the paper's
        own equations could not be read here; only its abstract and introduction): with Δ = α²σ² + β²,
        Γ = (cα − 1)²σ² + c²β², κ = cΔ − ασ², the preactivation h = αsM + ω, ω ~ N(0, QΔ), and the other local fields
        (wᵀn, μᵀ noise) Gaussian given ω (n = (cα − 1)σz + cβξ):
        dc/dτ = −lr κ,  dM/dτ = −lr E[g μᵀe + (wᵀe) g′ μᵀx_t],
        dQ/dτ = −2 lr E[g wᵀe + (wᵀe) g′ h] + lr² E[Γ g² + 2κ g g′ wᵀe + Δ g′² (wᵀe)²]
        (the lr² term is the SGD noise: |∇ℓ|² ≈ dim(...)); each expectation is a two-point sum over s and a
        Gauss–Hermite rule in ω, and the ODEs are integrated by RK4 (DiffusionDAE+Theory.swift).
        Closed forms: c(τ) = c* + (c0 − c*) e^(−lr Δ τ), c* = ασ²/Δ (the linear denoiser's gain). The Bayes denoiser
        E[x | x_t] = (ασ²/Δ) x_t + (β²/Δ) μ tanh(α μᵀx_t/Δ) (symmetric mixture) is in the network's class when β² = α:
        w* = (α/Δ) μ, M* = α snr/Δ, Q* = α² snr/Δ²; the lr → 0 fixed point of the ODEs is then (M*, Q*), at finite lr
        shifted by O(lr).
        theory(m, t=...): columns t, overlap (M), norm (Q), skip (c), cosine (M/√(snr Q)).
        simulate(m, t=..., trials=, seed=): the same SGD at finite dim; means and _se columns over trials.
        Not modelled: the paper's generation step (its transport SDE for the generated samples and mode collapse).
        """,
        reference: "Cui, Pehlevan & Lu 2025, arXiv 2501.03937 (NeurIPS 2025): setting (two-layer DAE, online SGD, Gaussian "
            + "mixture on a low-dimensional manifold); the summary-statistics ODEs and the Bayes fixed point at β² = α are "
            + "derived here (DiffusionDAE+Theory.swift), the paper's equations could not be read here",
        model: Parameters.self,
        validate: { p throws(ModelError) in try Configuration(p).check() },
        operations: [theoryOperation, simulateOperation])

    /// The parameters of `diffdae(...)`, declared once.
    struct Parameters: ParameterGroup {
        @Option("number of dimensions (simulate; theory is the dim → ∞ limit)", range: NumericRange(lower: 2, upper: 1e5))
        var dim = 500
        @Option("squared cluster-mean norm |μ|²", range: NumericRange(lower: 0, lowerInclusive: false, upper: 100))
        var snr = 2.0
        @Option("within-cluster noise σ", range: NumericRange(lower: 0, upper: 100))
        var sigma = 1.0
        @Option("probability of the cluster s = +1", range: .unitInterval)
        var balance = 0.5
        @Option("signal coefficient α of x_t = α x + β ξ", range: NumericRange(lower: 0, upper: 100))
        var alpha = 0.5
        @Option("noise coefficient β of x_t = α x + β ξ", range: NumericRange(lower: 0, lowerInclusive: false, upper: 100))
        var beta = 0.8
        @Option("learning rate: lr/dim for w, lr/dim² for c", range: NumericRange(lower: 0, lowerInclusive: false, upper: 10))
        var lr = 0.5
        @Option("initial skip gain c", range: NumericRange(lower: -100, upper: 100))
        var c0 = 0.0
        @Option("initial overlap M = wᵀμ", range: NumericRange(lower: -100, upper: 100))
        var m0 = 0.3
        @Option("initial squared norm Q = |w|² (at least m0²/snr)", range: NumericRange(lower: 0, lowerInclusive: false, upper: 100))
        var q0 = 0.5
    }

    /// The numbers of one `diffdae(...)` instance.
    struct Configuration {
        var dim: Int
        var snr: Double
        var sigma: Double
        var balance: Double
        var alpha: Double
        var beta: Double
        var lr: Double
        var c0: Double
        var m0: Double
        var q0: Double

        init(_ p: Parameters) {
            dim = p.dim; snr = p.snr; sigma = p.sigma; balance = p.balance; alpha = p.alpha; beta = p.beta
            lr = p.lr; c0 = p.c0; m0 = p.m0; q0 = p.q0
        }

        /// Δ = α²σ² + β², the per-coordinate variance of x_t's noise.
        var delta: Double { alpha * alpha * sigma * sigma + beta * beta }

        /// The optimal skip gain c* = ασ²/Δ.
        var optimalSkip: Double { alpha * sigma * sigma / delta }

        /// Cross-parameter check: the initial weight exists (Cauchy–Schwarz, M² ≤ |μ|²Q).
        func check() throws(ModelError) {
            guard m0 * m0 <= snr * q0 else {
                throw .domain(parameter: "q0", value: formatParameter(q0),
                              allowed: "q0 ≥ m0²/snr = \(formatParameter(m0 * m0 / snr)) (|wᵀμ|² ≤ |μ|²|w|²)")
            }
        }
    }

    /// Training times τ = samples/dim.
    struct Times: ParameterGroup {
        @Option("training times τ = samples/dim", range: NumericRange(lower: 0, upper: 1e4), sweepable: false)
        var t: [Double] = [0, 0.5, 1, 2, 4, 8, 16]

        /// The grid, refused if empty.
        var times: [Double] {
            get throws(ModelError) {
                guard !t.isEmpty else { throw .domain(parameter: "t", value: "[]", allowed: "at least one time") }
                return t
            }
        }
    }

    /// The summary statistics (M, Q, c) at `times`, their `cosine`s, and `extra` columns, as a table.
    static func statisticsTable(times: [Double], rows: [Statistics], cosine: [Double], extra: [(String, [Double])],
                                caption: String, role: Table.Role) -> Table {
        Table(columns: [Table.Column("t", times), Table.Column("overlap", rows.map(\.overlap)),
                        Table.Column("norm", rows.map(\.norm)), Table.Column("skip", rows.map(\.skip)),
                        Table.Column("cosine", cosine)] + extra.map { Table.Column($0.0, $0.1) },
              caption: caption, role: role)
    }

    /// The overlap M = wᵀμ, squared norm Q = |w|² and skip gain c.
    struct Statistics {
        var overlap: Double
        var norm: Double
        var skip: Double

        /// The cosine M/√(snr Q) between w and μ.
        func cosine(snr: Double) -> Double { overlap / (snr * norm).squareRoot() }
    }
}
