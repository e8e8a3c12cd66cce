import Testing
@testable import Models
import NumericCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Depth, context and training time of in-context regression (`iclscale`, the reduced ISO model of
/// Bordelon, Letey & Pehlevan 2025): the theory against `icl` at one layer, against the K → ∞ closed
/// forms of the gradient flow, against its own finite-d simulation, and bad input.
@Suite struct ICLScalingTests {
    private func model(alpha: Double, depth: Int, rho: Double = 0.1, d: Int = 64) -> ParameterSet {
        parameters(["alpha": alpha, "depth": Double(depth), "rho": rho, "d": Double(d)])
    }

    private func theory(_ m: ParameterSet, _ t: [Double]) throws -> Table {
        guard case .table(let table) = try ICLScaleModel.family.operation("theory")!.run(
            m, parameters([:], vectors: ["t": t]), .none) else { return Table(columns: []) }
        return table
    }

    private func simulate(_ m: ParameterSet, _ t: [Double], trials: Int = 6, seed: Int = 1) throws -> Table {
        guard case .table(let table) = try ICLScaleModel.family.operation("simulate")!.run(
            m, parameters(["trials": Double(trials), "seed": Double(seed), "contexts": 32, "tests": 64],
                          vectors: ["t": t]), .none) else { return Table(columns: []) }
        return table
    }

    /// One layer at the end of training is the optimal one-layer linear attention: `icl`'s
    /// κ = τ = ∞ error x/(1+x) + ρ (Lu et al., arXiv 2405.11751), with step 1/(1+x).
    @Test(arguments: [(0.5, 0.0), (1.0, 0.1), (2.0, 0.5), (8.0, 0.1)])
    func oneLayerEqualsTheICLTheory(alpha: Double, rho: Double) throws {
        let table = try theory(model(alpha: alpha, depth: 1, rho: rho), [.infinity])
        let icl = ICLModel.iclError(alpha: alpha, kappa: .infinity, tau: .infinity, rho: rho)
        #expect(abs(table.values("loss")[0] - icl) < 1e-12)
        #expect(abs(table.values("step")[0] - 1 / (1 + (1 + rho) / alpha)) < 1e-12)
    }

    /// K → ∞ (α = ∞): Σ̂ = I and u = 1 − g obeys du/dt = −2u^(2L−1), so loss − ρ is e^(−4t) for
    /// L = 1 and (1 + 4(L−1)t)^(−L/(L−1)) for L ≥ 2 (derived in ICLScale+Theory.swift).
    @Test(arguments: [1, 2, 3, 8])
    func infiniteContextFlowHasItsClosedForm(depth: Int) throws {
        let times = [0, 0.05, 0.5, 2, 10, 100]
        let table = try theory(model(alpha: .infinity, depth: depth), times + [.infinity])
        for (i, t) in times.enumerated() {
            let exact = depth == 1 ? exp(-4 * t)
                : pow(1 + 4 * Double(depth - 1) * t, -Double(depth) / Double(depth - 1))
            let loss = table.values("loss")[i] - 0.1
            #expect(abs(loss - exact) <= 1e-5 * exact + 1e-15, "L = \(depth), t = \(t): \(loss) vs \(exact)")
        }
        #expect(abs(table.values("loss").last! - 0.1) < 1e-15)
    }

    /// Depth helps only where context is limited: the end-of-training loss falls with L; the
    /// absolute gain of L = 4 over L = 1 is largest near α = 1, falls to under a tenth of that by
    /// α = 64 and is 0 at α = ∞; with ρ = 0, α < 1 the loss tends to 1 − α (the directions no
    /// context token spans) as L grows.
    @Test func depthHelpsOnlyAtLimitedContext() throws {
        func final(_ alpha: Double, _ depth: Int, rho: Double = 0.1) throws -> Double {
            try theory(model(alpha: alpha, depth: depth, rho: rho), [.infinity]).values("loss")[0]
        }
        var previous = Double.infinity
        for depth in [1, 2, 4, 8] {
            let loss = try final(1, depth)
            #expect(loss < previous)
            previous = loss
        }
        let gain = try [0.5, 1, 64, .infinity].map { alpha in try final(alpha, 1) - final(alpha, 4) }
        #expect(gain[1] > gain[0] && gain[2] < 0.1 * gain[1] && gain[3] == 0, "\(gain)")
        let deep = try final(0.5, 64, rho: 0)
        #expect(deep > 0.5 && deep < 0.5 + 1e-3, "\(deep)")
    }

    /// The Marchenko–Pastur rule has converged at 256 nodes, even at α = 1 where the support touches 0.
    @Test func quadratureConverges() throws {
        for alpha in [0.3, 1.0, 3.0] {
            let coarse = ICLScaleModel.theoryLoss(alpha: alpha, rho: 0.2, depth: 6)
            let fine = ICLScaleModel.theoryLoss(alpha: alpha, rho: 0.2, depth: 6, nodes: 2048)
            for g in [0.1, 0.3, 0.6] { #expect(abs(coarse.loss(g) - fine.loss(g)) < 1e-9 * max(1, fine.loss(g))) }
        }
    }

    /// The trained finite-d network matches the d → ∞ theory along the flow: its O(1/d) bias is removed
    /// by extrapolating d = 24 and 48 to 1/d = 0 (2·E₄₈ − E₂₄, standard errors propagated), and the
    /// extrapolation is within 3 standard errors of the theory (32 training, 64 test contexts, 6 trials).
    @Test(arguments: [(0.5, 1), (1.0, 3), (2.0, 8)])
    func theoryMatchesSimulation(alpha: Double, depth: Int) throws {
        let times = [0.1, 1, Double.infinity]
        let exact = try theory(model(alpha: alpha, depth: depth), times)
        let small = try simulate(model(alpha: alpha, depth: depth, d: 24), times, seed: 3)
        let large = try simulate(model(alpha: alpha, depth: depth, d: 48), times, seed: 4)
        for i in times.indices {
            let extrapolated = 2 * large.values("loss")[i] - small.values("loss")[i]
            let se = (4 * pow(large.values("loss_se")[i], 2) + pow(small.values("loss_se")[i], 2)).squareRoot()
            let z = zScore(theory: exact.values("loss")[i], mean: extrapolated, standardError: se)
            #expect(z < 3, "α = \(alpha), L = \(depth), t = \(times[i]): \(z) standard errors")
        }
    }

    /// A cancelled monitor stops the simulation (it is polled per context) and the theory's flow.
    @Test func interruptStopsSimulationAndTheory() throws {
        let monitor = WorkMonitor()
        monitor.cancel()
        #expect(throws: WorkCancelled.self) {
            _ = try ICLScaleModel.family.operation("simulate")!.run(
                model(alpha: 1, depth: 2, d: 8), parameters(["trials": 2, "contexts": 4, "tests": 4]), monitor)
        }
        #expect(throws: WorkCancelled.self) {
            _ = try ICLScaleModel.family.operation("theory")!.run(
                model(alpha: 1, depth: 2), parameters([:], vectors: ["t": [1]]), monitor)
        }
    }

    @Test func badInputNamesTheParameterAndRange() throws {
        #expect(throws: ModelError.domain(parameter: "depth", value: "0", allowed: "a whole number 1 ≤ depth ≤ 64")) {
            try theory(model(alpha: 1, depth: 0), [1])
        }
        #expect(throws: ModelError.domain(parameter: "t", value: "-1", allowed: "t ≥ 0 (inf allowed)")) {
            try theory(model(alpha: 1, depth: 1), [1, -1])
        }
        #expect(throws: ModelError.domain(parameter: "alpha", value: "inf", allowed: "alpha > 0 and finite for simulate")) {
            try simulate(model(alpha: .infinity, depth: 1), [1])
        }
    }
}
