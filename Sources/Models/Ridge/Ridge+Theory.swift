import NumericCore

// MARK: - Theory

extension Ridge {
    /// The deterministic-equivalent learning curve at each P of `arguments.P`
    /// (Atanasov, Zavatone-Veth & Pehlevan 2024, deterministic equivalent; see `RenormalizedRisk`).
    /// - Returns: a theory table with columns P, test, train, kappa, df1, df2, gcv.
    /// - Throws: `ModelError` for bad parameters, `WorkCancelled` if interrupted.
    static func theory(_ model: PowerLawParameters, _ arguments: TheorySizes,
                       _ monitor: WorkMonitor) throws -> Table {
        let (data, noise, lambda) = try setting(model)
        let sizes = try arguments.sizes
        let risks = try curve(data: data, sizes: sizes, N: .infinity, lambda: lambda, noise: noise, monitor: monitor)
        return theoryTable(sizes: sizes, risks: risks)
    }

    /// The theory table of ridge, random features and deep features: P, test (the excess
    /// risk), train, kappa, df1, df2, gcv, one row per size.
    static func theoryTable(sizes: [Double], risks: [some LearningCurvePoint]) -> Table {
        Table(columns: [
            Table.Column("P", sizes),
            Table.Column("test", risks.map(\.excess)),
            Table.Column("train", risks.map(\.train)),
            Table.Column("kappa", risks.map(\.kappa)),
            Table.Column("df1", risks.map(\.df1)),
            Table.Column("df2", risks.map(\.df2)),
            Table.Column("gcv", risks.map(\.gcv)),
        ], caption: "theory", role: .theory)
    }

    /// Risks along a grid of sample sizes, solved in increasing P so that each point
    /// starts from its neighbour's κ (extrapolated log-linearly in P), returned in the
    /// grid's order.
    static func curve(data: SpectralData, sizes: [Double], N: Double, lambda: Double, noise: Double,
                      monitor: WorkMonitor) throws -> [RenormalizedRisk] {
        let order = sizes.indices.sorted { sizes[$0] < sizes[$1] }
        var out = [RenormalizedRisk?](repeating: nil, count: sizes.count)
        var previous: [(p: Double, kappa: Double)] = []
        for (done, i) in order.enumerated() {
            try monitor.checkCancelled()
            let p = sizes[i]
            var guess: Double? = previous.last?.kappa
            if previous.count >= 2, p.isFinite {
                let (a, b) = (previous[previous.count - 2], previous[previous.count - 1])
                if a.kappa > 0, b.kappa > 0, b.p > a.p {
                    let slope = log(b.kappa / a.kappa) / log(b.p / a.p)
                    guess = b.kappa * exp(slope * log(p / b.p))
                }
            }
            let risk = RenormalizedRisk(data: data, P: p, N: N, lambda: lambda, noise: noise, guess: guess)
            out[i] = risk
            previous.append((p, risk.kappa))
            if sizes.count >= 16 && (done % 16 == 15 || done == sizes.count - 1) {
                monitor.report(done: done + 1, total: sizes.count, label: "theory")
            }
        }
        return out.map { $0! }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
