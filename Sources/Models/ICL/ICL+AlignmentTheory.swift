import NumericCore

// MARK: - ICL error for pretraining tasks N(0, C_train), test tasks N(0, C_test), ridge λ
//
// The exact high-dimensional ICL error of Letey, Zavatone-Veth, Lu & Pehlevan, "Pretrain–test
// task alignment governs generalization in in-context learning" (arXiv 2509.26551, main
// result for arbitrary C_train, C_test; the form below is the one evaluated in the authors'
// released code, with their empirical Stieltjes transforms replaced by the deterministic
// equivalent `TaskResolvent`). Both covariances have trace d, so the label variance is 1 + ρ
// in pretraining and test alike. With x = (1+ρ)/α, ξ the effective ridge
// (`effectiveRidge`: 0 for τ > 1 ridgeless), ν = x + ξ, M = M(ν), M′ = dM/dν, F = F(ν) and
//     E  = [ρ + ν − ν²M − ξ(1 − 2νM − ν²M′)] / [τ − 1 + 2ξM + ξ²M′]   (0 at τ = ∞),
//     e  = ρ + x[1 + (E − 2ν)M + (ξE − ν²)M′]                          (pretraining term)
//          + E·(1/d)tr(C_test F) − (ξE − ν²)·(1/d)tr(C_test F(s′C_train + I)F)   (interaction).
// For C_train = C_test = I this reproduces the closed forms of Lu et al. (arXiv 2405.11751)
// for τ < 1 and τ > 1 to rounding (checked in ICLTests); for λ > 0 it is our extension
// through ξ (see ICL+RidgeTheory.swift), checked against the ridge simulation.
// With power-law spectra the traces run over the d eigenvalues of the finite-d covariances,
// so the prediction depends on d (the d → ∞ limit of diag(k^-p) is degenerate for p ≥ 1).

extension ICLModel {
    /// The asymptotic ICL error (including the noise floor ρ) for pretraining and test task
    /// covariances with eigenvalues `trainVariances`, `testVariances` (same eigenbasis,
    /// trace d each) and ridge λ ≥ 0; `.infinity` at the ridgeless threshold τ = 1.
    static func iclError(alpha: Double, kappa: Double, tau: Double, rho: Double, lambda: Double,
                         trainVariances: [Double], testVariances: [Double]) throws(ModelError) -> Double {
        let x = (1 + rho) / alpha
        guard let xi = try effectiveRidge(x: x, kappa: kappa, tau: tau, lambda: lambda,
                                          trainVariances: trainVariances) else { return .infinity }
        let nu = x + xi
        let resolvent = try TaskResolvent(trainVariances: trainVariances, kappa: kappa, nu: nu)
        let m = resolvent.m, mPrime = resolvent.mPrime
        let e = tau.isInfinite ? 0
            : (rho + nu - nu * nu * m - xi * (1 - 2 * nu * m - nu * nu * mPrime))
                / (tau - 1 + 2 * xi * m + xi * xi * mPrime)
        let traces = resolvent.testTraces(testVariances)
        let pretraining = rho + x * (1 + (e - 2 * nu) * m + (xi * e - nu * nu) * mPrime)
        let interaction = e * traces.first - (xi * e - nu * nu) * traces.second
        return pretraining + interaction
    }
}
