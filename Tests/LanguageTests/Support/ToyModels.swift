import Models
import NumericCore

/// Small fake model families for testing the language without real models: a toy
/// power law with `theory` (exact y = P^-alpha), `simulate` (seeded noise, progress,
/// cancellation, a cost estimate) and `frontier` (a record), and a schedule function.
enum ToyModels {
    struct Constant: Schedule {
        var value: Double
        func value(at step: Int, of total: Int) -> Double { value * Double(total - step) / Double(total) }
        var description: String { "decay(\(value))" }
    }

    static let families: [ModelFamily] = [toy]
    static let functions: [ModelFunction] = [
        ModelFunction(name: "decay", summary: "A linearly decaying schedule.", doc: "decay(lr) goes from lr to 0.",
                      arguments: DecayArguments.self) { args, _ in .schedule(Constant(value: args.lr)) },
    ]

    /// `decay`'s argument.
    struct DecayArguments: ParameterGroup {
        @Option("peak learning rate", range: .positive) var lr: Double
    }

    /// The toy's parameters, each declared once.
    struct Toy: ParameterGroup {
        @Option("decay exponent α", range: .positive) var alpha = 1.0
        @Option("dimension d", range: .atLeastOne) var dim = 100
        @Option("variant", choices: ["fast", "slow"]) var mode = "fast"
        @Option("noise level σ", range: .nonNegative, sweepable: false) var noise = 0.0
    }

    /// Sample sizes, for `theory`.
    struct Sizes: ParameterGroup {
        @Option("sample sizes", range: .positive) var P: [Double]
    }

    /// `simulate`'s parameters: sizes and the shared trials and seed.
    struct Simulation: ParameterGroup {
        @Option("sample sizes", range: .positive) var P: [Double]
        @OptionGroup var replication = Replication(trials: 4)
    }

    static let toy = ModelFamily(
        name: "toy", summary: "A toy power law y = P^-alpha.", doc: "For tests.", reference: "Nobody (2026), eq. 1",
        model: Toy.self,
        validate: { toy throws(ModelError) in
            if toy.alpha > 5 && toy.dim > 1000 {
                throw ModelError.exceeds(parameter: "alpha", value: toy.alpha, bound: nil, limit: 5, reason: "when dim > 1000")
            }
        },
        operations: [
            .table("theory", "Exact curve.", model: Toy.self, arguments: Sizes.self) { toy, args, _ in
                Table(columns: [Table.Column("P", args.P), Table.Column("test", args.P.map { pow($0, -toy.alpha) })],
                      caption: "theory", role: .theory)
            },
            .table("simulate", "Noisy curve.", model: Toy.self, arguments: Simulation.self,
                   estimate: { toy, args in
                       let d = Double(toy.dim)
                       return WorkEstimate(bytes: 8 * d * d, seconds: d * d * d * 1e-9 * Double(args.replication.trials))
                   }) { toy, args, monitor in
                var rng = Xoshiro256StarStar(seed: args.replication.seed64)
                var ys: [Double] = []
                for (i, p) in args.P.enumerated() {
                    try monitor.checkCancelled()
                    ys.append(pow(p, -toy.alpha) * (1 + 0.01 * rng.gaussian()))
                    monitor.report(done: i + 1, total: args.P.count, label: "simulate toy")
                }
                return Table(columns: [Table.Column("P", args.P), Table.Column("test", ys),
                                       Table.Column("test_se", ys.map { 0.01 * $0 })],
                             caption: "simulation", role: .simulation)
            },
            ModelOperation(name: "frontier", summary: "A record.", model: Toy.self, arguments: NoArguments.self) { toy, _, _ in
                .record([("best", toy.alpha * 2), ("dim", Double(toy.dim))])
            },
            ModelOperation(name: "spin", summary: "Runs until cancelled (for interrupt tests).", model: Toy.self,
                           arguments: NoArguments.self) { _, _, monitor in
                let clock = ContinuousClock()
                let start = clock.now
                while clock.now - start < .seconds(10) {
                    try monitor.checkCancelled()
                }
                throw NeverCancelled()
            },
        ])
}

/// What `spin` throws if no interrupt stopped it within 10 s (a failing interrupt test).
struct NeverCancelled: Error {}

#if canImport(Glibc)
import Glibc
#endif
