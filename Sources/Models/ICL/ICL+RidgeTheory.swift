import NumericCore

// MARK: - Effective regularization of the pretraining regression (ridge λ ≥ 0)
//
// Γ solves min Σ_μ (y^μ − ⟨Γ, H^μ⟩)² + (n/d)λ‖Γ‖² over n = τd² contexts. As d → ∞ the
// features vec(H) have covariance (1/d)(Ŝ + x I) ⊗ I_d on the d × d block (x = (1+ρ)/α,
// Ŝ the pretraining tasks' sample covariance), and the standard deterministic equivalent
// of ridge regression (effective ridge = λ + effective ridge · df/n) becomes, in the units
// where ξ adds to x,
//     ξ · [1 − (1 − ξ M(x + ξ))/τ] = λ,           M(ν) = (1/d) tr (Ŝ + ν)⁻¹ ≍ TaskResolvent.m.
// (derivation: the degrees of freedom are df = d²[1 − ξ M(x + ξ)] out of n = τd² samples).
// At λ = 0 it is the equation of Lu et al. (arXiv 2405.11751) and Letey et al. (arXiv
// 2509.26551) for τ < 1, ξ M_κ(x + ξ) = 1 − τ, and gives ξ = 0 for τ > 1; at τ = ∞ it gives
// ξ = λ. The error then depends on λ only through ξ (ICL+AlignmentTheory.swift). Checked
// against the finite-d ridge simulation in ICLTests (including τ = 1, where the ridgeless
// error diverges).

extension ICLModel {
    /// The effective regularization ξ ≥ 0 of the pretraining regression: the root of
    /// ξ·[1 − (1 − ξ M(x + ξ))/τ] = λ above the ridgeless root, or `nil` at λ = 0, τ = 1
    /// (interpolation threshold: no finite solution, the error diverges).
    static func effectiveRidge(x: Double, kappa: Double, tau: Double, lambda: Double,
                               trainVariances: [Double]) throws(ModelError) -> Double? {
        if tau.isInfinite { return lambda }
        if lambda == 0 && tau > 1 { return 0 }
        if lambda == 0 && tau == 1 { return nil }
        // 1 − ξ M(x + ξ) falls from 1 (ξ = 0) to 0 (ξ → ∞): the ridgeless root for τ < 1.
        var failure: ModelError?
        func freedom(_ xi: Double) -> Double {
            do { return 1 - xi * (try TaskResolvent(trainVariances: trainVariances, kappa: kappa, nu: x + xi).m) }
            catch { failure = error; return .nan }
        }
        do {
            let ridgeless = tau < 1
                ? try RootFinding.brentExpanding(lower: 0, guess: 1, relativeTolerance: 1e-14) { freedom($0) - tau }
                : 0
            if lambda == 0 { return ridgeless }
            // ξ[1 − freedom(ξ)/τ] − λ is −λ at the ridgeless root and ≈ ξ − λ for large ξ;
            // a λ below the rounding of that root leaves ξ at the ridgeless root.
            let equation = { (xi: Double) in xi * (1 - freedom(xi) / tau) - lambda }
            if equation(ridgeless) >= 0 { return ridgeless }
            return try RootFinding.brentExpanding(lower: ridgeless, guess: ridgeless + 2 * lambda,
                                                  relativeTolerance: 1e-14, equation)
        } catch {
            throw failure ?? ModelError.notSolved(task: "icl theory", unknown: "the effective ridge",
                                                  at: [.init("tau", tau), .init("lambda", lambda)], cause: nil, parameter: nil)
        }
    }
}
