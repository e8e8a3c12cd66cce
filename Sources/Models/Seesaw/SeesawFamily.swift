import NumericCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `seesaw(...)`: learning-rate decay versus batch-size ramps (Meterez, Morwani et al. 2025,
/// arXiv 2510.14717) on the power-law SGD model, compared in samples and in serial steps.
public enum SeesawFamily {
    /// The model's parameters, declared once.
    struct Parameters: ParameterGroup {
        @OptionGroup var task = PowerLawTask()
        @Option("initial learning rate η_0", range: .positive)
        var lr = 0.1
        @Option("initial batch size B_0", range: .atLeastOne)
        var batch = 8.0
        @Option("sample budget N", range: .atLeastOne)
        var samples = 1e5
        @Option("learning-rate cut α of the base schedule",
                range: NumericRange(lower: 0, lowerInclusive: false, upper: 1, upperInclusive: false))
        var factor = 0.5
        @Option("number of cuts", range: NumericRange(lower: 1, upper: 30))
        var cuts = 4
        @Option("where the cuts fall: evenly in samples, or on a cosine", choices: ["step", "cosine"])
        var shape = "cosine"
        @Option("\"sgd\", or \"nsgd\" (normalised SGD, the Adam proxy)", choices: ["sgd", "nsgd"])
        var optimizer = "sgd"
    }

    /// The plan and one `SGDSetup` per rule.
    static func setups(_ p: Parameters) throws(ModelError) -> [(name: String, setup: SGDSetup)] {
        let plan = try SeesawPlan(lr: p.lr, batch: p.batch, samples: p.samples, factor: p.factor, cuts: p.cuts,
                                  cosine: p.shape == "cosine")
        let normalized = p.optimizer == "nsgd"
        var out: [(String, SGDSetup)] = []
        for rule in plan.rules {
            let setup = try SGDSetup(alpha: p.task.alpha, beta: p.task.beta, noise: p.task.noise, dim: p.task.dim, steps: rule.rates.count,
                                     lr: StepwiseSchedule(values: rule.rates, origin: "\(rule.name) rates"),
                                     batch: StepwiseSchedule(values: rule.batches, origin: "\(rule.name) batches"),
                                     normalized: normalized)
            out.append((rule.name, setup))
        }
        return out
    }

    /// Work of the three exact runs at SGD's rates: `SGDFamily.stepSeconds` per mode-step of the
    /// theory, `SGDFamily.sampleSeconds` per mode-sample of the simulation (× trials).
    static func estimate(_ p: Parameters, trials: Double, perSample: Bool) -> WorkEstimate {
        guard let all = try? setups(p) else { return WorkEstimate(bytes: 0, seconds: 0) }
        let dim = Double(all[0].setup.dim)
        let work = all.reduce(0.0) {
            $0 + (perSample ? $1.setup.batches.reduce(0, +) * SGDFamily.sampleSeconds : Double($1.setup.steps) * SGDFamily.stepSeconds)
        }
        return WorkEstimate(bytes: dim * 64, seconds: trials * dim * work)
    }

    /// ~`points` log-spaced report times of a run of `steps` updates.
    static func times(steps: Int, points: Int = 50) -> [Int] {
        var set: Set<Int> = [0, steps]
        for i in 0..<points { set.insert(Int((pow(Double(steps), Double(i) / Double(points - 1))).rounded())) }
        return set.filter { $0 <= steps }.sorted()
    }

    /// A long table over the rules: `rule, t, samples, test` (+ `test_se`), `lr`, `batch`.
    static func run(_ p: Parameters, simulate: (SGDSetup, [Int]) throws -> SGDCurve, simulated: Bool) throws -> Table {
        var rule: [String] = [], t: [Double] = [], samples: [Double] = [], test: [Double] = [], se: [Double] = []
        var lr: [Double] = [], batch: [Double] = []
        for (name, setup) in try setups(p) {
            let curve = try simulate(setup, times(steps: setup.steps))
            for i in curve.times.indices {
                rule.append(name); t.append(Double(curve.times[i])); samples.append(curve.samples[i])
                test.append(curve.test[i]); se.append(curve.testError[i])
                lr.append(setup.rates[min(curve.times[i], setup.steps - 1)]); batch.append(setup.batch(at: curve.times[i]))
            }
        }
        var columns = [Table.Column("rule", strings: rule), Table.Column("t", t), Table.Column("samples", samples),
                       Table.Column("test", test)]
        if simulated { columns.append(Table.Column("test_se", se)) }
        columns += [Table.Column("lr", lr), Table.Column("batch", batch)]
        return Table(columns: columns, caption: simulated ? "simulation" : "theory", role: simulated ? .simulation : .theory)
    }

    /// The family.
    public static let family = ModelFamily(
        name: "seesaw",
        summary: "Seesaw: trade learning-rate cuts for batch growth (η×√α, B×1/α)",
        doc: """
        seesaw(alpha=1.5, beta=1, noise=0.5, dim=1000, lr=0.1, batch=8, samples=1e5, factor=0.5, cuts=4, \
        shape="cosine", optimizer="sgd")

        Three schedules over the same sample budget on the sgd model: base (batch B_0, learning rate × factor \
        at each cut), seesaw (learning rate × √factor and batch × 1/factor at each cut), batch ramp (learning \
        rate fixed, batch × 1/factor). For SGD the batch ramp reproduces the base curve in samples \
        (η/B is what matters when the noise dominates); for normalised SGD (optimizer="nsgd") it is Seesaw \
        that does, with far fewer serial steps.

        theory(m): exact curves, a long table with a `rule` column (plot x="samples" or x="t").
        simulate(m, trials=8, seed=0): the same by Monte-Carlo.
        compare(m): final risks and serial steps of each rule, and the ratios to base.
        """,
        reference: "Meterez, Morwani, Wu, Oncescu, Pehlevan, Kakade 2025 (arXiv 2510.14717), Algorithm 1 and Theorems 1–2",
        model: Parameters.self,
        validate: { p throws(ModelError) in _ = try setups(p) },
        operations: [
            .table("theory", "exact curves of the three rules", model: Parameters.self, arguments: NoArguments.self,
                   estimate: { p, _ in estimate(p, trials: 1, perSample: false) }) { p, _, monitor in
                try run(p, simulate: { s, t in try s.theory(times: t, monitor: monitor) }, simulated: false)
            },
            .table("simulate", "Monte-Carlo curves of the three rules", model: Parameters.self, arguments: Replication.self,
                   estimate: { p, a in estimate(p, trials: Double(a.trials), perSample: true) }) { p, a, monitor in
                let trials = a.trials, seed = a.seed64
                return try run(p, simulate: { s, t in try s.simulate(times: t, trials: trials, seed: seed, monitor: monitor) },
                               simulated: true)
            },
            ModelOperation(name: "compare", summary: "final risk and serial steps per rule, ratios to base",
                           model: Parameters.self, arguments: NoArguments.self,
                           estimate: { p, _ in estimate(p, trials: 1, perSample: false) }) { p, _, monitor in
                let all = try setups(p)
                var fields: [(name: String, value: Double)] = []
                var baseRisk = 1.0, baseSteps = 1.0
                for (name, setup) in all {
                    let risk = try setup.theory(times: [setup.steps], monitor: monitor).test[0]
                    let key = String(name.map { $0 == " " ? "_" : $0 })
                    if name == "base" { baseRisk = risk; baseSteps = Double(setup.steps) }
                    fields.append(("\(key)_test", risk))
                    fields.append(("\(key)_steps", Double(setup.steps)))
                    if name != "base" {
                        fields.append(("\(key)_ratio", risk / baseRisk))
                        fields.append(("\(key)_speedup", baseSteps / Double(setup.steps)))
                    }
                }
                return .record(fields)
            },
        ])
}
