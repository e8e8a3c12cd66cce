import RealModule
import Testing
import NumericCore
@testable import Models

/// Minibatch SGD in `flow` (B < P): the forcing-plus-kernel theory of
/// Flow+StochasticTheory.swift (Atanasov, Bordelon, Zavatone-Veth, Paquette & Pehlevan
/// 2025, arXiv 2502.05074) against its own seeded SGD simulation within 3 SE plus 2% of
/// the value (the deterministic equivalent's finite-dim bias, as in FlowTests), and
/// against independent limits.
@Suite struct TwoPointSGDTests {
    func model(_ values: [String: Double]) throws -> FlowParameters {
        var set = ParameterSet()
        let defaults: [String: Double] = ["alpha": 1.5, "beta": 0.8, "noise": 0.3, "dim": 400, "N": .infinity,
                                          "P": 200, "eta": 0.3, "B": 4]
        for (k, v) in defaults.merging(values, uniquingKeysWith: { $1 }) { set[k] = .number(v) }
        return try FlowParameters(set)
    }

    func agree(_ theory: Table, _ sim: Table, _ column: String) {
        let th = theory.numbers(column)!, mean = sim.numbers(column)!, se = sim.numbers(column + "_se")!
        for i in th.indices {
            print("\(column) t=\(theory.numbers("t")![i]) th=\(th[i]) sim=\(mean[i]) se=\(se[i]) z=\((th[i]-mean[i])/se[i])")
            #expect(abs(th[i] - mean[i]) <= 3 * se[i] + 0.02 * th[i],
                    "\(column) at t = \(theory.numbers("t")![i]): theory \(th[i]) vs simulation \(mean[i]) ± \(se[i])")
        }
    }

    @Test(arguments: [(Double.infinity, 200.0), (200.0, 300.0), (300.0, 150.0)])
    func theoryMatchesSimulationWithDataRepetition(width: Double, samples: Double) throws {
        let p = try model(["N": width, "P": samples])
        let times = [1.0, 10, 50, 200, 1000, 3000]
        let th = try Flow.theoryTable(p, times: times, monitor: .none)
        let sim = try Flow.simulationTable(p, times: times, trials: 24, seed: 5, monitor: .none)
        agree(th, sim, "test")
        agree(th, sim, "train")
    }

    @Test(arguments: [Double.infinity, 100.0])
    func onlineTheoryMatchesSimulation(width: Double) throws {
        let p = try model(["N": width, "P": .infinity, "dim": 200])
        let times = [1.0, 10, 100, 1000]
        let th = try Flow.theoryTable(p, times: times, monitor: .none)
        let sim = try Flow.simulationTable(p, times: times, trials: 24, seed: 9, monitor: .none)
        agree(th, sim, "test")
    }
}
