import NumericCore

// MARK: - Simulation

extension Subsample {
    /// Monte-Carlo: for each P and trial (stream (trial, P) of the seed), draws X (P × dim) and
    /// y = Xw* + ε, then for each member a random subset of M_k features (partial Fisher–Yates) and
    /// its feature noise, fits ridge (`RidgeFit`) on z_k = X_S + ω Ξ_k, and records the exact
    /// conditional test errors given the fits: with v_k the member's weights placed on its subset
    /// (zeros elsewhere), the ensemble's `|v̄ − w*|² + (ω²/K²) Σ |â_k|² + σ² + η²/K` and each
    /// member's `|v_k − w*|² + ω² |â_k|² + σ² + η²` (the readout noise, independent of everything,
    /// enters through its variance).
    /// - Returns: a simulation table: P, test, total, member, each with `_se`.
    /// - Throws: `ModelError` for bad parameters or budget, `WorkCancelled` if interrupted.
    static func simulate(_ model: Parameters, _ arguments: SimulationSizes, _ monitor: WorkMonitor) throws -> Table {
        try SimulationSupport.checkBudget(simulationEstimate(model, arguments), monitor)
        let features = try features(model)
        let dim = model.dim, omega = model.featurenoise, sigma2 = model.noise * model.noise
        let eta2 = model.readout * model.readout, k = Double(features.count)
        let weight = (model.signal / Double(dim)).squareRoot()
        let target = [Double](repeating: weight, count: dim)
        return try SimulationSupport.monteCarlo(arguments, measures: ["test", "total", "member"],
                                                label: "simulate subsample", monitor: monitor) { p, rng in
            let x = rng.gaussianMatrix(rows: p, columns: dim)
            var y = x.times(target)
            for i in 0..<p { y[i] += model.noise * rng.gaussian() }
            var mean = [Double](repeating: 0, count: dim)
            var noisePower = 0.0, memberSum = 0.0
            var order = Array(0..<dim)
            for m in features {
                for i in 0..<m {
                    let j = i + Int(rng.uniform() * Double(dim - i))
                    order.swapAt(i, j)
                }
                let subset = Array(order[0..<m])
                var z = Matrix(rows: p, columns: m)
                for r in 0..<p {
                    for (c, feature) in subset.enumerated() { z[r, c] = x[r, feature] + omega * rng.gaussian() }
                }
                let fit = try RidgeFit(z: z, y: y, lambda: model.lambda)
                var placed = [Double](repeating: 0, count: dim)
                for (c, feature) in subset.enumerated() { placed[feature] = fit.coefficients[c] }
                let power = dot(fit.coefficients, fit.coefficients)
                var error = 0.0
                for i in 0..<dim { let d = placed[i] - weight; error += d * d }
                memberSum += error + omega * omega * power
                noisePower += power
                axpy(1 / k, placed, &mean)
            }
            var excess = 0.0
            for i in 0..<dim { let d = mean[i] - weight; excess += d * d }
            excess += omega * omega * noisePower / (k * k) + eta2 / k
            return [excess, excess + sigma2, memberSum / k + eta2]
        }
    }
}
