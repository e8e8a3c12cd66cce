import NumericCore

// MARK: - Many samples: the tilted predictive
//
// As k → ∞ the softmax choice among k draws from the predictive p = N(m, s²) becomes a
// draw from the tilted density p(ŷ)·e^{r(ŷ)/T}/Z (self-normalised importance sampling
// converges). With the quadratic reward r = −(ŷ − μ_R)², μ_R = x·w_R, that density is
// Gaussian with variance s²T/(T + 2s²) and mean (T m + 2s² μ_R)/(T + 2s²). Writing the
// query's offsets from the truth t = x·w* as a = m − t ~ N(0, v) and b = μ_R − t,
//   error_∞ = E[(T a + 2s² b)²]/(T + 2s²)² + s²T/(T + 2s²).
// The judges:
//   teacher       b = 0:                   error_∞ = T²v/(T + 2s²)² + s²T/(T + 2s²);
//   misspecified  b = x·δ ~ N(0, ε²) ⊥ a:  adds 4s⁴ε²/(T + 2s²)²;
//   displaced     w_R = w* + c(w* − μ), so b = −c a: the reward parameter c of Halder &
//                 Pehlevan 2025 (arXiv 2512.19905), whose code (BLR_non_zero_T.py) sets the
//                 reward mean μ_R = μ_T − c(m − μ_T) and sweeps c in units of T/(2σ²):
//                 error_∞ = v(T − 2s²c)²/(T + 2s²)² + s²T/(T + 2s²),
// least at c* = T/(2s²) > 0, where it is s²T/(T + 2s²): at any T > 0 the reward that
// selects best is not the teacher (c = 0) but one pushed past it, away from the
// posterior mean, by c*(w* − μ) — the paper's "the optimal reward differs from the
// teacher". At T = 0 (best-of-k) c* = 0: the teacher picks the sample nearest the truth.
// The derivation is ours; expanded in ε = 2s²/T it reproduces, term by term through ε³, the
// paper's high-temperature expansion at k → ∞ (A0 + B0 + C0 + D0 in the authors' code; tested).
// v and s² are the deterministic equivalents of Judge+Theory.swift
// (s² is the same for every query as d → ∞, so c* is one number). Finite k adds
// O(1/k_eff) corrections (k_eff, the softmax's effective sample size), tested against
// Monte-Carlo at k = 512.

extension JudgeModel {
    static let limitOperation = ModelOperation(
        name: "limit",
        summary: "softmax selection as k → ∞ (the tilted predictive; any judge, any temperature): "
            + "error, optimal_displacement (c* = T/(2s²)), v, s2",
        model: Setup.self, arguments: NoArguments.self
    ) { model, _, _ in
        let posterior = model.posterior
        try posterior.checkVariance(noise: model.noise, operation: "limit")
        let error = manySampleError(temperature: model.temperature, displacement: model.judgeDisplacement,
                                    mismatch: model.judgeOffset, v: posterior.v, s2: posterior.s2)
        return .table(Table(columns: [
            Table.Column("error", [error]),
            Table.Column("optimal_displacement", [model.temperature / (2 * posterior.s2)]),
            Table.Column("v", [posterior.v]),
            Table.Column("s2", [posterior.s2]),
        ], caption: "limit k → ∞", role: .theory))
    }

    /// error_∞ = [T²v·(1 − 2s²c/T)² + 4s⁴ε²]/(T + 2s²)² + s²T/(T + 2s²): the k → ∞ softmax
    /// error for the judge w_R = w* + c(w* − μ) + δ, ‖δ‖ = ε (see the derivation above;
    /// (T − 2s²c)² is written out so that T = 0 gives c²v + ε², the reward target itself).
    static func manySampleError(temperature t: Double, displacement c: Double, mismatch epsilon: Double,
                                v: Double, s2: Double) -> Double {
        let denominator = t + 2 * s2
        let pull = t - 2 * s2 * c
        return (pull * pull * v + 4 * s2 * s2 * epsilon * epsilon) / (denominator * denominator) + s2 * t / denominator
    }
}
