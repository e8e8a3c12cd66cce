import NumericCore

/// Shared pieces of the ridge-family simulations: operation parameters, argument
/// reading, cost estimates and per-trial seeding. The estimates are checked against
/// the cell's limits by the language (`ResourceLimits`, the one resource policy).
enum SimulationSupport {
    /// The sample sizes of a grid `name` (declared whole, ≥ 1 and bounded), refused if empty.
    static func sampleSizes(_ values: [Double], name: String = "P") throws(ModelError) -> [Int] {
        guard !values.isEmpty else { throw .tooFew(parameter: name, least: 1, noun: "sample sizes", purpose: nil) }
        return values.map { Int($0) }
    }

    /// The generator for trial `trial` at sample size `p` of a run seeded `seed`: the
    /// same numbers however the grid is split or ordered.
    static func generator(seed: Int, trial: Int, p: Int) -> Xoshiro256StarStar {
        Xoshiro256StarStar(seed: UInt64(seed), stream: UInt64(trial) &* 0x1_0000_0000 &+ UInt64(p))
    }

    /// Refuses work whose estimate passes the limits `monitor` runs under (the cell's, or
    /// the standard ones when a simulation is called directly), before allocating it.
    static func checkBudget(_ estimate: WorkEstimate, _ monitor: WorkMonitor) throws(ModelError) {
        if monitor.limits.refusal(of: estimate) != nil {
            throw .overLimits(estimate: estimate, limits: monitor.limits, remedy: "use a smaller dim, P or N, fewer trials, or the theory")
        }
    }

    /// Memory and time of `trials` ridge fits on a P × n design drawn from dim modes
    /// (plus `extra` doubles held throughout), for each P of the grid; `projected`
    /// adds drawing the N × dim projections and forming `Z = X Fᵀ`. Counted in kernels
    /// (`WorkEstimate.gemmSeconds` etc.): the Gram matrix of the smaller side (`Z Zᵀ`
    /// by dgemm, or `Zᵀ Z` by dsyrk at half the flops), its eigendecomposition, and the draws.
    static func ridgeEstimate(sizes: [Double], dim: Double, features: Double, trials: Double,
                              fitsPerTrial: Double = 1, extra: Double = 0, projected: Bool = false) -> WorkEstimate {
        var bytes = 0.0, seconds = 0.0
        for p in sizes {
            let small = min(p, features), large = max(p, features)
            let peak = p * dim + (projected ? p * features + features * dim : 0)
                + 2 * small * small + 2 * large + extra
            bytes = max(bytes, 8 * peak)
            let gram = p <= features ? WorkEstimate.gemmSeconds(p, p, features) : WorkEstimate.gemmSeconds(features, features, p) / 2
            let fit = gram + WorkEstimate.eigenSeconds(small)
                + (projected ? WorkEstimate.gemmSeconds(p, features, dim) + WorkEstimate.drawSeconds(features * dim) : 0)
            seconds += trials * (fitsPerTrial * fit + WorkEstimate.drawSeconds(p * dim))
        }
        return WorkEstimate(bytes: bytes, seconds: seconds)
    }

    /// Mean and standard-error columns `name`, `name_se` from per-point statistics.
    static func columns(_ name: String, _ stats: [TrialStatistics]) -> [Table.Column] {
        [Table.Column(name, stats.map(\.mean)), Table.Column(name + "_se", stats.map(\.standardError))]
    }

    /// The Monte-Carlo loop shared by ridge, random features and ensembles: for each P of
    /// the grid and each trial, a generator from stream (trial, P) is handed to `trial`,
    /// which returns one value per name in `measures`; the result is a simulation table
    /// P, then each measure's mean and standard error (`name`, `name_se`).
    static func monteCarlo(_ arguments: SimulationSizes, measures: [String], label: String, monitor: WorkMonitor,
                           trial: (_ p: Int, _ rng: inout Xoshiro256StarStar) throws -> [Double]) throws -> Table {
        let sizes = try sampleSizes(arguments.P)
        let trials = arguments.replication.trials, seed = arguments.replication.seed
        var stats = [[TrialStatistics]](repeating: [TrialStatistics](repeating: .init(), count: sizes.count),
                                        count: measures.count)
        for (i, p) in sizes.enumerated() {
            for t in 0..<trials {
                try monitor.checkCancelled()
                var rng = generator(seed: seed, trial: t, p: p)
                for (m, value) in try trial(p, &rng).enumerated() { stats[m][i].add(value) }
                monitor.report(done: i * trials + t + 1, total: sizes.count * trials, label: label)
            }
        }
        return Table(columns: [Table.Column("P", sizes.map(Double.init))]
                     + zip(measures, stats).flatMap { columns($0, $1) },
                     caption: "simulation", role: .simulation)
    }
}

/// `P` for theory: sample sizes > 0, `inf` allowed (the population limit).
struct TheorySizes: ParameterGroup {
    @Option("number of training samples (a grid; inf: population limit)",
            range: NumericRange(lower: 0, lowerInclusive: false, allowsInfinity: true))
    var P: [Double]

    /// The grid, refused if empty.
    var sizes: [Double] {
        get throws(ModelError) {
            guard !P.isEmpty else { throw .tooFew(parameter: "P", least: 1, noun: "sample sizes", purpose: nil) }
            return P
        }
    }
}

/// `P`, `trials` and `seed` for simulations: whole sample sizes ≥ 1.
struct SimulationSizes: ParameterGroup {
    @Option("number of training samples (a grid)", range: NumericRange(lower: 1, upper: 1e12, whole: true))
    var P: [Double]
    @OptionGroup var replication = Replication(trials: 16)
}
