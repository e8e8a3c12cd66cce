import NumericCore

// Simulation of TD(λ) as an agent runs it (Sutton 1988): one trajectory per trial on the ring
// MRP from s_0 ~ D (uniform), w_0 = 0, e_(−1) = 0, e ← γλe + φ(s), w ← w + η_t e (r'(s,s') + γφ(s')ᵀw − φ(s)ᵀw), and the
// value error Σ_s D(s)(V'(s) − φ(s)ᵀw)² at the requested step counts.

extension TD {
    /// `simulate`'s parameters.
    struct SimulationArguments: ParameterGroup {
        @OptionGroup var grid = Peaked.Steps()
        @OptionGroup var replication = Replication(trials: 200)
    }

    /// Seconds per trial-step and feature of the update, per trial-step of the transition draw,
    /// and per recorded loss and state·feature, fitted to bench/calibrate's td cells (CPU time on one
    /// thread: 0.18 s for 1000 trials of 8192 steps at 4 features, 0.15 s for 100 of 10⁴ at 64).
    static let stepSeconds = 3e-9, transitionSeconds = 1e-8, lossSeconds = 2e-9

    static let simulateOperation = ModelOperation.table(
        "simulate", "TD(λ) (TD(0) at lambda = 0) along sampled trajectories from a seed; mean value error and its SE over trials",
        model: Parameters.self, arguments: SimulationArguments.self,
        estimate: { model, arguments in
            let c = Configuration(model)
            let trials = Double(arguments.replication.trials), n = Double(c.states), d = Double(c.features)
            let steps = arguments.grid.t.max() ?? 0, records = Double(arguments.grid.t.count)
            return WorkEstimate(bytes: 8 * (n * d + records * (trials + 2)),
                                seconds: trials * (steps * (stepSeconds * d + transitionSeconds) + lossSeconds * records * n * d))
        }) { model, arguments, monitor in
            let c = Configuration(model)
            try c.check()
            let steps = try arguments.grid.steps
            let phi = c.phi, (reward, value) = try c.shaped()
            let trials = arguments.replication.trials, seed = arguments.replication.seed64
            let order = steps.indices.sorted { steps[$0] < steps[$1] }
            let d = c.features
            var losses = [[Double]](repeating: [Double](repeating: 0, count: trials), count: steps.count)
            for trial in 0..<trials {
                try monitor.checkCancelled()
                monitor.report(done: trial, total: trials, label: "simulate td")
                var rng = Xoshiro256StarStar(seed: seed, stream: UInt64(trial + 1))
                var w = [Double](repeating: 0, count: d), e = w
                var s = min(c.states - 1, Int(rng.uniform() * Double(c.states)))
                var done = 0
                for index in order {
                    while done < Int(steps[index]) {
                        let next = rng.uniform() < c.forward ? (s + 1) % c.states : (s + c.states - 1) % c.states
                        var delta = reward(s, next)
                        for k in 0..<d { delta += (c.gamma * phi[next, k] - phi[s, k]) * w[k] }
                        let step = c.rate(done) * delta, decay = c.gamma * c.lambda
                        for k in 0..<d { e[k] = decay * e[k] + phi[s, k]; w[k] += step * e[k] }
                        s = next
                        done += 1
                    }
                    losses[index][trial] = Configuration.loss(w, phi: phi, value: value)
                }
            }
            // Two passes: the SE is exactly 0 where every trial agrees (t = 0).
            let n = Double(trials)
            let mean = losses.map { $0.reduce(0, +) / n }
            let se = steps.indices.map { i in
                trials > 1 ? (losses[i].reduce(0.0) { $0 + ($1 - mean[i]) * ($1 - mean[i]) } / (n * (n - 1))).squareRoot() : 0
            }
            return Table(columns: [Table.Column("t", steps), Table.Column("loss", mean), Table.Column("loss_se", se)],
                         caption: "simulation", role: .simulation)
        }
}
