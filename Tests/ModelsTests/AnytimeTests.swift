import Testing
import NumericCore
@testable import Models

/// Anytime schedules (Meterez et al. 2026) on the exact recursion.
@Suite struct AnytimeTests {
    func parameters(_ changes: [String: Double]) -> ParameterSet {
        var p = ParameterSet()
        for spec in AnytimeFamily.family.parameters { p[spec.name] = spec.defaultValue }
        p["dim"] = .number(400); p["steps"] = .number(4000)
        for (k, v) in changes { p[k] = .number(v) }
        return p
    }

    func compare(_ p: ParameterSet) throws -> [String: Double] {
        guard case .record(let fields)? = try AnytimeFamily.family.operation("compare")?.run(p, ParameterSet(), .none) else {
            Issue.record("no record"); return [:]
        }
        return Dictionary(uniqueKeysWithValues: fields.map { ($0.name, $0.value) })
    }

    /// γ* from source and capacity: α = 1.5, β = 1 → 1 − 1.5/2.5 = 0.4; hard tasks → 0.
    @Test func optimalGamma() {
        #expect(abs(AnytimeFamily.optimalGamma(alpha: 1.5, beta: 1) - 0.4) < 1e-15)
        #expect(AnytimeFamily.optimalGamma(alpha: 2, beta: 0.2) == 0)
    }

    /// Averaging removes the constant-rate noise floor, and poly-decay + averaging comes within
    /// 30% of the cosine tuned for the horizon, without knowing the horizon.
    @Test func averagedPolyTracksTunedCosine() throws {
        let r = try compare(parameters([:]))
        #expect(r["constant", default: 0] > 1.5 * r["constant_avg", default: .infinity])
        #expect(r["poly_avg_ratio", default: .infinity] < 1.3)
    }

    /// The window average is an averaging scheme like the others: the exact recursion matches
    /// Monte-Carlo within 3 standard errors.
    @Test func windowAverageMatchesSimulation() throws {
        let setup = try SGDSetup(alpha: 1.5, beta: 1, noise: 0.5, dim: 60, steps: 200, lr: PolySchedule(peak: 0.2, power: 0.4),
                                 batch: ConstantValue(value: 2), averaging: .window(fraction: 0.5))
        let times = [0, 5, 20, 50, 100, 200]
        let theory = try setup.theory(times: times)
        let sim = try setup.simulate(times: times, trials: 400, seed: 11)
        for i in times.indices { #expect(abs(theory.test[i] - sim.test[i]) <= 3 * sim.testError[i] + 1e-12) }
    }
}
