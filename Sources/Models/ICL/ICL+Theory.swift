import Numerics

// MARK: - Theory
//
// The ridgeless asymptotic ICL error of Lu, Letey, Zavatone-Veth, Maiti & Pehlevan
// (arXiv 2405.11751), in the limit d → ∞ with α = ℓ/d, κ = k/d, τ = n/d² fixed.
// With x = (1 + ρ)/α and
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

extension ICLModel {
    static let theoryOperation = ModelOperation(
        name: "theory",
        summary: "asymptotic ridgeless ICL error (d → ∞): column icl",
        parameters: []
    ) { model, _, _ in
        let lambda = try model.number("lambda")
        guard lambda == 0 else {
            throw ModelError.domain(parameter: "lambda", value: formatParameter(lambda),
                                    allowed: "lambda = 0 for theory (the ridge theory is not implemented; simulate works for any lambda ≥ 0)")
        }
        for name in ["task_power", "test_power"] where try model.number(name) != 0 {
            throw ModelError.domain(parameter: name, value: formatParameter(try model.number(name)),
                                    allowed: "\(name) = 0 for theory (isotropic tasks; simulate covers mismatched task covariances)")
        }
        let error = iclError(alpha: try model.number("alpha"), kappa: try model.number("kappa"),
                             tau: try model.number("tau"), rho: try model.number("rho"))
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
