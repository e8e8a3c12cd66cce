import NumericCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `anytime(...)`: horizon-free schedules with weight averaging against a cosine tuned for each
/// horizon (Meterez, Nair, Morwani, Pehlevan, Kakade 2026, arXiv 2602.03702), on the exact
/// SGD recursion.
///
/// Schedules compared, all with batch B:
/// - `constant`: η_t = lr, last iterate (plateaus at the noise floor);
/// - `constant+avg`: η_t = lr, horizon-free window average of the last `tail`·t iterates;
/// - `poly+avg`: η_t = lr·(offset/(t + offset))^γ with the same averaging, γ from source and capacity;
/// - `cosine (tuned)`: for each horizon T_i, cosine(peak) run for T_i steps with the peak chosen
///   from lr·2^−j (j = 0..7) by the final excess risk (the "cosine envelope").
/// The decay exponent: γ* = max(1 − b/a, 0) with capacity b = α (λ_k = k^−α) and source
/// a = αβ + 1 (λ_k w*_k² = k^−a), the rate-optimal step-size exponent of averaged SGD
/// (Dieuleveut & Bach 2016, Ann. Stat., Theorem 2 with r = β/2: γ = (2αr + 1 − α)/(2αr + 1)).
public enum AnytimeFamily {
    /// The model's parameters, declared once.
    struct Parameters: ParameterGroup {
        @OptionGroup var task = PowerLawTask()
        @Option("base learning rate η (keep η·Tr Λ ≲ 1)", range: .positive)
        var lr = 0.1
        @Option("batch size", range: .atLeastOne)
        var batch = 1
        @Option("longest horizon T", range: NumericRange(lower: 64))
        var steps = 10000
        @Option("averaging window as a fraction of the iterates so far", range: NumericRange(lower: 0, lowerInclusive: false, upper: 1))
        var tail = 0.5
        @Option("steps before the polynomial decay sets in: lr·(offset/(t+offset))^γ", range: .positive)
        var offset = 100.0
        @Option("decay exponent of poly+avg; −1 chooses γ* = max(1 − α/(αβ+1), 0)", range: NumericRange(lower: -1))
        var gamma = -1.0
    }

    /// γ* = max(1 − α/(αβ + 1), 0).
    public static func optimalGamma(alpha: Double, beta: Double) -> Double { max(1 - alpha / (alpha * beta + 1), 0) }

    struct Config {
        var alpha, beta, noise, lr, tail, gamma, offset: Double
        var dim, batch, steps: Int

        init(_ p: Parameters) {
            alpha = p.task.alpha; beta = p.task.beta; noise = p.task.noise
            lr = p.lr; tail = p.tail; gamma = p.gamma; offset = p.offset
            dim = p.task.dim; batch = p.batch; steps = p.steps
            if gamma < 0 { gamma = AnytimeFamily.optimalGamma(alpha: alpha, beta: beta) }
        }

        func setup(_ lr: any Schedule, steps: Int, averaging: SGDSetup.Averaging) throws(ModelError) -> SGDSetup {
            try SGDSetup(alpha: alpha, beta: beta, noise: noise, dim: dim, steps: steps, lr: lr,
                         batch: ConstantValue(value: Double(batch)), averaging: averaging)
        }

        /// The horizons of the cosine envelope: 8 log-spaced from T/64 to T.
        var horizons: [Int] { (0..<8).map { Int((Double(steps) * pow(2, -6 * Double(7 - $0) / 7)).rounded()) } }
    }

    /// Curves of all four schedules as one long table.
    static func curves(_ c: Config, monitor: WorkMonitor) throws -> Table {
        let times = SeesawFamily.times(steps: c.steps, points: 40)
        var label: [String] = [], t: [Double] = [], test: [Double] = [], lr: [Double] = []
        let window = SGDSetup.Averaging.window(fraction: c.tail)
        let runs: [(String, any Schedule, SGDSetup.Averaging)] = [
            ("constant", ConstantValue(value: c.lr), .none),
            ("constant+avg", ConstantValue(value: c.lr), window),
            ("poly+avg", PolySchedule(peak: c.lr, power: c.gamma, offset: c.offset), window),
        ]
        for (name, schedule, averaging) in runs {
            let curve = try c.setup(schedule, steps: c.steps, averaging: averaging).theory(times: times, monitor: monitor)
            for i in times.indices {
                label.append(name); t.append(Double(times[i])); test.append(curve.test[i])
                lr.append(schedule.value(at: times[i], of: c.steps))
            }
        }
        for horizon in c.horizons {
            let (risk, peak) = try tunedCosine(c, horizon: horizon, monitor: monitor)
            label.append("cosine (tuned)"); t.append(Double(horizon)); test.append(risk); lr.append(peak)
        }
        return Table(columns: [Table.Column("schedule", strings: label), Table.Column("t", t), Table.Column("test", test),
                               Table.Column("lr", lr)],
                     caption: "theory", role: .theory)
    }

    /// The best final risk of cosine(peak) over `horizon` steps, peak ∈ {lr·2^−j, j = 0..7}.
    static func tunedCosine(_ c: Config, horizon: Int, monitor: WorkMonitor) throws -> (risk: Double, peak: Double) {
        var best = (risk: Double.infinity, peak: c.lr)
        for j in 0..<8 {
            let peak = c.lr * pow(2, -Double(j))
            let risk = try c.setup(CosineSchedule(peak: peak), steps: horizon, averaging: .none)
                .theory(times: [horizon], monitor: monitor).test[0]
            if risk < best.risk { best = (risk, peak) }
        }
        return best
    }

    /// Work of `theory`: the constant run (last iterate) and the two averaged runs over T
    /// steps, then 8 cosine peaks at each of the 8 horizons (Σ horizons ≈ 2.2 T).
    static func theoryEstimate(_ p: Parameters, _ a: NoArguments) -> WorkEstimate {
        estimate(p, cosineSteps: Double(Config(p).horizons.reduce(0, +)))
    }

    /// Work of `compare`: the same three runs, then 8 cosine peaks at the one horizon T.
    static func compareEstimate(_ p: Parameters, _ a: NoArguments) -> WorkEstimate {
        estimate(p, cosineSteps: Double(p.steps))
    }

    /// Three runs of T steps (one last-iterate, two averaged) plus 8 cosine runs of
    /// `cosineSteps` steps in all, each step touching every mode.
    private static func estimate(_ p: Parameters, cosineSteps: Double) -> WorkEstimate {
        let dim = Double(p.task.dim), steps = Double(p.steps)
        let plain = steps + 8 * cosineSteps, averaged = 2 * steps
        return WorkEstimate(bytes: dim * 64 + steps * 16, seconds: dim * (plain * SGDFamily.stepSeconds + averaged * SGDFamily.averagedStepSeconds))
    }

    /// The family.
    public static let family = ModelFamily(
        name: "anytime",
        summary: "horizon-free schedules with weight averaging vs a cosine tuned per horizon",
        doc: """
        anytime(alpha=1.5, beta=1, noise=0.5, dim=1000, lr=0.1, batch=1, steps=10000, tail=0.5, offset=100, gamma=-1)

        On the sgd model: constant lr (last iterate), constant lr + averaging, lr·(offset/(t+offset))^gamma + averaging \
        (horizon-free window average of the last tail·t iterates), and the cosine envelope (for each of 8 \
        horizons up to steps, the best cosine(peak) with peak = lr·2^-j). gamma = -1 picks \
        γ* = max(1 − α/(αβ+1), 0) (capacity α, source αβ+1).

        theory(m): long table schedule, t, test, lr. compare(m): gamma and the final risks at T with their ratios \
        to the tuned cosine.
        """,
        reference: "Meterez, Nair, Morwani, Pehlevan, Kakade 2026 (arXiv 2602.03702); γ*: Dieuleveut & Bach 2016, Theorem 2",
        model: Parameters.self,
        validate: { p throws(ModelError) in
            let c = Config(p)
            _ = try c.setup(ConstantValue(value: c.lr), steps: c.steps, averaging: .none)
        },
        operations: [
            .table("theory", "exact curves of the four schedules", model: Parameters.self, arguments: NoArguments.self,
                   estimate: theoryEstimate) { p, _, monitor in try curves(Config(p), monitor: monitor) },
            ModelOperation(name: "compare", summary: "final risks at T and ratios to the tuned cosine",
                           model: Parameters.self, arguments: NoArguments.self, estimate: compareEstimate) { p, _, monitor in
                let c = Config(p)
                let window = SGDSetup.Averaging.window(fraction: c.tail)
                let constant = try c.setup(ConstantValue(value: c.lr), steps: c.steps, averaging: .none)
                    .theory(times: [c.steps], monitor: monitor).test[0]
                let constantAvg = try c.setup(ConstantValue(value: c.lr), steps: c.steps, averaging: window)
                    .theory(times: [c.steps], monitor: monitor).test[0]
                let poly = try c.setup(PolySchedule(peak: c.lr, power: c.gamma, offset: c.offset), steps: c.steps, averaging: window)
                    .theory(times: [c.steps], monitor: monitor).test[0]
                let cosine = try tunedCosine(c, horizon: c.steps, monitor: monitor)
                return .record([("gamma", c.gamma), ("constant", constant), ("constant_avg", constantAvg), ("poly_avg", poly),
                                ("cosine", cosine.risk), ("cosine_peak", cosine.peak),
                                ("constant_avg_ratio", constantAvg / cosine.risk), ("poly_avg_ratio", poly / cosine.risk)])
            },
        ])
}
