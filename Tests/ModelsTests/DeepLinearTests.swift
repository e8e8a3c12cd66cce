import Testing
import Foundation
import NumericCore
@testable import Models

/// Runs `operation` of `family` with model parameters `model` (defaults filled in).
func runDynamicsOperation(_ family: ModelFamily, _ operation: String, model: [String: ParameterValue],
                  arguments: [String: ParameterValue]) throws -> Table {
    var values: [String: ParameterValue] = [:]
    for spec in family.parameters { if let d = spec.defaultValue { values[spec.name] = d } }
    for (k, v) in model { values[k] = v }
    let op = try #require(family.operation(operation))
    var args: [String: ParameterValue] = [:]
    for spec in op.parameters { if let d = spec.defaultValue { args[spec.name] = d } }
    for (k, v) in arguments { args[k] = v }
    let result = try op.run(ParameterSet(values), ParameterSet(args), .none)
    guard case .table(let table) = result else { Issue.record("expected a table"); return Table(columns: []) }
    return table
}

/// The rows of `table` whose `mode` column equals `mode`, as the named column.
func modeColumn(_ table: Table, _ name: String, mode: Int) -> [Double] {
    let modes = table.numbers("mode") ?? []
    let values = table.numbers(name) ?? []
    return zip(modes, values).filter { Int($0.0) == mode }.map(\.1)
}

@Suite("Deep linear networks (Saxe et al. 2013)")
struct DeepLinearTests {
    let times = (0...30).map { Double($0) * 0.25 }

    @Test("two-layer GD from a small balanced start follows the closed form within 2%")
    func twoLayerClosedForm() throws {
        let model: [String: ParameterValue] = ["init": .number(1e-3), "lr": .number(1e-3)]
        let theory = try runDynamicsOperation(DeepLinear.family, "theory", model: model, arguments: ["t": .vector(times)])
        let sim = try runDynamicsOperation(DeepLinear.family, "simulate", model: model, arguments: ["t": .vector(times), "seed": .number(3)])
        for mode in 1...4 {
            let th = modeColumn(theory, "u", mode: mode), si = modeColumn(sim, "u", mode: mode)
            for (a, b) in zip(th, si) { #expect(abs(a - b) <= 0.02 * a, "mode \(mode): theory \(a), simulation \(b)") }
        }
    }

    @Test("depth-3 GD from a balanced start follows the balanced ODE within 2%")
    func depthThreeODE() throws {
        let model: [String: ParameterValue] = ["depth": .number(3), "init": .number(1e-2), "lr": .number(1e-3),
                                               "singular": .vector([2, 1])]
        let grid = (0...24).map { Double($0) * 0.5 }
        let theory = try runDynamicsOperation(DeepLinear.family, "theory", model: model, arguments: ["t": .vector(grid)])
        let sim = try runDynamicsOperation(DeepLinear.family, "simulate", model: model, arguments: ["t": .vector(grid)])
        for mode in 1...2 {
            for (a, b) in zip(modeColumn(theory, "u", mode: mode), modeColumn(sim, "u", mode: mode)) {
                #expect(abs(a - b) <= 0.02 * a, "mode \(mode): theory \(a), simulation \(b)")
            }
        }
    }

    @Test("the RK4 balanced ODE at depth 2 reproduces the closed form")
    func odeMatchesClosedForm() {
        let u = DeepLinear.balancedStrength(depth: 2, s: 3, u0: 1e-4, times: times)
        for (t, x) in zip(times, u) {
            let exact = DeepLinear.twoLayerStrength(s: 3, u0: 1e-4, t: t)
            #expect(abs(x - exact) <= 1e-7 * exact)
        }
    }

    @Test("depth 1 is linear regression: u = s − (s − u₀)e^{−t}")
    func depthOneIsExponential() {
        let u = DeepLinear.balancedStrength(depth: 1, s: 2, u0: 0.1, times: times)
        for (t, x) in zip(times, u) { #expect(abs(x - (2 - 1.9 * exp(-t))) <= 1e-9) }
    }

    @Test("limits: u(0) = u₀ and u(t) → s")
    func limits() {
        #expect(abs(DeepLinear.twoLayerStrength(s: 2, u0: 1e-3, t: 0) - 1e-3) <= 1e-15)
        #expect(abs(DeepLinear.twoLayerStrength(s: 2, u0: 1e-3, t: 1e4) - 2) <= 1e-12)
        let deep = DeepLinear.balancedStrength(depth: 4, s: 1.5, u0: 1e-2, times: [0, 200])
        #expect(abs(deep[0] - 1e-2) <= 1e-15)
        #expect(abs(deep[1] - 1.5) <= 1e-10)
    }

    /// The RK4 step once came from the largest rate on the whole path, so a start far above s
    /// or a late time (t = 1e6 at depth 3) took billions of steps and hung the kernel.
    @Test("the balanced ODE is fast from a start far above s and at very late times")
    func odeIsFastAtExtremes() {
        let start = Date()
        let above = DeepLinear.balancedStrength(depth: 2, s: 3, u0: 1000, times: times)
        for (t, x) in zip(times, above) {
            let exact = DeepLinear.twoLayerStrength(s: 3, u0: 1000, t: t)
            #expect(abs(x - exact) <= 1e-7 * exact)
        }
        #expect(abs(DeepLinear.balancedStrength(depth: 10, s: 1, u0: 1000, times: [10])[0] - 1) <= 1e-12)
        #expect(abs(DeepLinear.balancedStrength(depth: 3, s: 3, u0: 1e-3, times: [1e12])[0] - 3) <= 1e-12)
        #expect(Date().timeIntervalSince(start) < 1)
    }

    @Test("learning time: Saxe's formula, the quadrature and the simulated crossing agree")
    func learningTime() throws {
        let (s, u0, uf) = (2.0, 1e-3, 1.8)
        let formula = DeepLinear.twoLayerLearningTime(s: s, u0: u0, uf: uf)
        // Independent value: ln(1.8·1.999/(0.001·0.2))/4 by hand.
        #expect(abs(formula - log(1.8 * 1.999 / (0.001 * 0.2)) / 4) <= 1e-12)
        #expect(abs(DeepLinear.balancedLearningTime(depth: 2, s: s, u0: u0, uf: uf) - formula) <= 1e-8 * formula)
        #expect(abs(DeepLinear.twoLayerStrength(s: s, u0: u0, t: formula) - uf) <= 1e-10)
        // The ODE crosses uf at the quadrature's time for depth 3.
        let t3 = DeepLinear.balancedLearningTime(depth: 3, s: s, u0: u0, uf: uf)
        let u3 = DeepLinear.balancedStrength(depth: 3, s: s, u0: u0, times: [t3])[0]
        #expect(abs(u3 - uf) <= 1e-6)
        let table = try runDynamicsOperation(DeepLinear.family, "learningtime", model: ["singular": .vector([2, 1])],
                                     arguments: ["fraction": .number(0.9)])
        #expect(abs((table.numbers("time") ?? [])[0] - formula) <= 1e-12)
        #expect(abs((table.numbers("rise") ?? [])[1] - log(81) / 2) <= 1e-12)
    }

    @Test("bad parameters name the parameter and its allowed range")
    func errors() throws {
        func failure(_ model: [String: ParameterValue], _ args: [String: ParameterValue] = [:]) -> ModelError? {
            do { _ = try runDynamicsOperation(DeepLinear.family, "theory", model: model, arguments: args); return nil }
            catch let e as ModelError { return e } catch { return nil }
        }
        guard case .domain(let p, _, let allowed)? = failure(["lr": .number(0.5)]) else { Issue.record("lr"); return }
        #expect(p == "lr" && allowed.contains("lr <"))
        guard case .domain(let w, _, _)? = failure(["width": .number(2)]) else { Issue.record("width"); return }
        #expect(w == "width")
        guard case .domain(let d, _, _)? = failure(["dim": .number(3)]) else { Issue.record("dim"); return }
        #expect(d == "dim")
        guard case .domain(let t, _, _)? = failure([:], ["t": .vector([-1])]) else { Issue.record("t"); return }
        #expect(t == "t")
        guard case .domain(let s, _, _)? = failure(["singular": .vector([1, -2])]) else { Issue.record("singular"); return }
        #expect(s == "singular")
    }
}

#if canImport(Glibc)
import Glibc
#endif
