import NumericCore

// MARK: - Simulation

extension Ensemble {
    /// Monte-Carlo ensembles: per P and trial, one data set and K projections from the
    /// seeded stream (trial, P) (see `RandomFeatureTrial`).
    /// - Returns: a simulation table: P, test, test_se (the averaged predictor's excess
    ///   risk), test1, test1_se (members' own excess risk), train, train_se.
    public static func simulate(_ model: ParameterSet, _ arguments: ParameterSet, _ monitor: WorkMonitor) throws -> Table {
        try validate(model)
        let p = parameters.withDefaults(model)
        let k = try p.integer("K")
        let n = try RandomFeatures.simulationWidth(p, name: "N")
        try SimulationSupport.checkBudget(simulationEstimate(model, arguments), monitor)
        let (data, noise, lambda) = try Ridge.setting(model)
        return try SimulationSupport.monteCarlo(arguments, measures: ["test", "test1", "train"], label: "simulate ensemble",
                                                monitor: monitor) { p, rng in
            let trial = try RandomFeatureTrial(data: data, p: p, n: n, k: k, lambda: lambda, noise: noise, rng: &rng)
            return [trial.test, trial.memberTest, trial.train]
        }
    }

    /// Memory and time of `simulate`: K projections and fits per trial.
    static func simulationEstimate(_ model: ParameterSet, _ arguments: ParameterSet) -> WorkEstimate {
        let k = Double((try? model.integer("K")) ?? 1)
        return RandomFeatures.simulationEstimate(model, arguments, members: k)
    }
}
