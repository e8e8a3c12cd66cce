import Testing
import Numerics
@testable import Models
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Theory vs simulation vs independent values for `flow` (Bordelon, Atanasov &
/// Pehlevan 2024). Tolerances: theory vs simulation within 3 standard errors plus 2%
/// of the value (the deterministic equivalent's finite-dim bias at dim = 400 is below
/// that); independent closed forms to 1e-6 relative.
@Suite struct FlowTests {
    func model(_ values: [String: Double]) throws -> FlowParameters {
        var set = ParameterSet()
        let defaults: [String: Double] = ["alpha": 2, "beta": 0.5, "noise": 0, "dim": 400, "N": .infinity, "P": .infinity]
        for (k, v) in defaults.merging(values, uniquingKeysWith: { $1 }) { set[k] = .number(v) }
        return try FlowParameters(set)
    }

    func agree(_ theory: Table, _ sim: Table, _ column: String) {
        let th = theory.numbers(column)!, mean = sim.numbers(column)!, se = sim.numbers(column + "_se")!
        for i in th.indices {
            #expect(abs(th[i] - mean[i]) <= 3 * se[i] + 0.02 * th[i],
                    "\(column) at t = \(theory.numbers("t")![i]): theory \(th[i]) vs simulation \(mean[i]) ± \(se[i])")
        }
    }

    @Test func widthBottleneckTheoryMatchesSimulation() throws {
        let p = try model(["N": 100, "alpha": 1.5, "beta": 1])
        let times = [1.0, 10, 100, 1000, 1e5]
        let th = try Flow.theoryTable(p, times: times, monitor: .none)
        let sim = try Flow.simulationTable(p, times: times, trials: 24, seed: 7, monitor: .none)
        agree(th, sim, "test")
    }

    @Test func dataBottleneckTheoryMatchesSimulation() throws {
        let p = try model(["P": 150, "alpha": 1.5, "beta": 1, "noise": 0.3])
        let times = [1.0, 10, 100, 1000, 1e5]
        let th = try Flow.theoryTable(p, times: times, monitor: .none)
        let sim = try Flow.simulationTable(p, times: times, trials: 24, seed: 3, monitor: .none)
        agree(th, sim, "test")
        agree(th, sim, "train")
    }
}
