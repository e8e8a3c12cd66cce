import NumericCore

// MARK: - Simulation

extension Ensemble {
    /// Monte-Carlo ensembles: per P and trial, one data set and K projections from the
    /// seeded stream (trial, P) (see `RandomFeatureTrial`).
    /// - Returns: a simulation table: P, test, test_se (the averaged predictor's excess
    ///   risk), test1, test1_se (members' own excess risk), train, train_se.
    static func simulate(_ model: Parameters, _ arguments: SimulationSizes, _ monitor: WorkMonitor) throws -> Table {
        let k = model.K
        let n = try RandomFeatures.simulationWidth(model.N)
        try SimulationSupport.checkBudget(simulationEstimate(model, arguments), monitor)
        let (data, noise, lambda) = try Ridge.setting(model.data)
        // One BLAS thread, as in `RandomFeatures.simulate`.
        return try BLAS.singleThreaded { () throws -> Table in
            try SimulationSupport.monteCarlo(arguments, measures: ["test", "test1", "train"], label: "simulate ensemble",
                                             monitor: monitor) { p, rng in
                let trial = try RandomFeatureTrial(data: data, p: p, n: n, k: k, lambda: lambda, noise: noise, rng: &rng)
                return [trial.test, trial.memberTest, trial.train]
            }
        }
    }

    /// Memory and time of `simulate`: K projections and fits per trial.
    static func simulationEstimate(_ model: Parameters, _ arguments: SimulationSizes) -> WorkEstimate {
        RandomFeatures.simulationEstimate(model.data, width: model.N, arguments, members: Double(model.K))
    }
}
