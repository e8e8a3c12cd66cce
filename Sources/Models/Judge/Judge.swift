import NumericCore

/// Inference-time scaling with a judge, the solvable model of Halder & Pehlevan,
/// "Demystifying LLM-as-a-Judge: Analytically Tractable Model for Inference-Time
/// Scaling" (arXiv 2512.19905).
///
/// A teacher w* ~ N(0, I/d) labels n training inputs x ~ N(0, I_d) with noise σ. The
/// student is Bayesian linear regression with prior w ~ N(0, prior·I/d); at a test
/// input it draws k samples from its posterior predictive N(m, s²) and keeps one by a
/// softmax over the quadratic reward r = −(ŷ − x·w_R)² at a temperature (0: best-of-k).
/// The judge w_R is the teacher, the teacher plus a random misspecification δ, or the
/// teacher displaced away from the posterior mean, w_R = w* + c(w* − μ) (the paper's
/// reward parameter c).
enum JudgeModel {
    static let doc = """
    Inference-time scaling with an LLM-as-a-judge stand-in (Halder & Pehlevan 2025).
    Conventions: inputs x ~ N(0, I_d); teacher w* ~ N(0, I/d), so x·w* ~ N(0, 1); labels
    y = x·w* + noise*eps on n training inputs; Bayesian linear regression with prior
    w ~ N(0, prior*I/d) and the true noise; posterior predictive N(m, s^2) at a test x
    (s^2 includes the noise); k samples; selection by softmax(r/temperature) over
    r = -(y_hat - x·w_R)^2 (temperature 0: keep the best). reward = "teacher": w_R = w*;
    "misspecified": w_R = w* + delta with delta ~ N(0, mismatch^2 I/d); "displaced":
    w_R = w* + displacement*(w* - mu), pushed past the teacher away from the posterior mean.
    Column error = E[(y_selected - x·w*)^2] (excess over the noise-free teacher output).
    Theory (temperature 0, teacher reward): the exact finite-k best-of-k error
    E_z[∫ 2r (1 - p(r))^k dr] with high-dimensional deterministic equivalents for the
    posterior error v = |w* - mu|^2 and predictive variance s^2, and the large-k law
    error ≈ C/k^2 with the extreme-value coefficient C = pi s^2 / sqrt(1 - 2v/s^2).
    limit (k → ∞, any judge and temperature): the selected sample follows the predictive tilted
    by exp(r/T), so error = [v(T - 2 s^2 c)^2 + 4 s^4 mismatch^2]/(T + 2 s^2)^2 + s^2 T/(T + 2 s^2),
    least at the displacement c* = T/(2 s^2): at T > 0 the best judge is not the teacher.
    """

    static let family = ModelFamily(
        name: "judge",
        summary: "inference-time scaling: k posterior samples selected by a (possibly misspecified) judge",
        doc: doc,
        reference: "Halder & Pehlevan 2025, arXiv 2512.19905 (reward-weighted sampler; best-of-k Θ(1/k²) law and "
            + "its extreme-value coefficient; the displaced reward μ_R = μ_T − c(m − μ_T) of the authors' code); "
            + "deterministic equivalents: Marchenko–Pastur resolvent",
        model: Setup.self,
        operations: [theoryOperation, limitOperation, simulationOperation]
    )
}
