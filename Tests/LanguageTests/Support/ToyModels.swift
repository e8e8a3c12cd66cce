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
                      parameters: [ParameterSpec("lr", "peak learning rate", range: .positive)]) { args, _ in
            .schedule(Constant(value: try args.number("lr")))
        },
    ]

    static let toy = ModelFamily(
        name: "toy", summary: "A toy power law y = P^-alpha.", doc: "For tests.", reference: "Nobody (2026), eq. 1",
        parameters: [
            ParameterSpec("alpha", "decay exponent α", default: .number(1), range: .positive),
            ParameterSpec("dim", "dimension d", kind: .integer, default: .number(100), range: .atLeastOne),
            ParameterSpec("mode", "variant", kind: .choice(["fast", "slow"]), default: .string("fast")),
            ParameterSpec("noise", "noise level σ", default: .number(0), range: .nonNegative, sweepable: false),
        ],
        validate: { set throws(ModelError) in
            let alpha = try set.number("alpha")
            let dim = try set.integer("dim")
            if alpha > 5 && dim > 1000 {
                throw ModelError.argument(parameter: "alpha", message: "alpha > 5 needs dim ≤ 1000")
            }
        },
        operations: [
            ModelOperation(name: "theory", summary: "Exact curve.",
                           parameters: [ParameterSpec("P", "sample sizes", kind: .vector, range: .positive)]) { model, args, _ in
                let alpha = try model.number("alpha")
                let ps = try args.vector("P")
                return .table(Table(columns: [Table.Column("P", ps), Table.Column("test", ps.map { pow($0, -alpha) })],
                                    caption: "theory", role: .theory))
            },
            ModelOperation(name: "simulate", summary: "Noisy curve.",
                           parameters: [ParameterSpec("P", "sample sizes", kind: .vector, range: .positive),
                                        ParameterSpec("trials", "repetitions", kind: .integer, default: .number(4), range: .atLeastOne),
                                        ParameterSpec("seed", "random seed", kind: .integer, default: .number(0), range: .nonNegative)],
                           estimate: { model, args in
                               let d = Double((try? model.integer("dim")) ?? 1)
                               return WorkEstimate(bytes: 8 * d * d, seconds: d * d * d * 1e-9 * Double((try? args.integer("trials")) ?? 1))
                           }) { model, args, monitor in
                let alpha = try model.number("alpha")
                let ps = try args.vector("P")
                var rng = Xoshiro256StarStar(seed: UInt64(try args.integer("seed")))
                var ys: [Double] = []
                for (i, p) in ps.enumerated() {
                    try monitor.checkCancelled()
                    ys.append(pow(p, -alpha) * (1 + 0.01 * rng.gaussian()))
                    monitor.report(done: i + 1, total: ps.count, label: "simulate toy")
                }
                return .table(Table(columns: [Table.Column("P", ps), Table.Column("test", ys),
                                              Table.Column("test_se", ys.map { 0.01 * $0 })],
                                    caption: "simulation", role: .simulation))
            },
            ModelOperation(name: "frontier", summary: "A record.", parameters: []) { model, _, _ in
                .record([("best", try model.number("alpha") * 2), ("dim", Double(try model.integer("dim")))])
            },
            ModelOperation(name: "spin", summary: "Runs until cancelled (for interrupt tests).", parameters: []) { _, _, monitor in
                let clock = ContinuousClock()
                let start = clock.now
                while clock.now - start < .seconds(10) {
                    try monitor.checkCancelled()
                }
                throw ModelError.resource(message: "spin was never cancelled")
            },
        ])
}

#if canImport(Glibc)
import Glibc
#endif
