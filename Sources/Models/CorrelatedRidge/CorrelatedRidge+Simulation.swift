import NumericCore

// MARK: - Simulation

extension CorrelatedRidge {
    /// Monte-Carlo: for each P and trial (stream (trial, P) of the seed), draws
    /// `X = K^{1/2} Z Σ^{1/2}` and `y = Xw* + ε`, fits ridge (`RidgeFit`) and records the exact
    /// excess risk Σ λ_k (ŵ − w*)², the training error, GCV, CorrGCV (`train/u1(δ̂)`), and for
    /// same noise the exact conditional risk at the correlated test point,
    /// `(aᵀr)² + (1 − aᵀKa)(excess + σ²)` with r the training residual (Gaussian conditioning:
    /// x* = Xᵀa + (1 − aᵀKa)^{1/2} Σ^{1/2} z, ε* = aᵀε + (1 − aᵀKa)^{1/2} σ ξ), and its
    /// estimate `corrgcv · (aᵀK(I+δ̂K)⁻²a + 1 − aᵀKa)`.
    /// - Returns: a simulation table: P, then test, total, train, gcv, corrgcv and (same noise
    ///   only) forecast, forecastgcv, with their standard errors.
    /// - Throws: `ModelError` for bad parameters or budget, `WorkCancelled` if interrupted.
    static func simulate(_ model: Parameters, _ arguments: SimulationSizes, _ monitor: WorkMonitor) throws -> Table {
        try SimulationSupport.checkBudget(simulationEstimate(model, arguments), monitor)
        let (data, noise, lambda) = try Ridge.setting(model.data)
        let same = model.noisecorr == "same"
        var correlations: [Int: SampleCorrelation] = [:]
        for p in try SimulationSupport.sampleSizes(arguments.P) where correlations[p] == nil {
            try monitor.checkCancelled()
            correlations[p] = try SampleCorrelation(model, count: p, root: true)
        }
        let measures = ["test", "total", "train", "gcv", "corrgcv"] + (same ? ["forecast", "forecastgcv"] : [])
        return try SimulationSupport.monteCarlo(arguments, measures: measures, label: "simulate corridge",
                                                monitor: monitor) { p, rng in
            let k = correlations[p]!
            var (x, y) = data.sample(count: p, noise: 0, generator: &rng)
            var eps = rng.gaussians(p, standardDeviation: noise)
            if let root = k.root {
                x = Matrix.gemm(root, x)
                y = root.times(y)
                if same { eps = root.times(eps) }
            }
            for i in 0..<p { y[i] += eps[i] }
            let fit = try RidgeFit(z: x, y: y, lambda: lambda)
            let excess = data.excessRisk(of: fit.coefficients)
            let deltaHat = k.delta(degreesOfFreedomFraction: fit.degreesOfFreedom / Double(p))
            let moments = k.moments(deltaHat)
            let corrgcv = fit.train / moments.u1
            let risks = [excess, excess + noise * noise, fit.train, fit.gcv, corrgcv]
            guard same else { return risks }
            let fitted = x.times(fit.coefficients)
            var projected = 0.0
            for i in 0..<p { projected += k.forecastVector[i] * (y[i] - fitted[i]) }
            let fresh = 1 - k.reach
            return risks + [projected * projected + fresh * (excess + noise * noise), corrgcv * (moments.forecast + fresh)]
        }
    }

    /// Memory and time of `simulate`: K and K^{1/2} once per P, then per trial the draws,
    /// `K^{1/2}(ZΣ^{1/2})` (2P²·dim flops) and the ridge fit.
    static func simulationEstimate(_ model: Parameters, _ arguments: SimulationSizes) -> WorkEstimate {
        let dim = model.data.modeCount, trials = Double(arguments.replication.trials)
        let fits = SimulationSupport.ridgeEstimate(sizes: arguments.P, dim: dim, features: dim, trials: trials)
        let k = correlationEstimate(model, arguments.P, root: true)
        let mixing = model.correlation == "none" ? 0
            : trials * arguments.P.reduce(0) { $0 + WorkEstimate.gemmSeconds($1, dim, $1) }
        return WorkEstimate(bytes: fits.bytes + k.bytes, seconds: fits.seconds + k.seconds + mixing)
    }
}
