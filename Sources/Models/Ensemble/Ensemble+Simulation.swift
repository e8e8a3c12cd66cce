import Numerics

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
        try SimulationSupport.checkBudget(simulationEstimate(model, arguments))
        let (data, noise, lambda) = try Ridge.setting(model)
        let sizes = try SimulationSupport.sampleSizes(arguments)
        let args = SimulationSupport.trialSpecs.withDefaults(arguments)
        try SimulationSupport.trialSpecs.check(args)
        let trials = try args.integer("trials"), seed = try args.integer("seed")
        var test = [TrialStatistics](repeating: .init(), count: sizes.count)
        var member = test, train = test
        for (i, size) in sizes.enumerated() {
            for t in 0..<trials {
                try monitor.checkCancelled()
                var rng = SimulationSupport.generator(seed: seed, trial: t, p: size)
                let trial = try RandomFeatureTrial(data: data, p: size, n: n, k: k, lambda: lambda, noise: noise, rng: &rng)
                test[i].add(trial.test)
                member[i].add(trial.memberTest)
                train[i].add(trial.train)
                monitor.report(done: i * trials + t + 1, total: sizes.count * trials, label: "simulate ensemble")
            }
        }
        return Table(columns: [Table.Column("P", sizes.map(Double.init))]
                     + SimulationSupport.columns("test", test)
                     + SimulationSupport.columns("test1", member)
                     + SimulationSupport.columns("train", train),
                     caption: "simulation", role: .simulation)
    }

    /// Memory and time of `simulate`: K projections and fits per trial.
    static func simulationEstimate(_ model: ParameterSet, _ arguments: ParameterSet) -> WorkEstimate {
        let k = Double((try? model.integer("K")) ?? 1)
        return RandomFeatures.simulationEstimate(model, arguments, members: k)
    }
}
