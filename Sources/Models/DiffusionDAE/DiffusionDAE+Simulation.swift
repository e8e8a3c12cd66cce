import NumericCore

// Online SGD on the tied-weight DAE f(x_t) = c x_t + w tanh(wᵀx_t) at finite dim, as the family's doc states it
// (setting of Cui, Pehlevan & Lu 2025, arXiv 2501.03937): a fresh sample x = sμ + σz, x_t = αx + βξ per step,
// w ← w − (lr/dim)(g e + (wᵀe) g′ x_t), c ← c − (lr/dim²) x_tᵀe, and M = wᵀμ, Q = |w|², c recorded at
// steps round(τ·dim).

extension DiffusionDAE {
    /// `simulate`'s parameters.
    struct SimulationArguments: ParameterGroup {
        @OptionGroup var grid = Times()
        @OptionGroup var replication = Replication(trials: 16)
    }

    /// Seconds per SGD step and dimension (two Gaussian draws and about 12 flops), fitted to a
    /// dim-500 run (bench/diffdae.sh: 16 trials × 8000 steps in 1.2 s of CPU).
    static let stepSeconds = 2e-8

    static let simulateOperation = ModelOperation.table(
        "simulate", "online SGD at finite dim from a seed; mean overlap, norm, skip and their SE over trials",
        model: Parameters.self, arguments: SimulationArguments.self,
        estimate: { model, arguments in
            let c = Configuration(model), d = Double(c.dim)
            let steps = ((arguments.grid.t.max() ?? 0) * d).rounded()
            return WorkEstimate(bytes: 8 * (4 * d + 8 * Double(arguments.grid.t.count * arguments.replication.trials)),
                                seconds: Double(arguments.replication.trials) * steps * d * stepSeconds)
        }) { model, arguments, monitor in
            let c = Configuration(model)
            try c.check()
            let times = try arguments.grid.times
            let trials = arguments.replication.trials, seed = arguments.replication.seed64
            var runs: [[Statistics]] = []
            for trial in 0..<trials {
                var rng = Xoshiro256StarStar(seed: seed, stream: UInt64(trial + 1))
                runs.append(try train(c, times: times, rng: &rng, monitor: monitor, progress: (trial, trials)))
            }
            let n = Double(trials)
            func meanAndError(_ value: (Statistics) -> Double) -> (mean: [Double], se: [Double]) {
                let mean = times.indices.map { i in runs.reduce(0.0) { $0 + value($1[i]) } / n }
                let se = times.indices.map { i in
                    trials > 1 ? (runs.reduce(0.0) { let r = value($1[i]) - mean[i]; return $0 + r * r } / (n - 1) / n).squareRoot() : 0
                }
                return (mean, se)
            }
            let m = meanAndError(\.overlap), q = meanAndError(\.norm), s = meanAndError(\.skip)
            let cosine = meanAndError { $0.cosine(snr: c.snr) }  // the mean of per-trial cosines, with its SE
            let rows = times.indices.map { Statistics(overlap: m.mean[$0], norm: q.mean[$0], skip: s.mean[$0]) }
            return statisticsTable(times: times, rows: rows, cosine: cosine.mean,
                                   extra: [("overlap_se", m.se), ("norm_se", q.se), ("skip_se", s.se), ("cosine_se", cosine.se)],
                                   caption: "simulation", role: .simulation)
        }

    /// One trial: the statistics at `times` (steps round(τ dim)).
    static func train(_ c: Configuration, times: [Double], rng: inout Xoshiro256StarStar, monitor: WorkMonitor,
                      progress: (trial: Int, of: Int)) throws -> [Statistics] {
        let d = c.dim, scale = 1 / Double(d)
        let muEntry = (c.snr / Double(d)).squareRoot()
        // w = (m0/snr) μ + u, u the draw's component ⊥ μ rescaled to |u|² = q0 − m0²/snr.
        var u = rng.gaussians(d)
        let along = u.reduce(0, +) * muEntry / c.snr
        for i in 0..<d { u[i] -= along * muEntry }
        let length = u.reduce(0) { $0 + $1 * $1 }.squareRoot()
        let target = max(0, c.q0 - c.m0 * c.m0 / c.snr).squareRoot()
        var w = u.map { c.m0 / c.snr * muEntry + (length > 0 ? $0 * target / length : 0) }
        var skip = c.c0
        var x = [Double](repeating: 0, count: d), xt = x, e = x
        let total = Int(((times.max() ?? 0) * Double(d)).rounded())
        var done = 0
        var result = [Statistics](repeating: Statistics(overlap: 0, norm: 0, skip: 0), count: times.count)
        for index in times.indices.sorted(by: { times[$0] < times[$1] }) {
            let target = Int((times[index] * Double(d)).rounded())
            while done < target {
                if done % 512 == 0 {
                    try monitor.checkCancelled()
                    monitor.report(done: progress.trial * total + done, total: progress.of * total, label: "simulate diffdae")
                }
                let s: Double = rng.uniform() < c.balance ? 1 : -1
                var h = 0.0
                let normals = rng.gaussians(2 * d)   // x's and x_t's draws alternate, as one gaussian() each would
                for i in 0..<d {
                    x[i] = s * muEntry + c.sigma * normals[2 * i]
                    xt[i] = c.alpha * x[i] + c.beta * normals[2 * i + 1]
                    h += w[i] * xt[i]
                }
                let g = tanh(h), gp = 1 - g * g
                var we = 0.0, xe = 0.0
                for i in 0..<d {
                    e[i] = skip * xt[i] + w[i] * g - x[i]
                    we += w[i] * e[i]; xe += xt[i] * e[i]
                }
                let rate = c.lr * scale, a = we * gp
                for i in 0..<d { w[i] -= rate * (g * e[i] + a * xt[i]) }
                skip -= rate * scale * xe
                done += 1
            }
            var m = 0.0, q = 0.0
            for i in 0..<d { m += w[i] * muEntry; q += w[i] * w[i] }
            guard q.isFinite else {
                throw ModelError.domain(parameter: "lr", value: formatParameter(c.lr),
                                        allowed: "a rate at which SGD stays finite at dim \(d) (it diverged by τ = \(formatParameter(times[index])))")
            }
            result[index] = Statistics(overlap: m, norm: q, skip: skip)
        }
        return result
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
