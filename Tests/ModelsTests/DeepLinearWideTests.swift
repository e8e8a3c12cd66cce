import Foundation
import NumericCore
import Testing
@testable import Models

/// Training from random initialisation in μP and NTK (after Bordelon & Pehlevan 2025,
/// arXiv 2502.02531; the equations are derived in DeepLinear+Wide.swift).
@Suite("Deep linear networks from random init: width, parameterisation, rate transfer")
struct DeepLinearWideTests {
    let steps: [Double] = [0, 5, 10, 20, 40, 80, 160]

    func widetrain(_ model: [String: ParameterValue], _ arguments: [String: ParameterValue]) throws -> Table {
        try runDynamicsOperation(DeepLinear.family, "widetrain", model: model, arguments: arguments)
    }

    func widetheory(_ model: [String: ParameterValue], _ arguments: [String: ParameterValue]) throws -> Table {
        try runDynamicsOperation(DeepLinear.family, "widetheory", model: model, arguments: arguments)
    }

    @Test("γ → 0 is lazy linear regression with kernel 2: u = s(1 − (1 − 2η₀)ⁿ)")
    func lazyLimit() {
        let n = [0, 1, 7, 50]
        let u = DeepLinear.wideStrength(s: 3, gamma: 1e-9, eta: 0.05, steps: n)
        for (k, x) in zip(n, u) { #expect(abs(x - 3 * (1 - pow(0.9, Double(k)))) <= 1e-12) }
    }

    @Test("started balanced (q = u = u₀, γ = 1) the recursion is Saxe et al.'s closed form as η₀ → 0")
    func balancedStartIsSaxe() {
        let eta = 1e-4, n = [0, 10_000, 20_000, 30_000, 50_000]
        let u = DeepLinear.wideStrength(s: 2, u0: 1e-3, q0: 1e-3, gamma: 1, eta: eta, steps: n)
        for (k, x) in zip(n, u) {
            let exact = DeepLinear.twoLayerStrength(s: 2, u0: 1e-3, t: eta * Double(k))
            #expect(abs(x - exact) <= 2e-3 * exact, "step \(k): recursion \(x), closed form \(exact)")
        }
    }

    @Test("μP depth 2: widths 512 and 2048 extrapolated in 1/N give the infinite-width recursion within 3 SE")
    func muPMatchesInfiniteWidth() throws {
        let model: [String: ParameterValue] = ["dim": .number(4), "singular": .vector([2, 1])]
        let args: [String: ParameterValue] = ["eta": .vector([0.05]), "steps": .vector(steps), "gamma": .number(1)]
        let th = try expectExtrapolationMatchesTheory(model, args, steps: steps, trials: 6, seed: 1, label: "depth 2")
        // The rich regime is not lazy: mode 1 is learned faster than kernel regression.
        let lazy = 0.5 * (4 + 1) * pow(0.9, 40.0)
        #expect(th[3] < 0.8 * lazy)
    }

    @Test("the DMFT (D1)–(D4) at depth 2 is the recursion (W1), to round-off")
    func dmftDepthTwoIsRecursion() throws {
        let n = [0, 1, 3, 10, 40, 120]
        for (s, gamma, eta) in [(2.0, 1.0, 0.05), (3.0, 0.3, 0.1), (0.5, 4.0, 0.02)] {
            let recursion = DeepLinear.wideStrength(s: s, gamma: gamma, eta: eta, steps: n)
            let dmft = try DeepLinear.wideDeepStrength(s: s, depth: 2, gamma: gamma, eta: eta, steps: n)
            for (x, y) in zip(recursion, dmft) { #expect(abs(x - y) <= 1e-11 * max(1, abs(x)), "s \(s), γ \(gamma): \(x) vs \(y)") }
        }
    }

    @Test("γ → 0 at depth 3 and 4 is the lazy limit u = s(1 − (1 − Lη₀)ⁿ)")
    func dmftLazyLimit() throws {
        let n = [0, 1, 5, 20, 60]
        for depth in [3, 4] {
            let u = try DeepLinear.wideDeepStrength(s: 2, depth: depth, gamma: 1e-6, eta: 0.05, steps: n)
            for (k, x) in zip(n, u) {
                let lazy = 2 * (1 - pow(1 - 0.05 * Double(depth), Double(k)))
                #expect(abs(x - lazy) <= 1e-9, "depth \(depth), step \(k): \(x) vs \(lazy)")
            }
        }
        // At γ = 1 depth 3 learns faster than lazy (the rich regime).
        let rich = try DeepLinear.wideDeepStrength(s: 2, depth: 3, gamma: 1, eta: 0.05, steps: [5])[0]
        #expect(rich > 1.05 * 2 * (1 - pow(0.85, 5)))
    }

    @Test("μP depth 3 and 4: widths 512 and 2048 extrapolated in 1/N give the DMFT within 3 SE")
    func dmftMatchesWideTraining() throws {
        let steps: [Double] = [0, 2, 4, 7, 10]
        for depth in [3.0, 4] {
            let model: [String: ParameterValue] = ["depth": .number(depth), "dim": .number(4), "singular": .vector([2, 1])]
            let args: [String: ParameterValue] = ["eta": .vector([0.04]), "steps": .vector(steps), "gamma": .number(1)]
            _ = try expectExtrapolationMatchesTheory(model, args, steps: steps, trials: 4, seed: 5, label: "depth \(depth)")
        }
    }

    @Test("the finite-width deviation shrinks like 1/N (width 32 against 128)")
    func finiteWidthIsOneOverN() throws {
        let model: [String: ParameterValue] = ["dim": .number(4), "singular": .vector([2, 1])]
        let args: [String: ParameterValue] = ["eta": .vector([0.05]), "steps": .vector([0]), "gamma": .number(0.5)]
        // At step 0 the excess is exactly ½E‖B(0)‖² = dim²/(2γ²N).
        let th = try #require(try widetheory(model, args).numbers("loss")?.first)
        let sim = try widetrain(model, args.merging(["widths": .vector([32, 128]), "trials": .number(400), "seed": .number(2)]) { $1 })
        let loss = sim.numbers("loss") ?? [], se = sim.numbers("loss_se") ?? []
        for (i, n) in [32.0, 128].enumerated() {
            let excess = 16 / (2 * 0.25 * n)
            #expect(abs(loss[i] - th - excess) <= 3 * se[i], "width \(n): excess \(loss[i] - th), expected \(excess) ± \(3 * se[i])")
        }
    }

    @Test("NTK at width 512 is lazy: ½(Σs² + dim²/γ₀²)(1 − 2η₀)^{2n} within 3 SE")
    func ntkIsLazy() throws {
        let model: [String: ParameterValue] = ["dim": .number(4), "singular": .vector([2, 1]), "width": .number(512)]
        let args: [String: ParameterValue] = ["eta": .vector([0.05]), "steps": .vector(steps), "param": .string("ntk"), "gamma": .number(2)]
        let th = try widetheory(model, args).numbers("loss") ?? []
        for (n, x) in zip(steps, th) { #expect(abs(x - 0.5 * (5 + 4) * pow(0.9, 2 * n)) <= 1e-12 * max(x, 1e-300)) }
        let sim = try widetrain(model, args.merging(["trials": .number(8), "seed": .number(3)]) { $1 })
        let (loss, se) = (sim.numbers("loss") ?? [], sim.numbers("loss_se") ?? [])
        for i in steps.indices { #expect(abs(loss[i] - th[i]) <= 3 * se[i] + 1e-9, "step \(steps[i]): \(th[i]) vs \(loss[i]) ± \(se[i])") }
    }

    @Test("depth 1 is linear regression GD: ½Σs²(1 − η₀)^{2n}, exactly, on the population loss (to round-off, 1e-28)")
    func depthOne() throws {
        let model: [String: ParameterValue] = ["depth": .number(1), "dim": .number(4), "singular": .vector([2, 1])]
        let args: [String: ParameterValue] = ["eta": .vector([0.3]), "steps": .vector(steps)]
        let sim = try widetrain(model, args.merging(["trials": .number(2)]) { $1 }).numbers("loss") ?? []
        let th = try widetheory(model, args).numbers("loss") ?? []
        for (i, n) in steps.enumerated() {
            let exact = 2.5 * pow(0.7, 2 * n)
            #expect(abs(th[i] - exact) <= 1e-12 * exact)
            #expect(abs(sim[i] - exact) <= 1e-9 * exact + 1e-28, "step \(n): \(sim[i]) vs \(exact)")
        }
    }

    @Test("finite data: the train loss falls below the test loss, and both are reported")
    func finiteData() throws {
        let model: [String: ParameterValue] = ["depth": .number(2), "dim": .number(8), "singular": .vector([2, 1]), "width": .number(64)]
        let sim = try widetrain(model, ["eta": .vector([0.05]), "steps": .vector([400]), "samples": .number(6), "trials": .number(3)])
        let test = try #require(sim.numbers("loss")?.first), train = try #require(sim.numbers("train")?.first)
        #expect(train < 0.05 * test, "P = 6 < dim = 8 interpolates: train \(train), test \(test)")
    }

    @Test("a rate past the edge of stability is reported as diverged, not as a number")
    func divergence() throws {
        let model: [String: ParameterValue] = ["dim": .number(4), "singular": .vector([2, 1]), "width": .number(32)]
        let sim = try widetrain(model, ["eta": .vector([2]), "steps": .vector([200]), "trials": .number(2)])
        #expect(sim.numbers("diverged") == [1])
        #expect(sim.numbers("loss")?.first == .infinity)
        #expect(try widetheory(model, ["eta": .vector([2]), "steps": .vector([200])]).numbers("loss")?.first == .infinity)
        let deep = model.merging(["depth": .number(3)]) { $1 }
        let deepLoss = try widetheory(deep, ["eta": .vector([2, 0.05]), "steps": .vector([200])]).numbers("loss") ?? []
        #expect(deepLoss.count == 2 && deepLoss[0] == .infinity && deepLoss[1] < 1e-12, "depth 3: \(deepLoss)")
    }

    @Test("bad arguments name the parameter and its allowed range")
    func errors() throws {
        func failure(_ op: String, _ model: [String: ParameterValue], _ args: [String: ParameterValue]) -> ModelError? {
            do { _ = try runDynamicsOperation(DeepLinear.family, op, model: model, arguments: args); return nil }
            catch let e as ModelError { return e } catch { return nil }
        }
        guard case .domain(let p, let v, let allowed)? = failure("widetheory", ["depth": .number(3)], ["steps": .vector([0, 1001])]) else {
            Issue.record("steps past the DMFT limit"); return
        }
        #expect(p == "steps" && v == "1001" && allowed == "steps ≤ 1000 for widetheory with param=\"mup\" at depth ≥ 3 (its DMFT costs ∝ steps³)")
        guard case .domain(let s, _, let sa)? = failure("widetrain", [:], ["steps": .vector([1.5])]) else { Issue.record("steps"); return }
        #expect(s == "steps" && sa == "a whole number 0 ≤ steps ≤ 1000000")
        guard case .domain(let w, _, _)? = failure("widetrain", [:], ["widths": .vector([8.5])]) else { Issue.record("widths"); return }
        #expect(w == "widths")
        #expect(failure("widetrain", [:], ["eta": .vector([-1])]) != nil)
    }

    @Test("estimates count the kernels: depth-3 steps grow like N², depth 2 like N, trials linearly")
    func estimateShape() throws {
        func seconds(_ op: String, _ model: [String: ParameterValue], _ args: [String: ParameterValue]) throws -> Double {
            let estimate = try #require(DeepLinear.family.operation(op)?.estimate)
            return estimate(ParameterSet(model), ParameterSet(args)).seconds
        }
        let deep = try seconds("widetrain", ["depth": .number(3), "dim": .number(8)], ["widths": .vector([1024])])
            / seconds("widetrain", ["depth": .number(3), "dim": .number(8)], ["widths": .vector([512])])
        #expect(deep > 2.5 && deep < 4)
        let shallow = try seconds("widetrain", ["dim": .number(8)], ["widths": .vector([2048])])
            / seconds("widetrain", ["dim": .number(8)], ["widths": .vector([1024])])
        #expect(shallow > 1.3 && shallow <= 2)
        let trials = try seconds("simulate", ["depth": .number(3), "width": .number(64)], ["trials": .number(8), "t": .vector([5])])
            / seconds("simulate", ["depth": .number(3), "width": .number(64)], ["trials": .number(2), "t": .vector([5])])
        #expect(abs(trials - 4) < 1e-9)
    }
}

extension DeepLinearWideTests {
    /// Trains widths 512 and 2048 (`trials` each, from `seed`) and expects their Richardson extrapolation
    /// in 1/N, loss(∞) ≈ (4 loss(2048) − loss(512))/3, to lie within 3 SE of `widetheory` at every step;
    /// returns the theory's losses.
    func expectExtrapolationMatchesTheory(_ model: [String: ParameterValue], _ args: [String: ParameterValue],
                                          steps: [Double], trials: Double, seed: Double, label: String) throws -> [Double] {
        let th = try widetheory(model, args).numbers("loss") ?? []
        let sim = try widetrain(model, args.merging(["widths": .vector([512, 2048]), "trials": .number(trials), "seed": .number(seed)]) { $1 })
        let (loss, se) = (sim.numbers("loss") ?? [], sim.numbers("loss_se") ?? [])
        let k = steps.count
        #expect(th.count == k && loss.count == 2 * k)
        guard th.count == k && loss.count == 2 * k else { return th }
        for i in 0..<k {
            let limit = (4 * loss[k + i] - loss[i]) / 3
            let limitSE = (16 * se[k + i] * se[k + i] + se[i] * se[i]).squareRoot() / 3
            #expect(abs(limit - th[i]) <= 3 * limitSE + 1e-12, "\(label), step \(steps[i]): theory \(th[i]), extrapolated \(limit) ± \(limitSE)")
        }
        return th
    }
}
