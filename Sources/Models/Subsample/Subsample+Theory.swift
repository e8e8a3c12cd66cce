import NumericCore

// MARK: - Theory

extension Subsample {
    /// The deterministic-equivalent ensemble error at each P (see `SubsampleRisk`).
    /// - Returns: a theory table: P, test (ensemble excess), total, member (mean member excess).
    /// - Throws: `ModelError` for bad parameters, `WorkCancelled` if interrupted.
    static func theory(_ model: Parameters, _ arguments: TheorySizes, _ monitor: WorkMonitor) throws -> Table {
        let features = try features(model)
        let sizes = try arguments.sizes
        try monitor.checkCancelled()
        let risks = sizes.map { risk(model, features: features, P: $0) }
        let sigma2 = model.noise * model.noise
        return Table(columns: [
            Table.Column("P", sizes),
            Table.Column("test", risks.map { $0.total - sigma2 }),
            Table.Column("total", risks.map(\.total)),
            Table.Column("member", risks.map { $0.members.reduce(0, +) / Double($0.members.count) - sigma2 }),
        ], caption: "theory", role: .theory)
    }
}
