import NumericCore

// MARK: - Simulation

extension Ridge {
    /// Monte-Carlo learning curve: for each P and trial, draws P samples from the
    /// seeded stream (trial, P), fits ridge with the theory's normalisation
    /// (`RidgeFit`), and records the exact excess risk `Σ λ_k (w_k − w*_k)^2`, the
    /// training error and the GCV estimate.
    /// - Returns: a simulation table: P, test, test_se, train, train_se, gcv, gcv_se.
    /// - Throws: `ModelError` for bad parameters,
    ///   `WorkCancelled` if interrupted.
    static func simulate(_ model: PowerLawParameters, _ arguments: SimulationSizes,
                         _ monitor: WorkMonitor) throws -> Table {
        try SimulationSupport.checkBudget(simulationEstimate(model, arguments), monitor)
        let (data, noise, lambda) = try setting(model)
        // One BLAS thread, as in `RandomFeatures.simulate` (half the CPU time of
        // scaling-renormalization went to OpenBLAS's spinning second thread).
        return try BLAS.singleThreaded { () throws -> Table in
            try SimulationSupport.monteCarlo(arguments, measures: ["test", "train", "gcv"], label: "simulate ridge",
                                             monitor: monitor) { p, rng in
                let (x, y) = data.sample(count: p, noise: noise, generator: &rng)
                let fit = try RidgeFit(z: x, y: y, lambda: lambda)
                return [data.excessRisk(of: fit.coefficients), fit.train, fit.gcv]
            }
        }
    }

    /// Memory and time of `simulate` (checked against the cell's `ResourceLimits`).
    static func simulationEstimate(_ model: PowerLawParameters, _ arguments: SimulationSizes) -> WorkEstimate {
        let dim = model.modeCount
        let trials = Double(arguments.replication.trials)
        let sizes = arguments.P
        return SimulationSupport.ridgeEstimate(sizes: sizes, dim: dim, features: dim, trials: trials)
    }
}
