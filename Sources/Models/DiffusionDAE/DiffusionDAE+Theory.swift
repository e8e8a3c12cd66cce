import NumericCore

// The dim → ∞ summary-statistics ODEs of online SGD on the tied-weight DAE f(x_t) = c x_t + w tanh(wᵀx_t)
// (setting of Cui, Pehlevan & Lu 2025, arXiv 2501.03937; derived here, the paper's equations unread).
// Write x_t = αsμ + (ασz + βξ) and c x_t − x = (cα − 1)sμ + n, n = (cα − 1)σz + cβξ. For fixed vectors a, b the
// fields aᵀ(ασz + βξ), bᵀn are jointly Gaussian with covariances aᵀb·Δ, aᵀb·κ, aᵀb·Γ (Δ = α²σ² + β²,
// κ = cΔ − ασ², Γ = (cα − 1)²σ² + c²β²), so with ω = wᵀ(ασz + βξ) ~ N(0, QΔ) and, given ω,
//   E[wᵀn] = (κ/Δ)ω,  E[μᵀ(ασz + βξ)] = (M/Q)ω,  E[μᵀn] = (Mκ/(QΔ))ω,
//   Var[wᵀn] = QΓ − Qκ²/Δ,  Cov[wᵀn, μᵀ(ασz + βξ)] = Mκ − Mκ = 0.
// The step Δw = −(lr/dim)∇ℓ moves M = μᵀw and Q = |w|² by O(1/dim) in mean, and |Δw|² ≈ (lr²/dim)(Γ g² +
// 2κ g g′ wᵀe + Δ g′²(wᵀe)²) (from |e|² ≈ dim Γ, eᵀx_t ≈ dim κ, |x_t|² ≈ dim Δ); the skip moves by
// −(lr/dim²) x_tᵀe ≈ −(lr/dim) κ. Summing dim steps per unit τ gives the ODEs of the family's doc, with
// h = αsM + ω, wᵀe = (cα − 1)sM + wᵀn + Q g, μᵀe = (cα − 1)s·snr + μᵀn + M g, μᵀx_t = αs·snr + μᵀ(ασz + βξ).

extension DiffusionDAE {
    /// `theory`'s parameters.
    struct TheoryArguments: ParameterGroup {
        @OptionGroup var grid = Times()
    }

    /// Gauss–Hermite nodes of the ω expectation (the integrands are smooth: 48 nodes give 1e-12).
    static let quadratureNodes = 48

    /// (dM/dτ, dQ/dτ, dc/dτ) at `y` (the ODEs in the header, each expectation a sum over s = ±1
    /// and the Gauss–Hermite rule `rule` for ω/√(QΔ)).
    static func velocity(_ y: Statistics, _ c: Configuration, rule: [(node: Double, weight: Double)]) -> Statistics {
        let (m, q, skip) = (y.overlap, y.norm, y.skip)
        let a = c.alpha, s2 = c.sigma * c.sigma, delta = c.delta, lr = c.lr
        let gamma = (skip * a - 1) * (skip * a - 1) * s2 + skip * skip * c.beta * c.beta
        let kappa = skip * delta - a * s2
        let spread = (q * delta).squareRoot()
        var driftM = 0.0, driftQ = 0.0, noiseQ = 0.0
        for (s, probability) in [(1.0, c.balance), (-1.0, 1 - c.balance)] where probability > 0 {
            let b = (skip * a - 1) * s * m, es = (skip * a - 1) * s * c.snr, f = a * s * c.snr
            var tm = 0.0, tq = 0.0, tn = 0.0
            for (node, weight) in rule {
                let omega = spread * node, h = a * s * m + omega
                let g = tanh(h), gp = 1 - g * g
                let muOmega = m / q * omega            // E[μᵀ(ασz + βξ) | ω]
                let nOmega = kappa / delta * omega     // E[wᵀn | ω]
                let we = b + nOmega + q * g            // E[wᵀe | ω]
                let t1 = g * (es + muOmega * kappa / delta + m * g)
                let t2 = gp * we * (f + muOmega)      // E[wᵀn · μᵀ(ασz + βξ) | ω] factorises (zero covariance)
                let t3 = g * we, t4 = gp * h * we
                let we2 = we * we + q * gamma - q * kappa * kappa / delta
                tm += weight * (t1 + t2)
                tq += weight * (t3 + t4)
                tn += weight * (gamma * g * g + 2 * kappa * g * gp * we + delta * gp * gp * we2)
            }
            driftM += probability * tm; driftQ += probability * tq; noiseQ += probability * tn
        }
        return Statistics(overlap: -lr * driftM, norm: -2 * lr * driftQ + lr * lr * noiseQ, skip: -lr * kappa)
    }

    /// The RK4 step: at most 0.01/(lr (1 + Δ + α² snr)) in τ (the drift's rate scale).
    static func stepSize(_ c: Configuration) -> Double {
        0.01 / (c.lr * (1 + c.delta + c.alpha * c.alpha * c.snr))
    }

    /// The statistics at each of `times` (any order), integrated by classical RK4 from (m0, q0, c0).
    static func integrate(_ c: Configuration, times: [Double], monitor: WorkMonitor) throws -> [Statistics] {
        let rule = try gaussHermite()
        let h = stepSize(c)
        var y = Statistics(overlap: c.m0, norm: c.q0, skip: c.c0), now = 0.0, steps = 0
        var result = [Statistics](repeating: y, count: times.count)
        let total = Int(((times.max() ?? 0) / h).rounded(.up)) + times.count
        func shifted(_ base: Statistics, _ k: Statistics, _ by: Double) -> Statistics {
            Statistics(overlap: base.overlap + by * k.overlap, norm: base.norm + by * k.norm, skip: base.skip + by * k.skip)
        }
        for index in times.indices.sorted(by: { times[$0] < times[$1] }) {
            while now < times[index] {
                if steps % 1024 == 0 {
                    try monitor.checkCancelled()
                    monitor.report(done: steps, total: total, label: "theory diffdae")
                }
                let dt = min(h, times[index] - now)
                let k1 = velocity(y, c, rule: rule), k2 = velocity(shifted(y, k1, dt / 2), c, rule: rule)
                let k3 = velocity(shifted(y, k2, dt / 2), c, rule: rule), k4 = velocity(shifted(y, k3, dt), c, rule: rule)
                y = Statistics(overlap: y.overlap + dt / 6 * (k1.overlap + 2 * k2.overlap + 2 * k3.overlap + k4.overlap),
                               norm: y.norm + dt / 6 * (k1.norm + 2 * k2.norm + 2 * k3.norm + k4.norm),
                               skip: y.skip + dt / 6 * (k1.skip + 2 * k2.skip + 2 * k3.skip + k4.skip))
                guard y.norm > 0, y.norm.isFinite, y.overlap.isFinite else {
                    throw ModelError.domain(parameter: "lr", value: formatParameter(c.lr),
                                            allowed: "a rate at which |w|² stays finite and positive (it diverged by τ = \(formatParameter(now)))")
                }
                now += dt
                steps += 1
            }
            result[index] = y
        }
        return result
    }

    /// The Gauss–Hermite rule, its eigen-solve failure worded as a model error.
    static func gaussHermite() throws(ModelError) -> [(node: Double, weight: Double)] {
        do { return try Quadrature.gaussHermiteNormal(quadratureNodes) } catch {
            throw .decompositionFailed(matrix: "Gauss–Hermite Jacobi matrix", size: quadratureNodes,
                                       cause: "\(error)", remedy: nil)
        }
    }

    static let theoryOperation = ModelOperation.table(
        "theory", "dim → ∞ ODEs of the overlap wᵀμ, norm |w|² and skip c along online SGD (RK4)",
        model: Parameters.self, arguments: TheoryArguments.self,
        // About 4 velocities of 2 × 48 nodes per RK4 step: ≈ 1e-5 s (0.3 s of CPU for 24000 steps, lr 0.1 to τ = 1000).
        estimate: { model, arguments in
            let c = Configuration(model)
            let steps = (arguments.grid.t.max() ?? 0) / stepSize(c) + Double(arguments.grid.t.count)
            return WorkEstimate(bytes: 8 * 8 * Double(arguments.grid.t.count), seconds: 1e-5 * steps)
        }) { model, arguments, monitor in
            let c = Configuration(model)
            try c.check()
            let times = try arguments.grid.times
            let rows = try integrate(c, times: times, monitor: monitor)
            return statisticsTable(times: times, rows: rows, cosine: rows.map { $0.cosine(snr: c.snr) }, extra: [], caption: "theory", role: .theory)
        }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
