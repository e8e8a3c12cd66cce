import NumericCore

// MARK: - Simulation

extension Onset {
    /// Monte-Carlo ensembles: per P and trial, one data set and E projections from the
    /// seeded stream (trial, P) (see `RandomFeatureTrial`). With E ≥ 2 members the spread
    /// of the members about their average estimates V without bias:
    /// E[(1/E) Σ_k ‖w_k − w̄‖²_Λ] = (1 − 1/E) V and (1/E) Σ_k ‖w_k − w*‖²_Λ − ‖w̄ − w*‖²_Λ is
    /// exactly that spread, so variance = E/(E−1)·(test1 − test).
    /// - Returns: a simulation table: P, test, test_se, test1, test1_se (and variance,
    ///   variance_se for E ≥ 2).
    static func simulate(_ model: Parameters, _ arguments: SimulationSizes, _ monitor: WorkMonitor) throws -> Table {
        let members = model.E
        let n = try RandomFeatures.simulationWidth(model.N)
        try SimulationSupport.checkBudget(simulationEstimate(model, arguments), monitor)
        let (data, noise, lambda) = try Ridge.setting(model.data)
        let spread = members >= 2
        let factor = spread ? Double(members) / Double(members - 1) : 0
        return try SimulationSupport.monteCarlo(arguments, measures: spread ? ["test", "test1", "variance"] : ["test", "test1"],
                                                label: "simulate onset", monitor: monitor) { p, rng in
            let trial = try RandomFeatureTrial(data: data, p: p, n: n, k: members, lambda: lambda, noise: noise, rng: &rng)
            let values = [trial.test, trial.memberTest]
            return spread ? values + [factor * (trial.memberTest - trial.test)] : values
        }
    }

    /// Memory and time of `simulate`: E projections and fits per trial.
    static func simulationEstimate(_ model: Parameters, _ arguments: SimulationSizes) -> WorkEstimate {
        RandomFeatures.simulationEstimate(model.data, width: model.N, arguments, members: Double(model.E))
    }
}
