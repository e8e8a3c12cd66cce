import NumericCore

/// `sgd(...)`: online minibatch SGD on Gaussian linear regression with power-law features,
/// exact theory (mode-wise second moments) beside Monte-Carlo.
public enum SGDFamily {
    /// The model's constructor parameters, declared once.
    public struct Parameters: ParameterGroup {
        @OptionGroup public var task = PowerLawTask(noise: 0)
        @Option("learning rate η_t: a number or a schedule", range: .nonNegative)
        public var lr = ScheduleValue(0.1)
        @Option("batch size B_t: a number or a schedule (e.g. ramp(32, every=1000))", range: .counts)
        public var batch = ScheduleValue(1)
        @Option("number of updates T", range: .atLeastOne)
        public var steps = 1000
        @Option("reported iterate: last, tail average or EMA", choices: ["none", "tail", "window", "ema"])
        public var average = "none"
        @Option("fraction averaged: of the run (average=\"tail\") or of the iterates so far (\"window\")",
                range: NumericRange(lower: 0, lowerInclusive: false, upper: 1))
        public var tail = 0.5
        @Option("EMA decay when average=\"ema\": ē ← ema·ē + (1 − ema)·w", range: NumericRange(lower: 0, upper: 1, upperInclusive: false))
        public var ema = 0.99
        @Option("\"sgd\", or \"nsgd\" (normalised SGD, the Adam proxy)", choices: ["sgd", "nsgd"])
        public var optimizer = "sgd"

        /// The defaults.
        public init() {}
    }

    /// `theory`'s parameters: the update counts to report.
    struct Times: ParameterGroup {
        @Option("update counts to report (0 ≤ t ≤ steps); default ~60 log-spaced", range: .nonNegative, sweepable: false)
        var t: [Double]?
    }

    /// `simulate`'s parameters.
    struct SimulationArguments: ParameterGroup {
        @OptionGroup var times = Times()
        @OptionGroup var replication = Replication(trials: 8)
    }

    /// The curve as a table: `t, samples, test` (+ `test_se`), `last`, `gnorm2`, `lr`, `batch`; the
    /// caption ("theory" / "simulation") names any non-constant schedule, for plot legends.
    static func table(_ curve: SGDCurve, setup: SGDSetup, simulated: Bool) -> Table {
        var columns = [Table.Column("t", curve.times.map(Double.init)), Table.Column("samples", curve.samples),
                       Table.Column("test", curve.test)]
        if simulated { columns.append(Table.Column("test_se", curve.testError)) }
        columns.append(Table.Column("last", curve.last))
        columns.append(Table.Column("gnorm2", curve.gnorm2))
        if simulated { columns.append(Table.Column("gnorm2_se", curve.gnorm2Error)) }
        columns.append(Table.Column("lr", curve.times.map { setup.rates[min($0, setup.steps - 1)] }))
        columns.append(Table.Column("batch", curve.times.map { setup.batch(at: $0) }))
        let kind = simulated ? "simulation" : "theory"
        return Table(columns: columns, caption: setup.scheduleLabel.isEmpty ? kind : "\(kind), \(setup.scheduleLabel)",
                     role: simulated ? .simulation : .theory)
    }

    /// The family.
    /// Seconds per mode-step of the exact theory's last-iterate recursion (`SGDSetup.step`, four
    /// modes per SIMD register) and of the averaged one (`averagedStep`: three arrays, scalar),
    /// fitted to bench/calibrate's idle sgd, seesaw and anytime cells (`anytime`'s `theory` and
    /// `compare` run the same averaged work and differ only in cosine steps, which separates the two).
    static let stepSeconds = 0.7e-9, averagedStepSeconds = 3.4e-9
    /// Seconds per mode and sample of the Monte-Carlo SGD (a Gaussian draw and two passes),
    /// fitted to the idle sgd and seesaw simulate cells.
    static let sampleSeconds = 4.5e-9

    public static let family = ModelFamily(
        name: "sgd",
        summary: "online minibatch SGD on power-law linear regression: exact curve and Monte-Carlo",
        doc: """
        sgd(alpha=1.5, beta=1, noise=0, dim=1000, lr=0.1, batch=1, steps=1000, average="none", tail=0.5, \
        ema=0.99, optimizer="sgd")

        Gaussian features x ~ N(0, diag λ), λ_k = k^-alpha; target with λ_k w*_k² = k^-(alpha*beta+1); \
        labels y = x·w* + noise·ξ; weights start at zero; one fresh minibatch of size B_t per update. \
        lr and batch take numbers or schedules (cosine(0.1), ramp(32, every=500), ...). \
        test is the excess risk of the reported iterate (last, tail average over the last `tail` fraction \
        of updates, the horizon-free "window" average of the last tail·t iterates at every t, or EMA), last the last iterate's, gnorm2 the expected squared minibatch-gradient norm, \
        t the number of updates done (t = 0 is the initial risk), samples = Σ B.

        theory(m, t=...): exact mode-wise second-moment recursion \
        c_k' = (1 − ηλ_k)² c_k + (η²/B) λ_k (λ_k c_k + R + noise²), with exact averaged-iterate cross moments; \
        optimizer="nsgd" uses the proxy η/√E‖g‖².
        simulate(m, t=..., trials=8, seed=0): the real SGD, mean and standard error over trials.
        """,
        reference: "Bordelon & Pehlevan 2022 (arXiv 2106.02713), eq. for mode errors; averaging: Polyak & Juditsky 1992",
        model: Parameters.self,
        validate: { p throws(ModelError) in _ = try SGDSetup(parameters: p) },
        operations: [
            .table("theory", "exact expected learning curve", model: Parameters.self, arguments: Times.self,
                   estimate: { p, a in
                       guard let setup = try? SGDSetup(parameters: p), let last = try? setup.reportTimes(a.t).last else {
                           return WorkEstimate(bytes: 0, seconds: 0)
                       }
                       let perStep = setup.averaging == .none ? stepSeconds : averagedStepSeconds
                       return WorkEstimate(bytes: Double(setup.dim) * 32, seconds: Double(setup.dim) * Double(last) * perStep)
                   }) { p, a, monitor in
                let setup = try SGDSetup(parameters: p)
                let curve = try setup.theory(times: try setup.reportTimes(a.t), monitor: monitor)
                return table(curve, setup: setup, simulated: false)
            },
            .table("simulate", "Monte-Carlo SGD runs: mean and standard error",
                   model: Parameters.self, arguments: SimulationArguments.self,
                   estimate: { p, a in
                       guard let setup = try? SGDSetup(parameters: p) else { return WorkEstimate(bytes: 0, seconds: 0) }
                       let trials = Double(a.replication.trials)
                       let last = (try? setup.reportTimes(a.times.t).last) ?? setup.steps
                       let samples = setup.batches.prefix(last).reduce(0, +) * Double(setup.dim)
                       return WorkEstimate(bytes: (setup.batches.max() ?? 1) * Double(setup.dim) * 8,
                                           seconds: trials * samples * sampleSeconds)
                   }) { p, a, monitor in
                let setup = try SGDSetup(parameters: p)
                let curve = try setup.simulate(times: try setup.reportTimes(a.times.t),
                                               trials: a.replication.trials, seed: a.replication.seed64,
                                               monitor: monitor)
                return table(curve, setup: setup, simulated: true)
            },
        ])
}
