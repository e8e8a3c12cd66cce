import Testing
import NumericCore
@testable import Models

/// The `sgd` family as the language calls it: defaults, operations, columns, captions.
@Suite struct SGDFamilyTests {
    func defaults(_ changes: [String: ParameterValue] = [:]) -> ParameterSet {
        var p = ParameterSet()
        for spec in SGDFamily.family.parameters { p[spec.name] = spec.defaultValue }
        for (k, v) in changes { p[k] = v }
        return p
    }

    @Test func theoryAndSimulateTables() throws {
        let p = defaults(["dim": .number(50), "steps": .number(100), "lr": .schedule(CosineSchedule(peak: 0.2))])
        try SGDFamily.family.validate(p)
        guard case .table(let th)? = try SGDFamily.family.operation("theory")?.run(p, ParameterSet(["t": .vector([0, 50, 100])]), .none),
              case .table(let sim)? = try SGDFamily.family.operation("simulate")?.run(
                  p, ParameterSet(["t": .vector([0, 50, 100]), "trials": .number(4), "seed": .number(1)]), .none) else {
            Issue.record("operations did not return tables"); return
        }
        #expect(th.columnNames == ["t", "samples", "test", "last", "gnorm2", "lr", "batch"])
        #expect(sim.columnNames == ["t", "samples", "test", "test_se", "last", "gnorm2", "gnorm2_se", "lr", "batch"])
        #expect(th.role == .theory && sim.role == .simulation)
        #expect(th.caption == "theory, lr=cosine(0.2)")
        #expect(th.numbers("t") == [0, 50, 100])
        // At t = 0 both are the initial risk Σ k^-(αβ+1) exactly.
        let initial = (1...50).reduce(0.0) { $0 + 1 / pow(Double($1), 2.5) }
        #expect(abs(th.numbers("test")![0] - initial) < 1e-12 && abs(sim.numbers("test")![0] - initial) < 1e-12)
    }

    @Test func defaultTimesSpanTheRun() throws {
        let setup = try SGDSetup(parameters: try SGDFamily.Parameters(defaults()))
        let times = try setup.reportTimes(nil)
        #expect(times.first == 0 && times.last == 1000 && times.count > 40)
    }
}

#if canImport(Glibc)
import Glibc
#endif
