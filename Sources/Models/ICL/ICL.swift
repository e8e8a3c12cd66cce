import NumericCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// In-context linear regression by linear attention, the solvable model of
/// Lu, Letey, Zavatone-Veth, Maiti & Pehlevan, "Asymptotic theory of in-context
/// learning by linear attention" (arXiv 2405.11751; PNAS 2025).
///
/// Tokens xᵢ ~ N(0, I/d), labels yᵢ = xᵢ·w + εᵢ with noise variance ρ. A context holds
/// ℓ = αd labelled tokens and a query x_{ℓ+1}. Linear attention reduces to
/// ŷ = ⟨Γ, H_Z⟩ with H_Z = x_{ℓ+1} ⊗ [(d/ℓ) Σ yᵢxᵢ, (1/ℓ) Σ yᵢ²] (a d × (d+1) matrix), and
/// Γ is learned by ridge regression over n = τd² pretraining contexts whose tasks are
/// drawn from k = κd fixed task vectors w ~ N(0, I_d). The ICL error is measured on fresh
/// tasks w ~ N(0, I_d); the in-distribution (IDG) error on the pretraining tasks.
enum ICLModel {
    static let doc = """
    In-context linear regression by a linear-attention layer (Lu et al. 2024).
    Conventions: tokens x ~ N(0, I/d); labels y = x·w + noise with noise variance rho;
    context length l = alpha*d; k = kappa*d pretraining tasks w ~ N(0, I_d) (kappa = inf:
    a fresh task for every context); n = tau*d^2 pretraining contexts; Gamma (d x (d+1))
    fitted by ridge with penalty (n/d)*lambda*|Gamma|^2.
    Columns: icl = E[(y - y_hat)^2] on fresh tasks (includes the noise floor rho);
    idg = the same on the pretraining tasks (simulation only); *_se = standard errors.
    Task alignment (Letey et al. 2025): task_power and test_power give the pretraining and
    test task covariances power-law spectra (same eigenbasis, trace d each).
    Theory: the asymptotic ICL error as d -> infinity with alpha, kappa, tau fixed, for any
    ridge lambda >= 0 and any task_power, test_power. Ridgeless (lambda = 0) it diverges at
    tau = 1 (double descent); lambda > 0 keeps it finite (error -> 1 + rho as lambda -> inf).
    As kappa, tau -> infinity it tends to x/(1+x) + rho (ridgeless) or
    ((x+lambda)^2 + x)/(1+x+lambda)^2 + rho, x = (1+rho)/alpha. With task_power or
    test_power > 0 the theory uses the d eigenvalues of the power-law covariances, so it
    depends on d (for isotropic tasks it does not).
    """

    /// The model's parameters, declared once.
    struct Parameters: ParameterGroup {
        @Option("context length per dimension, α = ℓ/d", range: .positive)
        var alpha = 2.0
        @Option("task diversity per dimension, κ = k/d (inf: a new task per context)",
                range: NumericRange(lower: 0, lowerInclusive: false, allowsInfinity: true))
        var kappa = 2.0
        @Option("pretraining contexts per dimension squared, τ = n/d² (inf: theory only)",
                range: NumericRange(lower: 0, lowerInclusive: false, allowsInfinity: true))
        var tau = 2.0
        @Option("label-noise variance ρ", range: .nonNegative)
        var rho = 0.1
        @Option("token dimension (simulation; the theory uses it only for power-law task spectra)",
                range: NumericRange(lower: 2, upper: 4096))
        var d = 32
        @Option("ridge penalty λ (the penalty is (n/d)·λ·‖Γ‖²)", range: .nonNegative)
        var lambda = 0.0
        @Option("pretraining task covariance C_train ∝ diag(k^-p), scaled to trace d (0: isotropic)",
                range: NumericRange(lower: 0, upper: 10))
        var task_power = 0.0
        @Option("test task covariance C_test ∝ diag(k^-p), scaled to trace d (0: isotropic)",
                range: NumericRange(lower: 0, upper: 10))
        var test_power = 0.0
    }

    /// The task-covariance eigenvalues c_k ∝ k^-power, k = 1..d, scaled so Σ c_k = d
    /// (so E‖w‖² = d and the label variance stays 1 + ρ whatever the alignment).
    static func taskVariances(power: Double, d: Int) -> [Double] {
        let raw = (1...d).map { pow(Double($0), -power) }
        let scale = Double(d) / raw.reduce(0, +)
        return raw.map { $0 * scale }
    }

    /// The family as the language sees it.
    static let family = ModelFamily(
        name: "icl",
        summary: "in-context linear regression by linear attention: task diversity, context length, pretraining size",
        doc: doc,
        reference: "Lu, Letey, Zavatone-Veth, Maiti, Pehlevan 2024, arXiv 2405.11751 (ridgeless ICL error, Result 1 / "
            + "eqs. for τ < 1 and τ > 1); task alignment: Letey, Zavatone-Veth, Lu, Pehlevan 2025, arXiv 2509.26551 "
            + "(ICL error for C_train ≠ C_test); ridge λ > 0 through the effective regularization ξ (derived here, "
            + "checked against simulation)",
        model: Parameters.self,
        operations: [theoryOperation, simulationOperation]
    )
}
