import NumericCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `seesaw(...)`: learning-rate decay versus batch-size ramps (Meterez, Morwani et al. 2025,
/// arXiv 2510.14717) on the power-law SGD model, compared in samples and in serial steps.
public enum SeesawFamily {
    static let parameters: [ParameterSpec] = [
        ParameterSpec("alpha", "capacity exponent α: λ_k = k^−α", default: .number(1.5), range: .positive),
        ParameterSpec("beta", "source exponent β: λ_k w*_k² = k^−(αβ+1)", default: .number(1), range: .nonNegative),
        ParameterSpec("noise", "label-noise standard deviation σ", default: .number(0.5), range: .nonNegative),
        ParameterSpec("dim", "number of modes", kind: .integer, default: .number(1000), range: .atLeastOne),
        ParameterSpec("lr", "initial learning rate η_0", default: .number(0.1), range: .positive),
        ParameterSpec("batch", "initial batch size B_0", default: .number(8), range: .atLeastOne),
        ParameterSpec("samples", "sample budget N", default: .number(1e5), range: .atLeastOne),
        ParameterSpec("factor", "learning-rate cut α of the base schedule", default: .number(0.5),
                      range: NumericRange(lower: 0, lowerInclusive: false, upper: 1, upperInclusive: false)),
        ParameterSpec("cuts", "number of cuts", kind: .integer, default: .number(4), range: NumericRange(lower: 1, upper: 30)),
        ParameterSpec("shape", "where the cuts fall: evenly in samples, or on a cosine", kind: .choice(["step", "cosine"]),
                      default: .string("cosine")),
        ParameterSpec("optimizer", "\"sgd\", or \"nsgd\" (normalised SGD, the Adam proxy)", kind: .choice(["sgd", "nsgd"]),
                      default: .string("sgd")),
    ]

    /// The plan and one `SGDSetup` per rule.
    static func setups(_ p: ParameterSet) throws(ModelError) -> [(name: String, setup: SGDSetup)] {
        let plan = try SeesawPlan(lr: try p.number("lr"), batch: try p.number("batch"), samples: try p.number("samples"),
                                  factor: try p.number("factor"), cuts: try p.integer("cuts"),
                                  cosine: try p.string("shape") == "cosine")
        let normalized = try p.string("optimizer") == "nsgd"
        var out: [(String, SGDSetup)] = []
        for rule in plan.rules {
            let setup = try SGDSetup(alpha: try p.number("alpha"), beta: try p.number("beta"), noise: try p.number("noise"),
                                     dim: try p.integer("dim"), steps: rule.rates.count,
                                     lr: StepwiseSchedule(values: rule.rates, origin: "\(rule.name) rates"),
                                     batch: StepwiseSchedule(values: rule.batches, origin: "\(rule.name) batches"),
                                     normalized: normalized)
            out.append((rule.name, setup))
        }
        return out
    }

    /// Work of the three exact runs: ~3 ns per mode-step (16 ns per mode-sample for simulation, × trials; measured by bench/calibrate).
    static func estimate(_ p: ParameterSet, trials: Double, perSample: Bool) -> WorkEstimate {
        guard let all = try? setups(p) else { return WorkEstimate(bytes: 0, seconds: 0) }
        let dim = Double(all[0].setup.dim)
        let work = all.reduce(0.0) { $0 + (perSample ? $1.setup.batches.reduce(0, +) * 1.6e-8 : Double($1.setup.steps) * 3e-9) }
        return WorkEstimate(bytes: dim * 64, seconds: trials * dim * work)
    }

    /// ~`points` log-spaced report times of a run of `steps` updates.
    static func times(steps: Int, points: Int = 50) -> [Int] {
        var set: Set<Int> = [0, steps]
        for i in 0..<points { set.insert(Int((pow(Double(steps), Double(i) / Double(points - 1))).rounded())) }
        return set.filter { $0 <= steps }.sorted()
    }

    /// A long table over the rules: `rule, t, samples, test` (+ `test_se`), `lr`, `batch`.
    static func run(_ p: ParameterSet, simulate: (SGDSetup, [Int]) throws -> SGDCurve, simulated: Bool) throws -> Table {
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
        parameters: parameters,
        validate: { p throws(ModelError) in _ = try setups(p) },
        operations: [
            ModelOperation(name: "theory", summary: "exact curves of the three rules", parameters: [],
                           estimate: { p, _ in estimate(p, trials: 1, perSample: false) }) { p, _, monitor in
                .table(try run(p, simulate: { s, t in try s.theory(times: t, monitor: monitor) }, simulated: false))
            },
            ModelOperation(name: "simulate", summary: "Monte-Carlo curves of the three rules",
                           parameters: [ParameterSpec("trials", "independent runs", kind: .integer, default: .number(8),
                                                      range: .atLeastOne, sweepable: false),
                                        ParameterSpec("seed", "random seed", kind: .integer, default: .number(0),
                                                      range: .nonNegative, sweepable: false)],
                           estimate: { p, a in estimate(p, trials: Double((try? a.integer("trials")) ?? 8), perSample: true) }) { p, a, monitor in
                let trials = try a.integer("trials"), seed = UInt64(try a.integer("seed"))
                return .table(try run(p, simulate: { s, t in try s.simulate(times: t, trials: trials, seed: seed, monitor: monitor) },
                                      simulated: true))
            },
            ModelOperation(name: "compare", summary: "final risk and serial steps per rule, ratios to base",
                           parameters: [], estimate: { p, _ in estimate(p, trials: 1, perSample: false) }) { p, _, monitor in
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
