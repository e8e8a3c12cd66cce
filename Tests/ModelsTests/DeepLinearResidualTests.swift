import Foundation
import NumericCore
import Testing
@testable import Models

/// Residual deep linear networks with β/√(L−2) or β branches from random init in μP (after Bordelon &
/// Pehlevan 2025, arXiv 2502.02531, and Bordelon et al. 2023, arXiv 2309.16620; the theory is derived in
/// DeepLinear+WideResidualDMFT.swift, Eqs. (R1)–(R4)).
@Suite("Deep linear residual networks: the residual DMFT, its lazy limit, depth transfer")
struct DeepLinearResidualTests {
    func widetheory(_ model: [String: ParameterValue], _ arguments: [String: ParameterValue]) throws -> Table {
        try runDynamicsOperation(DeepLinear.family, "widetheory", model: model, arguments: arguments)
    }

    @Test("without a block (depth 2) the residual DMFT is the recursion (W1), to round-off")
    func depthTwoIsRecursion() throws {
        let n = [0, 1, 3, 10, 40]
        for (s, gamma, eta) in [(2.0, 1.0, 0.05), (0.5, 3.0, 0.02)] {
            let recursion = DeepLinear.wideStrength(s: s, gamma: gamma, eta: eta, steps: n)
            let dmft = try DeepLinear.residualStrength(s: s, depth: 2, branch: 0.7, gamma: gamma, eta: eta, steps: n)
            for (x, y) in zip(recursion, dmft) { #expect(abs(x - y) <= 1e-11 * max(1, abs(x)), "s \(s): \(x) vs \(y)") }
        }
    }

    @Test("γ → 0 is lazy regression on the residual NTK (R4): u = s(1 − (1 − η₀k)ⁿ), k = 2(1+a²)^K + Ka²(1+a²)^{K−1}")
    func lazyLimit() throws {
        let n = [0, 1, 4, 12]
        for (depth, a) in [(4, 0.5), (6, 1.0 / 2), (5, 0.9)] {
            let k = 2 * pow(1 + a * a, Double(depth - 2)) + Double(depth - 2) * a * a * pow(1 + a * a, Double(depth - 3))
            #expect(abs(DeepLinear.residualLazyKernel(depth: depth, branch: a) - k) <= 1e-12 * k)
            let eta = 0.5 / k
            let u = try DeepLinear.residualStrength(s: 2, depth: depth, branch: a, gamma: 1e-6, eta: eta, steps: n)
            for (step, x) in zip(n, u) {
                let lazy = 2 * (1 - pow(1 - eta * k, Double(step)))
                #expect(abs(x - lazy) <= 1e-8, "depth \(depth), a \(a), step \(step): \(x) vs \(lazy)")
            }
        }
        // Under a = β/√K the lazy kernel tends to (2 + β²)e^{β²}; its 1/K correction is −(2 + β²/2)β⁴e^{β²}/(2K)·… — check the limit only.
        let far = DeepLinear.residualLazyKernel(depth: 100_002, branch: 1 / (100_000.0).squareRoot())
        #expect(abs(far - 3 * exp(1.0)) <= 1e-4 * far)
    }

    @Test("μP residual (sqrtL, β = 1) at depth 3, 4 and 8: widths 512 and 2048 extrapolated in 1/N give the DMFT within 3 SE")
    func dmftMatchesWideTraining() throws {
        let steps: [Double] = [0, 2, 4, 7, 10]
        for depth in [3.0, 4, 8] {
            let model: [String: ParameterValue] = ["depth": .number(depth), "dim": .number(4), "singular": .vector([2, 1])]
            let args: [String: ParameterValue] = ["eta": .vector([0.04]), "steps": .vector(steps), "gamma": .number(1),
                                                  "residual": .string("sqrtL"), "beta": .number(1)]
            let th = try DeepLinearWideTests().expectExtrapolationMatchesTheory(model, args, steps: steps, trials: 4, seed: 7,
                                                                                label: "residual depth \(depth)")
            // The residual theory differs from the plain one (the blocks matter).
            let plain = try widetheory(model, ["eta": .vector([0.04]), "steps": .vector(steps)]).numbers("loss") ?? []
            if depth > 3 { #expect(abs(th[4] - plain[4]) > 0.05 * plain[4], "depth \(depth): residual \(th[4]), plain \(plain[4])") }
        }
    }

    @Test("the 1/√L branch has a depth limit: u after 3 steps changes like 1/K over K = 4, 8, 16, 32 blocks, and its 1/K extrapolations converge")
    func depthLimitConverges() throws {
        let u = try [6, 10, 18, 34].map { depth in
            try DeepLinear.residualStrength(s: 2, depth: depth, branch: 1 / Double(depth - 2).squareRoot(), gamma: 1, eta: 0.02, steps: [3])[0]
        }
        let differences = (1..<4).map { u[$0] - u[$0 - 1] }
        for k in 1..<3 {
            #expect(abs(differences[k] / differences[k - 1] - 0.5) < 0.15, "values \(u), differences \(differences)")
        }
        // Richardson in 1/K from successive pairs: each extrapolation moves less than half as far as the one before.
        let limits = (1..<4).map { 2 * u[$0] - u[$0 - 1] }
        #expect(abs(limits[2] - limits[1]) < 0.5 * abs(limits[1] - limits[0]) && abs(limits[2] - limits[1]) < 0.01, "extrapolations \(limits)")
    }

    @Test("depthwise transfer: under β/√K the optimal η₀ at depth 4, 8, 12 is one grid point; under unit branches it falls")
    func optimalRateTransfers() throws {
        let etas = (0..<22).map { 0.002 * pow(1.35, Double($0)) }
        func best(_ depth: Int, _ residual: String) throws -> Double {
            let loss = try widetheory(["depth": .number(Double(depth)), "dim": .number(4), "singular": .vector([2, 1])],
                                      ["eta": .vector(etas), "steps": .vector([4]), "residual": .string(residual), "beta": .number(1)])
                .numbers("loss") ?? []
            return etas[loss.indices.min { loss[$0] < loss[$1] } ?? 0]
        }
        let scaled = try [4, 8, 12].map { try best($0, "sqrtL") }
        #expect(scaled.allSatisfy { abs(log($0 / scaled[0])) < 0.31 }, "sqrtL optima \(scaled)")
        let unit = try [4, 8].map { try best($0, "unit") }
        #expect(unit[1] < 0.1 * unit[0], "unit optima \(unit)")
    }

    @Test("bad residual arguments name the parameter and its allowed range")
    func errors() throws {
        func failure(_ args: [String: ParameterValue]) -> ModelError? {
            do { _ = try widetheory(["depth": .number(4)], args); return nil } catch let e as ModelError { return e } catch { return nil }
        }
        guard case .domain(let p, let v, let allowed)? = failure(["residual": .string("sqrtL"), "steps": .vector([0, 401])]) else {
            Issue.record("steps past the residual limit"); return
        }
        #expect(p == "steps" && v == "401" && allowed == "steps ≤ 400 for widetheory with residual=\"sqrtL\" (its DMFT holds ∝ depth²·steps² numbers)")
        guard case .domain(let b, _, let ba)? = failure(["residual": .string("unit"), "beta": .number(0)]) else { Issue.record("beta"); return }
        #expect(b == "beta" && ba.contains("10"))
        #expect(failure(["residual": .string("half")]) != nil)
    }
}
