import RealModule
import Testing
import NumericCore
@testable import Models

/// TD(0) with place-cell features on a ring MRP (Bordelon, Masset, Kuo & Pehlevan 2023): the exact
/// moment recursion against sampled trajectories, the Tsitsiklis–Van Roy fixed point, the
/// deterministic expected-TD limit, the noise plateau ∝ lr, annealing, shaping and parameter errors.
@Suite("TD(0) value learning (Bordelon et al. 2023)")
struct TDTests {
    let small: [String: ParameterValue] = ["states": .number(12), "features": .number(4), "width": .number(1.5),
                                          "lr": .number(0.3)]

    func theory(_ model: [String: ParameterValue], _ t: [Double]) throws -> Table {
        try runDynamicsOperation(TD.family, "theory", model: model, arguments: ["t": .vector(t)])
    }

    @Test("the moment recursion matches sampled trajectories within 3 SE along the curve")
    func theoryMatchesSimulation() throws {
        for model in [small, small.merging(["anneal": .number(20), "shaping": .number(0.5)]) { $1 }] {
            let t: [Double] = [0, 4, 16, 64, 256]
            let expected = try theory(model, t).values("loss")
            let sim = try runDynamicsOperation(TD.family, "simulate", model: model,
                                               arguments: ["t": .vector(t), "trials": .number(2000), "seed": .number(3)])
            let mean = sim.values("loss"), se = sim.values("loss_se")
            for i in t.indices where t[i] > 0 {
                let z = zScore(theory: expected[i], mean: mean[i], standardError: se[i])
                #expect(z < 3, "t = \(t[i]): theory \(expected[i]), simulation \(mean[i]) ± \(se[i]) (\(z) SE)")
            }
            #expect(mean[0].isApproximatelyEqual(to: expected[0], relativeTolerance: 1e-12), "w_0 = 0 is deterministic")
        }
    }

    /// Tsitsiklis & Van Roy 1997, Thm. 1: w* with A w* = b; ‖V − Φw*‖_D ≤ ‖V − ΠV‖_D/√(1 − γ²), and
    /// with one feature per state (tabular) Φw* = V exactly. With a vanishing (annealed) step the
    /// expected value error tends to L(w*).
    @Test("annealed TD converges to the Tsitsiklis–Van Roy fixed point")
    func fixedPoint() throws {
        let table = try runDynamicsOperation(TD.family, "fixedpoint", model: small, arguments: [:])
        let v = table.values("value"), td = table.values("td_value"), projection = table.values("projection")
        func error(_ x: [Double]) -> Double { zip(v, x).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / Double(v.count) }
        let fixed = error(td), projected = error(projection)
        #expect(projected < fixed && fixed <= projected / (1 - 0.81))
        // V = r + γPV holds for the reported value.
        let r = table.values("reward"), n = v.count
        for s in 0..<n {
            let next = 0.7 * v[(s + 1) % n] + 0.3 * v[(s + n - 1) % n]
            #expect(v[s].isApproximatelyEqual(to: r[s] + 0.9 * next, relativeTolerance: 1e-10))
        }
        // η_t = 0.3/(1 + t/200) falls to 0.003 by t = 20000 while Σ η_t ≈ 280 ≫ 1/Re λ_min(A) ≈ 27.
        let annealed = try theory(small.merging(["anneal": .number(200)]) { $1 }, [20000])
        let constant = try theory(small, [20000])
        #expect(annealed.values("fixed")[0].isApproximatelyEqual(to: fixed, relativeTolerance: 1e-10))
        #expect(annealed.values("loss_mean")[0].isApproximatelyEqual(to: fixed, relativeTolerance: 0.01), "\(annealed.values("loss_mean")[0]) vs \(fixed)")
        let excess = annealed.values("loss")[0] - fixed, plateau = constant.values("loss")[0] - fixed
        #expect(excess > 0 && excess < 0.03 * plateau, "annealed excess \(excess), constant-lr plateau \(plateau)")
        let tabular = try runDynamicsOperation(TD.family, "fixedpoint",
                                               model: ["states": .number(10), "features": .number(10), "width": .number(0.05)],
                                               arguments: [:])
        for (a, b) in zip(tabular.values("value"), tabular.values("td_value")) { #expect(a.isApproximatelyEqual(to: b, relativeTolerance: 1e-9)) }
    }

    /// As lr → 0 at fixed lr·t the semi-gradient noise vanishes and the value error follows the
    /// deterministic expected-TD dynamics w ← w + η(b − A w) (computed here from A and b directly).
    @Test("small steps follow the deterministic expected-TD curve")
    func zeroNoiseLimit() throws {
        var p = TD.Parameters()
        p.states = 12; p.features = 4; p.width = 1.5
        let c = TD.Configuration(p), phi = c.phi, (reward, value) = try c.shaped()
        var a = Matrix(rows: 4, columns: 4), b = [Double](repeating: 0, count: 4)
        for s in 0..<12 {
            for (next, q) in c.successors(s) {
                for i in 0..<4 {
                    b[i] += q * phi[s, i] * reward(s, next) / 12
                    for j in 0..<4 { a[i, j] += q * phi[s, i] * (phi[s, j] - 0.9 * phi[next, j]) / 12 }
                }
            }
        }
        func expectedTD(eta: Double, steps: Int) -> Double {
            var w = [Double](repeating: 0, count: 4)
            for _ in 0..<steps {
                let aw = (0..<4).map { i in (0..<4).reduce(0.0) { $0 + a[i, $1] * w[$1] } }
                for i in 0..<4 { w[i] += eta * (b[i] - aw[i]) }
            }
            return TD.Configuration.loss(w, phi: phi, value: value)
        }
        var gaps: [Double] = []
        for eta in [0.01, 0.005] {
            let steps = Int((40 / eta).rounded())
            let loss = try theory(small.merging(["lr": .number(eta)]) { $1 }, [Double(steps)]).values("loss")[0]
            let deterministic = expectedTD(eta: eta, steps: steps)
            gaps.append(abs(loss / deterministic - 1))
        }
        #expect(gaps[1] < 0.05, "\(gaps)")
        #expect(gaps[1] < 0.7 * gaps[0], "the gap shrinks with lr: \(gaps)")
    }

    /// The headline (Bordelon et al. 2023): at constant lr the value error plateaus above the fixed
    /// point's by an amount set by the semi-gradient noise, ∝ lr for small lr (annealing removes it: see fixedPoint); shaping
    /// with potential ψ = V/2 lowers the error along the way.
    @Test("the plateau above L(w*) is proportional to lr, and shaping lowers the value error")
    func plateau() throws {
        func excess(_ eta: Double) throws -> Double {
            let row = try theory(small.merging(["lr": .number(eta)]) { $1 }, [Double(Int(400 / eta))])
            return row.values("loss")[0] - row.values("fixed")[0]
        }
        let high = try excess(0.1), low = try excess(0.05)
        #expect(high > 0 && abs(high / low - 2) < 0.2, "excess \(high), \(low)")
        let shaped = try theory(small.merging(["shaping": .number(0.5)]) { $1 }, [100, 1000]).values("loss")
        let plain = try theory(small, [100, 1000]).values("loss")
        #expect(shaped[0] < plain[0] && shaped[1] < plain[1])
    }

    @Test("bad parameters name the parameter and its allowed range")
    func errors() throws {
        func failure(_ model: [String: ParameterValue]) -> ModelError? {
            do { _ = try theory(model, [1]); return nil } catch let e as ModelError { return e } catch { return nil }
        }
        #expect(failure(["lr": .number(2)])?.message == "lr = 2 is out of range: allowed 0 < lr ≤ 0.964663 (1/max_s ‖φ(s)‖²)")
        guard case .domain(let f, _, _)? = failure(["states": .number(4), "features": .number(5)]) else {
            Issue.record("features"); return
        }
        #expect(f == "features")
        guard case .domain(let g, _, _)? = failure(["gamma": .number(1)]) else { Issue.record("gamma"); return }
        #expect(g == "gamma")
    }
}
