import NumericCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Residual-stream width N < D: theory
//
// Derived here (the width equations of Bordelon, Letey & Pehlevan, arXiv 2510.01098, could not be read; its abstract
// takes D, K and the residual-stream width N proportional). The D-dimensional tokens enter an N-dimensional stream
// through a fixed embedding Q (N × D, orthonormal rows spanning a Haar-random subspace, c = N/D = `width`); the layers
// act on z = Qx. The label is y = w·x + ε = z·v + r·x + ε with v = the best linear predictor of w·x from z and r the
// remainder; for Gaussian x, r·x is independent of z, so the stream sees a regression on z with extra noise r·x.
// At N ≥ D (c ≥ 1) the embedding is isometric and the model is the full-width one bit for bit.
//
// ISO (Σ = I): v = Qw ~ N(0, I_N), r·x has variance 1 − c, z ~ N(0, I_N/D). Rescaling by 1/c this is the ISO model of
// dimension N with context α' = K/N = α/c, noise ρ' = (ρ + 1 − c)/c and unit signal, so
//     E(α, ρ, L, t; c) = c · E(α/c, (ρ + 1 − c)/c, L, c t),
// the step g(t) unchanged (the flow's rate scales with the loss); exact at d → ∞ for every α, L, t. α = ∞, t = ∞:
// ρ + 1 − c.
// FS, RRS at α = ∞: the loss splits as ρ + W + (1/d) E[(v − v_L)ᵀ Σ_N (v − v_L)], Σ_N = QΣQᵀ, and the width term,
// the error of the best predictor in a random N-dimensional subspace, has the deterministic equivalent
//     W = Σ_k m_k κ / (λ_k + κ),   Σ_k λ_k / (λ_k + κ) = N   (m_k = λ_k Ω_k / d; it depends only on Q's row space),
// which falls like N^(−(νβ − 1)) for 1 < νβ < 1 + ν (modes beyond k ≈ N are lost). FS: Σ_N is the same in every
// context, so the first layer learns Σ_N^(−1) and the loss is ρ + W at every depth. RRS: QO is Haar per context, so
// a layer learns a scalar step; at depth 1, with E[P Σ P] = c²Σ + c(1 − c) I (P = QᵀQ, d → ∞),
//     E = ρ + 1 − c S₂² / (c S₃ + (1 − c) S₂),   S₂ = Σ_k m_k λ_k, S₃ = Σ_k m_k λ_k²
// (c = 1: the full-width ρ + 1 − S₂²/S₃). RRS at depth ≥ 2 and finite width needs the free compression of Σ and is
// not derived here (simulate covers it); FS and RRS at finite α and width are not derived.

extension ICLScaleModel {
    /// FS and RRS at width < 1 report only the end of training (their flow is derived at full width only).
    static func requireEndOfTraining(_ times: [Double], covariance: String) throws(ModelError) {
        if let t = times.first(where: { $0.isFinite }) {
            throw .domain(parameter: "t", value: formatParameter(t),
                          allowed: "t = inf for covariance \(covariance) at width < 1 (end of training only)")
        }
    }

    /// κ with Σ_k λ_k / (λ_k + κ) = n (0 if n ≥ the number of modes): the deterministic equivalent of a random
    /// n-dimensional subspace, found by bisection in log κ.
    static func subspaceShift(lambda: [Double], modes n: Double) -> Double {
        guard n < Double(lambda.count) else { return 0 }
        func count(_ kappa: Double) -> Double { lambda.reduce(0) { $0 + $1 / ($1 + kappa) } }
        var lower = log(1e-300), upper = log((lambda.max() ?? 1) * Double(lambda.count) / max(n, 1e-300) + 1)
        for _ in 0..<64 {
            let middle = (lower + upper) / 2
            if count(exp(middle)) > n { lower = middle } else { upper = middle }
        }
        return exp((lower + upper) / 2)
    }

    /// The width term W = Σ_k m_k κ/(λ_k + κ): the loss of the best linear predictor in a random N-dim subspace.
    static func widthTerm(_ spectrum: StructuredSpectrum, modes n: Double) -> Double {
        let kappa = subspaceShift(lambda: spectrum.lambda, modes: n)
        return zip(spectrum.weights, spectrum.lambda).reduce(0) { $0 + $1.0 * kappa / ($1.1 + kappa) }
    }

    /// `theory` at width < 1 (ISO at every α and t; FS and RRS at α = ∞, t = ∞).
    static func widthTheory(_ model: Parameters, times: [Double], monitor: WorkMonitor) throws -> Table {
        let c = model.width
        if model.covariance == "iso" {
            let reduced = theoryLoss(alpha: model.alpha / c, rho: (model.rho + 1 - c) / c, depth: model.depth)
            let rows = try reduced.curve(times.map { $0 * c }, monitor: monitor)
            return Table(columns: [
                Table.Column("t", times), Table.Column("loss", rows.map { c * $0.loss }),
                Table.Column("step", rows.map(\.step)),
            ], caption: "theory L=\(model.depth) N/D=\(formatParameter(c))", role: .theory)
        }
        try requireEndOfTraining(times, covariance: model.covariance)
        guard model.alpha.isInfinite else {
            throw ModelError.domain(parameter: "alpha", value: formatParameter(model.alpha),
                                    allowed: "alpha = inf for the \(model.covariance) theory at width < 1")
        }
        let spectrum = StructuredSpectrum(d: model.d, nu: model.nu, beta: model.beta)
        let loss: Double
        if model.covariance == "fs" {
            loss = model.rho + widthTerm(spectrum, modes: c * Double(model.d))
        } else {
            guard model.depth == 1 else {
                throw ModelError.domain(parameter: "depth", value: "\(model.depth)",
                                        allowed: "depth = 1 for the rrs theory at width < 1 (simulate covers depth ≥ 2)")
            }
            let s2 = zip(spectrum.weights, spectrum.lambda).reduce(0) { $0 + $1.0 * $1.1 }
            let s3 = zip(spectrum.weights, spectrum.lambda).reduce(0) { $0 + $1.0 * $1.1 * $1.1 }
            loss = model.rho + 1 - c * s2 * s2 / (c * s3 + (1 - c) * s2)
        }
        return Table(columns: [Table.Column("t", times), Table.Column("loss", times.map { _ in loss })],
                     caption: "theory \(model.covariance) L=\(model.depth) N/D=\(formatParameter(c))", role: .theory)
    }
}
