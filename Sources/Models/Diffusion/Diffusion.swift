import NumericCore

/// A linear diffusion denoiser learning Gaussian data, one noise level at a time: the
/// setting of Wang & Pehlevan 2025, "An Analytical Theory of Spectral Bias in the Learning
/// Dynamics of Diffusion Models" (arXiv 2503.03206).
///
/// Data x ~ N(0, diag λ_k). At each of K noise levels σ_j (the EDM grid of Karras et al. 2022,
/// ρ = 7, from sigma_max down to sigma_min) an independent linear denoiser
/// D_j(y) = c_skip y + c_out V_j c_in y is trained by full-batch gradient descent on the
/// denoising loss averaged exactly over the noise (the Gaussian-equivalence setting of the
/// paper); samples come from the deterministic Heun sampler of the probability-flow ODE
/// dx/dσ = (x − D(x; σ))/σ started at N(0, sigma_max² I). A mode's generated variance then
/// converges to λ_k in a time ∝ 1/λ_k: high-variance directions are generated first.
public enum Diffusion {
    /// The `diffusion(...)` family for the catalog.
    public static let family = ModelFamily(
        name: "diffusion",
        summary: "Linear diffusion denoiser on Gaussian data: inverse-variance spectral bias (Wang & Pehlevan 2025)",
        doc: """
        Data x ~ N(0, diag λ) with λ_k = k^-alpha, k = 1..dim (or `spectrum`), `samples` training points.
        Noise levels: the EDM grid σ_j = (σmax^(1/7) + j/(K−1)(σmin^(1/7) − σmax^(1/7)))^7, K = levels.
        At each level an independent linear denoiser with EDM preconditioning (Karras et al. 2022):
        D_j(y) = W_j y, W_j = c_skip + c_out c_in V_j, c_in = 1/√(σ²+σd²), c_skip = σd²/(σ²+σd²),
        c_out = σσd/√(σ²+σd²), σd = sigma_data, V_j = 0 at the start; loss E‖c_in V y − (x − c_skip y)/c_out‖²
        over the training set with y = x + σε averaged exactly over ε; full-batch gradient descent with rate lr:
        W ← W − 2 lr c_in² (W(S + σ²) − S), S the training set's second-moment matrix.
        Mode by mode (population S = diag λ) this is w_j(t) = w* + (c_skip − w*)(1 − ρ_j)^t with
        w* = λ/(λ+σ_j²) and ρ_j = 2 lr (λ+σ_j²)/(σ_j²+σd²), derived here for this parameterisation (the paper's own
        weighting could not be read here); for λ ≪ σd² the relevant levels (σ² ≲ λ) learn at ρ ≈ 2 lr λ/σd², so τ ∝ 1/λ.
        Sampling: Heun's method on dx/dσ = (x − D(x;σ))/σ over the grid from x ~ N(0, σmax² I); per mode the
        generated variance is σmax² Π_j g_j² with the Heun factor g_j of the step σ_j → σ_(j+1).
        theory(m, t=...) gives, for the population, the exact generated variance of this sampler after t steps:
        long table t, mode, lambda, variance, limit (the t → ∞ value; → λ as K → ∞, σmin → 0, σmax → ∞).
        simulate(m, t=..., generated=, trials=, seed=) draws the training set, runs the descent on the full
        matrices and samples `generated` points: columns t, mode, lambda, variance, variance_se (over trials;
        with one trial, the sampling error of the generated points alone).
        learningtime(m, tolerance=0.1) gives each mode's steps until its generated variance stays within
        `tolerance` of its limit, and time × λ (constant when the time scales as 1/λ).
        """,
        reference: "Wang & Pehlevan 2025, arXiv 2503.03206 (linear denoiser, gradient flow mode by mode, probability-flow "
            + "generated variance, τ ∝ 1/λ); EDM grid, preconditioning and Heun sampler: Karras, Aittala, Aila & Laine "
            + "2022, arXiv 2206.00364, Table 1 and Alg. 1; the per-level solution is derived here (Diffusion+Theory.swift)",
        model: Parameters.self,
        validate: { p throws(ModelError) in try Configuration(p).check() },
        operations: [theoryOperation, simulateOperation, learningTimeOperation])

    /// The parameters of `diffusion(...)`, declared once.
    struct Parameters: ParameterGroup {
        @Option("number of data dimensions (modes) for the power-law spectrum", range: NumericRange(lower: 1, upper: 256))
        var dim = 8
        @Option("power-law exponent: λ_k = k^-alpha", range: NumericRange(lower: 0, upper: 20))
        var alpha = 2.0
        @Option("data variances λ_k (override dim and alpha when given)", range: .positive, sweepable: false)
        var spectrum: [Double] = []
        @Option("σ_data of the EDM preconditioning", range: NumericRange(lower: 1e-3, upper: 1e3))
        var sigma_data = 0.5
        @Option("smallest noise level (end of sampling)", range: NumericRange(lower: 1e-6, upper: 1e3))
        var sigma_min = 0.002
        @Option("largest noise level (start of sampling)", range: NumericRange(lower: 1e-3, upper: 1e4))
        var sigma_max = 80.0
        @Option("number of noise levels K (each with its own denoiser; K − 1 sampler steps)",
                range: NumericRange(lower: 2, upper: 4096))
        var levels = 64
        @Option("gradient-descent learning rate (every level)", range: .positive)
        var lr = 0.1
        @Option("training-set size (simulate; theory is the population limit)", range: NumericRange(lower: 1, upper: 1e6))
        var samples = 1000
    }

    /// The numbers of one `diffusion(...)` instance.
    struct Configuration {
        var spectrum: [Double]
        var sigmaData: Double
        var sigmaMin: Double
        var sigmaMax: Double
        var levels: Int
        var lr: Double
        var samples: Int

        /// The spectrum and grid the parameters describe.
        init(_ p: Parameters) {
            spectrum = p.spectrum.isEmpty ? (1...p.dim).map { pow(Double($0), -p.alpha) } : p.spectrum
            sigmaData = p.sigma_data
            sigmaMin = p.sigma_min
            sigmaMax = p.sigma_max
            levels = p.levels
            lr = p.lr
            samples = p.samples
        }

        var dim: Int { spectrum.count }

        /// The noise levels σ_0 = sigma_max > … > σ_(K−1) = sigma_min (Karras et al. 2022, Eq. 5, ρ = 7).
        var sigmas: [Double] {
            let a = pow(sigmaMax, 1.0 / 7), b = pow(sigmaMin, 1.0 / 7)
            return (0..<levels).map { pow(a + Double($0) / Double(levels - 1) * (b - a), 7) }
        }

        /// The largest lr at which every level's contraction 1 − ρ stays in [0, 1) for every mode:
        /// 1 / max_j (λ_max + σ_j²)/(σ_j² + σd²) (the maximum is at σ_min or σ_max).
        var largestLearningRate: Double {
            let top = spectrum.max() ?? 1, d2 = sigmaData * sigmaData
            func ratio(_ sigma: Double) -> Double { (top + sigma * sigma) / (sigma * sigma + d2) }
            return 1 / max(ratio(sigmaMin), ratio(sigmaMax))
        }

        /// Cross-parameter checks: an ordered noise range and monotone, stable descent.
        func check() throws(ModelError) {
            guard sigmaMin < sigmaMax else {
                throw .domain(parameter: "sigma_min", value: formatParameter(sigmaMin),
                              allowed: "0 < sigma_min < sigma_max = \(formatParameter(sigmaMax))")
            }
            guard spectrum.count <= 256 else {
                throw .domain(parameter: "spectrum", value: "\(spectrum.count) values", allowed: "at most 256 values")
            }
            let limit = largestLearningRate
            guard lr <= limit else {
                throw .domain(parameter: "lr", value: formatParameter(lr),
                              allowed: "0 < lr ≤ \(formatParameter(limit)) (1/max_σ (λ_max+σ²)/(σ²+σ_data²): monotone descent at every level)")
            }
        }

        /// EDM preconditioning at σ: (c_in², c_skip).
        func preconditioning(_ sigma: Double) -> (cIn2: Double, cSkip: Double) {
            let d2 = sigmaData * sigmaData, s2 = sigma * sigma
            return (1 / (s2 + d2), d2 / (s2 + d2))
        }
    }

    /// A long table `t, mode, lambda, variance` plus `extra` per-mode columns (rows mode-major).
    static func modeTable(steps: [Double], spectrum: [Double], variance: [[Double]], extra: [(String, [[Double]])],
                          caption: String, role: Table.Role) -> Table {
        var t: [Double] = [], mode: [Double] = [], lambda: [Double] = [], v: [Double] = []
        var others = extra.map { _ in [Double]() }
        for (k, l) in spectrum.enumerated() {
            for i in steps.indices {
                t.append(steps[i]); mode.append(Double(k + 1)); lambda.append(l); v.append(variance[k][i])
                for e in extra.indices { others[e].append(extra[e].1[k][i]) }
            }
        }
        return Table(columns: [Table.Column("t", t), Table.Column("mode", mode), Table.Column("lambda", lambda),
                               Table.Column("variance", v)] + extra.indices.map { Table.Column(extra[$0].0, others[$0]) },
                     caption: caption, role: role)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
