import Testing
import NumericCore
@testable import Models

/// The one-declaration parameter mechanism: descriptions come from `@Option`
/// declarations, values are read and checked from a `ParameterSet`.
@Suite struct ParameterGroupTests {
    /// A toy model declared once: every fact about a parameter is on its line.
    struct Toy: ParameterGroup {
        @Option("decay exponent α", range: .positive) var alpha = 2.0
        @Option("modes", range: NumericRange(lower: 1, upper: 100)) var dim = 10
        @Option("variant", choices: ["fast", "slow"]) var mode = "fast"
        @Option("grid (required)", range: .nonNegative, sweepable: false) var t: [Double]
        @Option("report times (may be left out)") var times: [Double]?
        @OptionGroup var replication = Replication(trials: 16, fewest: 2)
    }

    @Test func descriptionsComeFromTheDeclarations() throws {
        let specs = Toy.parameters
        #expect(specs.map(\.name) == ["alpha", "dim", "mode", "t", "times", "trials", "seed"])
        #expect(specs[0].kind == .real && specs[0].meaning == "decay exponent α" && specs[0].range == .positive)
        #expect(specs[1].kind == .integer && specs[1].range.describe("dim") == "a whole number 1 ≤ dim ≤ 100")
        #expect(specs[2].kind == .choice(["fast", "slow"]))
        #expect(specs[3].kind == .vector && specs[3].isRequired && !specs[3].sweepable)
        #expect(!specs[4].isRequired && specs[4].defaultValue == nil)
        guard case .number(let trials)? = specs[5].defaultValue, case .number(let seed)? = specs[6].defaultValue else {
            Issue.record("trials and seed have defaults"); return
        }
        #expect(trials == 16 && seed == Double(Seeding.defaultSeed))
        #expect(specs[5].range.describe("trials") == "a whole number 2 ≤ trials ≤ 100000")
    }

    @Test func valuesAreReadTypedWithDefaults() throws {
        let toy = try Toy(ParameterSet(["alpha": .number(3), "t": .vector([0, 1]), "seed": .number(7)]))
        #expect(toy.alpha == 3 && toy.dim == 10 && toy.mode == "fast" && toy.t == [0, 1] && toy.times == nil)
        #expect(toy.replication.trials == 16 && toy.replication.seed64 == 7)
        let back = toy.parameterSet
        guard case .number(let alpha)? = back["alpha"], case .vector(let t)? = back["t"] else {
            Issue.record("round trip"); return
        }
        #expect(alpha == 3 && t == [0, 1] && back["times"] == nil)
    }

    @Test func badValuesNameTheParameterAndItsRange() {
        let grid: [String: ParameterValue] = ["t": .vector([1])]
        #expect(throws: ModelError.domain(parameter: "alpha", value: "0", allowed: "alpha > 0")) {
            try Toy(ParameterSet(grid.merging(["alpha": .number(0)]) { $1 }))
        }
        #expect(throws: ModelError.domain(parameter: "dim", value: "101", allowed: "a whole number 1 ≤ dim ≤ 100")) {
            try Toy(ParameterSet(grid.merging(["dim": .number(101)]) { $1 }))
        }
        #expect(throws: ModelError.domain(parameter: "mode", value: "\"medium\"", allowed: "one of \"fast\", \"slow\"")) {
            try Toy(ParameterSet(grid.merging(["mode": .string("medium")]) { $1 }))
        }
        #expect(throws: ModelError.domain(parameter: "trials", value: "1", allowed: "a whole number 2 ≤ trials ≤ 100000")) {
            try Toy(ParameterSet(grid.merging(["trials": .number(1)]) { $1 }))
        }
        #expect(throws: ModelError.domain(parameter: "t", value: "-1", allowed: "t ≥ 0")) {
            try Toy(ParameterSet(["t": .vector([0, -1])]))
        }
        #expect(throws: ModelError.missing("t")) { try Toy(ParameterSet()) }
    }

    @Test func aFamilyBuiltFromTheDeclarationValidatesAndRuns() throws {
        let family = ModelFamily(
            name: "toy", summary: "toy", doc: "toy", reference: "none", model: Toy.self,
            validate: { toy throws(ModelError) in
                if toy.alpha > 5 { throw .exceeds(parameter: "alpha", value: toy.alpha, bound: nil, limit: 5, reason: nil) }
            },
            operations: [.table("theory", "y = t^-alpha", model: Toy.self, arguments: NoArguments.self) { toy, _, _ in
                Table(columns: [Table.Column("t", toy.t), Table.Column("y", toy.t.map { pow($0, -toy.alpha) })])
            }])
        #expect(family.parameters.map(\.name) == Toy.parameters.map(\.name))
        #expect(throws: ModelError.exceeds(parameter: "alpha", value: 6, bound: nil, limit: 5, reason: nil)) {
            try family.validate(ParameterSet(["alpha": .number(6), "t": .vector([1])]))
        }
        guard case .table(let table)? = try family.operation("theory")?.run(ParameterSet(["t": .vector([1, 2])]),
                                                                            ParameterSet(), .none) else {
            Issue.record("theory returns a table"); return
        }
        #expect(table.numbers("y") == [1, 0.25])
    }
}

#if canImport(Glibc)
import Glibc
#endif
