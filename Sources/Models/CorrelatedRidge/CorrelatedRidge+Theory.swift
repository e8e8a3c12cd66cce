import NumericCore

// MARK: - Theory

extension CorrelatedRidge {
    /// The deterministic-equivalent risks at each P (see `CorrelatedRisk`), K's spectrum
    /// computed numerically at that P.
    /// - Returns: a theory table: P, test, total, train, gcv, corrgcv, forecast (same noise only),
    ///   kappa, delta, df1, df2.
    /// - Throws: `ModelError` for bad parameters or budget, `WorkCancelled` if interrupted.
    static func theory(_ model: Parameters, _ arguments: Sizes, _ monitor: WorkMonitor) throws -> Table {
        try SimulationSupport.checkBudget(theoryEstimate(model, arguments.P), monitor)
        let (data, noise, lambda) = try Ridge.setting(model.data)
        let sizes = try SimulationSupport.sampleSizes(arguments.P)
        var risks: [CorrelatedRisk] = []
        for (i, p) in sizes.enumerated() {
            try monitor.checkCancelled()
            let k = try SampleCorrelation(model, count: p, root: false)
            risks.append(CorrelatedRisk(data: data, correlation: k, lambda: lambda, noise: noise,
                                        sameNoise: model.noisecorr == "same"))
            monitor.report(done: i + 1, total: sizes.count, label: "theory corridge")
        }
        let sigma2 = noise * noise
        let forecast = model.noisecorr == "same" ? [Table.Column("forecast", risks.map(\.forecast))] : []
        return Table(columns: [
            Table.Column("P", sizes.map(Double.init)),
            Table.Column("test", risks.map(\.excess)),
            Table.Column("total", risks.map { $0.excess + sigma2 }),
            Table.Column("train", risks.map(\.train)),
            Table.Column("gcv", risks.map(\.gcv)),
            Table.Column("corrgcv", risks.map(\.corrgcv)),
        ] + forecast + [
            Table.Column("kappa", risks.map(\.kappa)),
            Table.Column("delta", risks.map(\.delta)),
            Table.Column("df1", risks.map(\.df1)),
            Table.Column("df2", risks.map(\.df2)),
        ], caption: "theory", role: .theory)
    }
}
