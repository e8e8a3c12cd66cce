import RealModule
import Testing
import NumericCore
@testable import Models

/// TD(λ) with accumulating traces on the ring MRP of `td` (Sutton 1988): sampled trajectories
/// against the exact expectation over every path of a short horizon, the Tsitsiklis–Van Roy TD(λ)
/// fixed point with its λ = 1 Monte-Carlo-regression limit, convergence of annealed TD(λ) to it,
/// and the refusal of `theory` for λ > 0.
@Suite("TD(λ) with eligibility traces")
struct TDLambdaTests {
    let small: [String: ParameterValue] = ["states": .number(12), "features": .number(4), "width": .number(1.5),
                                          "lr": .number(0.3)]

    /// E L(w_t) for t ≤ horizon by enumerating all n·2^t paths (s_0 ~ D uniform), running the TD(λ)
    /// recursion e ← γλe + φ(s), w ← w + η_t δ e along each and weighting the loss by the path's probability.
    func enumerated(_ lambda: Double, shaping: Double, steps: [Int]) throws -> [Double] {
        var p = TD.Parameters()
        p.states = 12; p.features = 4; p.width = 1.5; p.lr = 0.3; p.lambda = lambda; p.shaping = shaping
        let c = TD.Configuration(p), phi = c.phi, (reward, value) = try c.shaped(), d = c.features
        var expected = [Double](repeating: 0, count: steps.count)
        func walk(_ s: Int, _ w: [Double], _ e: [Double], _ probability: Double, _ t: Int) {
            for (i, step) in steps.enumerated() where step == t {
                expected[i] += probability * TD.Configuration.loss(w, phi: phi, value: value)
            }
            guard t < steps.max()! else { return }
            for (next, q) in c.successors(s) {
                let trace = (0..<d).map { c.gamma * lambda * e[$0] + phi[s, $0] }
                let delta = reward(s, next) + (0..<d).reduce(0.0) { $0 + (c.gamma * phi[next, $1] - phi[s, $1]) * w[$1] }
                walk(next, (0..<d).map { w[$0] + c.rate(t) * delta * trace[$0] }, trace, probability * q, t + 1)
            }
        }
        let zero = [Double](repeating: 0, count: d)
        for s in 0..<c.states { walk(s, zero, zero, 1 / Double(c.states), 0) }
        return expected
    }

    @Test("sampled TD(λ) matches the exact expectation over all paths within 3 SE", arguments: [0.5, 0.9])
    func simulationMatchesEnumeration(lambda: Double) throws {
        let steps = [1, 2, 4, 8, 10]
        let model = small.merging(["lambda": .number(lambda), "shaping": .number(0.25)]) { $1 }
        let expected = try enumerated(lambda, shaping: 0.25, steps: steps)
        let sim = try runDynamicsOperation(TD.family, "simulate", model: model,
                                           arguments: ["t": .vector(steps.map(Double.init)), "trials": .number(4000), "seed": .number(5)])
        let mean = sim.values("loss"), se = sim.values("loss_se")
        for i in steps.indices {
            let z = zScore(theory: expected[i], mean: mean[i], standardError: se[i])
            #expect(z < 3, "λ = \(lambda), t = \(steps[i]): exact \(expected[i]), simulation \(mean[i]) ± \(se[i]) (\(z) SE)")
        }
        // The trace matters by t = 10: the TD(0) expectation is many SE away.
        let td0 = try enumerated(0, shaping: 0.25, steps: [10])[0]
        #expect(zScore(theory: td0, mean: mean[4], standardError: se[4]) > 10, "TD(0) \(td0) vs TD(\(lambda)) \(mean[4])")
    }

    /// Tsitsiklis & Van Roy 1997, Thm. 1: ‖V − Φw*_λ‖_D ≤ ‖V − ΠV‖_D/√(1 − κ²), κ = γ(1 − λ)/(1 − γλ); at λ = 1,
    /// κ = 0 and Φw*_1 = ΠV, the least-squares (Monte-Carlo regression) fit, independently computed by dgelsd.
    @Test("the TD(λ) fixed point lies within the Tsitsiklis–Van Roy bound and is the projection at λ = 1")
    func fixedPoint() throws {
        func errors(_ lambda: Double) throws -> (fixed: Double, projected: Double) {
            let table = try runDynamicsOperation(TD.family, "fixedpoint", model: small.merging(["lambda": .number(lambda)]) { $1 },
                                                 arguments: [:])
            let v = table.values("value")
            func error(_ x: [Double]) -> Double { zip(v, x).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / Double(v.count) }
            return (error(table.values("td_value")), error(table.values("projection")))
        }
        var previous = Double.infinity
        for lambda in [0, 0.5, 0.9] {
            let (fixed, projected) = try errors(lambda), kappa = 0.9 * (1 - lambda) / (1 - 0.9 * lambda)
            #expect(projected < fixed && fixed <= projected / (1 - kappa * kappa), "λ = \(lambda)")
            #expect(fixed < previous, "the bias falls with λ")
            previous = fixed
        }
        let (one, projected) = try errors(1)
        #expect(one.isApproximatelyEqual(to: projected, relativeTolerance: 1e-9))
    }

    /// With η_t = 0.1/(1 + t/200) (Σ η_t diverges, Σ η_t² converges) TD(λ) converges to w*_λ: on the 16-state
    /// ring with 4 place cells, after 30000 steps the simulated error sits at L(w*_0.9) ≈ 0.099, not L(w*_0) ≈ 0.146.
    @Test("annealed TD(0.9) converges to its own fixed point, not TD(0)'s")
    func annealedConvergence() throws {
        let ring: [String: ParameterValue] = ["states": .number(16), "features": .number(4), "width": .number(1.5), "lr": .number(0.1)]
        let model = ring.merging(["lambda": .number(0.9), "anneal": .number(200)]) { $1 }
        let fixed = try runDynamicsOperation(TD.family, "fixedpoint", model: model, arguments: [:])
        let target = zip(fixed.values("value"), fixed.values("td_value")).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / 16
        let td0 = try runDynamicsOperation(TD.family, "theory", model: ring, arguments: ["t": .vector([1])]).values("fixed")[0]
        let sim = try runDynamicsOperation(TD.family, "simulate", model: model,
                                           arguments: ["t": .vector([30000]), "trials": .number(40), "seed": .number(2)])
        let excess = sim.values("loss")[0] - target
        #expect(excess > -3 * sim.values("loss_se")[0] && excess < 0.05 * (td0 - target), "excess \(excess), gap \(td0 - target)")
    }

    @Test("theory names lambda and its allowed range")
    func errors() throws {
        do {
            _ = try runDynamicsOperation(TD.family, "theory", model: small.merging(["lambda": .number(0.5)]) { $1 },
                                         arguments: ["t": .vector([1])])
            Issue.record("theory accepted lambda = 0.5")
        } catch let e as ModelError {
            #expect(e.message == "lambda = 0.5 is out of range: allowed lambda = 0 for theory (its exact moment recursion is TD(0)'s); simulate and fixedpoint take 0 ≤ lambda ≤ 1")
        }
        let spec = try #require(TD.family.parameters.first { $0.name == "lambda" })
        #expect(spec.range == .unitInterval)
    }
}
