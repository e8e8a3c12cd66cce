import NumericCore

// MARK: - Theory
//
// The `theory` operation and the ridgeless isotropic closed form of Lu, Letey,
// Zavatone-Veth, Maiti & Pehlevan (arXiv 2405.11751), in the limit d → ∞ with α = ℓ/d,
// κ = k/d, τ = n/d² fixed. With x = (1 + ρ)/α and
//     M_κ(x) = 2 / [ (x + 1 − 1/κ) + √((x + 1 − 1/κ)² + 4x/κ) ]
// (a Stieltjes-transform solution of the Marchenko–Pastur type), m = M_κ(x),
// μ = x·M_{κ/τ}(x):
//   τ < 1: e = τ(1+x)/(1−τ)·[1 − τ(1−μ)² − ((x−ρ)/x)μ] − 2τ(1−μ) + ρ + 1,
//   τ > 1: e = (k* − 1/(τ−1))(1+x)(xm)² + ((3−2τ)/(τ−1))·m·x²
//              + ((1+ρ)m/(τ−1) + 1)·x + ρm/(τ−1) + ρ,   k* = 1/(1 − κ(m/(κ+m))²).
// The formulas follow the authors' published code; they are checked here against the
// κ, τ → ∞ limit x/(1+x) + ρ (the optimal scaled-identity readout, derived by hand in
// ICLTests) and against the finite-d simulation, whose bias shrinks with d.
// Accuracy: closed form, double precision; e = ∞ exactly at τ = 1.
// Ridge λ > 0 and task covariances other than I go through the general formula of
// ICL+AlignmentTheory.swift (which reduces to this one at λ = 0, C_train = C_test = I).

extension ICLModel {
    static let theoryOperation = ModelOperation(
        name: "theory",
        summary: "asymptotic ICL error (d → ∞; power-law task spectra at the given d): column icl",
        model: Parameters.self, arguments: NoArguments.self
    ) { model, _, _ in
        let alpha = model.alpha, kappa = model.kappa
        let tau = model.tau, rho = model.rho, lambda = model.lambda
        let trainPower = model.task_power, testPower = model.test_power
        let error: Double
        if lambda == 0 && trainPower == 0 && testPower == 0 {
            error = iclError(alpha: alpha, kappa: kappa, tau: tau, rho: rho)
        } else {
            // Isotropic tasks need one eigenvalue; power-law spectra need all d of them.
            let d = trainPower == 0 && testPower == 0 ? 1 : model.d
            error = try iclError(alpha: alpha, kappa: kappa, tau: tau, rho: rho, lambda: lambda,
                                 trainVariances: taskVariances(power: trainPower, d: d),
                                 testVariances: taskVariances(power: testPower, d: d))
        }
        return .table(Table(columns: [Table.Column("icl", [error])], caption: "theory", role: .theory))
    }

    /// M_κ(x) = 2 / [(x + 1 − 1/κ) + √((x + 1 − 1/κ)² + 4x/κ)]; κ = ∞ gives 1/(1 + x).
    static func stieltjes(kappa: Double, x: Double) -> Double {
        let inverseKappa = kappa.isInfinite ? 0 : 1 / kappa
        let b = x + 1 - inverseKappa
        return 2 / (b + (b * b + 4 * x * inverseKappa).squareRoot())
    }

    /// The asymptotic ridgeless ICL error e(α, κ, τ, ρ), including the noise floor ρ.
    static func iclError(alpha: Double, kappa: Double, tau: Double, rho: Double) -> Double {
        let x = (1 + rho) / alpha
        if tau == 1 { return .infinity }
        if tau.isInfinite {
            // τ → ∞ of the τ > 1 branch: the 1/(τ−1) terms vanish and (3−2τ)/(τ−1) → −2.
            let m = stieltjes(kappa: kappa, x: x)
            let kStar = kappa.isInfinite ? 1 : 1 / (1 - kappa * (m / (kappa + m)) * (m / (kappa + m)))
            return kStar * (1 + x) * (x * m) * (x * m) - 2 * m * x * x + x + rho
        }
        if tau < 1 {
            let mu = x * stieltjes(kappa: kappa / tau, x: x)
            let bracket = 1 - tau * (1 - mu) * (1 - mu) - ((x - rho) / x) * mu
            return tau * (1 + x) / (1 - tau) * bracket - 2 * tau * (1 - mu) + rho + 1
        }
        let m = stieltjes(kappa: kappa, x: x)
        let kStar = kappa.isInfinite ? 1 : 1 / (1 - kappa * (m / (kappa + m)) * (m / (kappa + m)))
        let inv = 1 / (tau - 1)
        return (kStar - inv) * (1 + x) * (x * m) * (x * m) + (3 - 2 * tau) * inv * m * x * x
            + ((1 + rho) * m * inv + 1) * x + rho * m * inv + rho
    }
}
