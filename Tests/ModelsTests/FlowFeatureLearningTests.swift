import Testing
import NumericCore
@testable import Models
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `flow` with feature learning (gamma > 0; Bordelon, Atanasov & Pehlevan 2024b, arXiv
/// 2409.17858): the reduced flow against brute-force integration of both layers, γ = 0
/// against the lazy closed forms, theory against the finite-width simulation, and the
/// paper's time exponents χ(β) = β·max(1, 2/(1+β)) (its Eq. 10).
@Suite struct FlowFeatureLearningTests {
    func model(_ values: [String: Double]) throws -> FlowParameters {
        var set = ParameterSet()
        let defaults: [String: Double] = ["alpha": 2, "beta": 0.5, "dim": 400, "gamma": 1]
        for (k, v) in defaults.merging(values, uniquingKeysWith: { $1 }) { set[k] = .number(v) }
        return try FlowParameters(set)
    }

    func logSlope(_ x: [Double], _ y: [Double]) -> Double {
        let lx = x.map { log($0) }, ly = y.map { log($0) }
        let mx = lx.reduce(0, +) / Double(lx.count), my = ly.reduce(0, +) / Double(ly.count)
        var sxy = 0.0, sxx = 0.0
        for i in lx.indices { sxy += (lx[i] - mx) * (ly[i] - my); sxx += (lx[i] - mx) * (lx[i] - mx) }
        return sxy / sxx
    }

    /// Independent path: integrate the unreduced two-layer flow, w ∈ R^N and B ∈ R^{N×N},
    /// dw/dt = BAΛΔ/√N, dB/dt = γ² w (AΛΔ)ᵀ/√N, Δ = w* − AᵀBᵀw/√N, by classical RK4 with
    /// a small step, and compare its test loss ΔᵀΛΔ with the reduced flow on the same A
    /// (N < M and N > M, the two eigen branches).
    @Test(arguments: [(5, 7), (9, 4)])
    func reducedFlowMatchesBothLayers(width n: Int, modes m: Int) throws {
        let spectrum = FlowSpectrum(alpha: 1.5, beta: 0.5, dim: m)
        let gamma = 1.3
        var rng = Xoshiro256StarStar(seed: 21, stream: 0)
        let a = rng.gaussianMatrix(rows: n, columns: m)
        let lambda = spectrum.lambda
        let target = zip(spectrum.power, lambda).map { ($0 / $1).squareRoot() }
        let root = lambda.map { $0.squareRoot() }
        let b = spectrum.power.map { $0.squareRoot() }
        let scale = 1 / Double(n).squareRoot()
        // State: w (n) then B (n×n, row-major).
        func error(_ state: [Double]) -> [Double] {
            // v = Aᵀ Bᵀ w/√N: (Bᵀw)_j = Σ_i B_ij w_i.
            var z = [Double](repeating: 0, count: n)
            for i in 0..<n { for j in 0..<n { z[j] += state[n + i * n + j] * state[i] } }
            return (0..<m).map { k in target[k] - scale * (0..<n).reduce(0) { $0 + a[$1, k] * z[$1] } }
        }
        func derivative(_ state: [Double]) -> [Double] {
            let delta = error(state)
            let g = (0..<n).map { i in scale * (0..<m).reduce(0) { $0 + a[i, $1] * lambda[$1] * delta[$1] } }
            var d = [Double](repeating: 0, count: state.count)
            for i in 0..<n {
                for j in 0..<n { d[i] += state[n + i * n + j] * g[j] }
                for j in 0..<n { d[n + i * n + j] = gamma * gamma * state[i] * g[j] }
            }
            return d
        }
        func loss(_ state: [Double]) -> Double {
            let delta = error(state)
            return lambda.indices.reduce(0) { $0 + lambda[$1] * delta[$1] * delta[$1] }
        }
        var state = [Double](repeating: 0, count: n + n * n)
        for i in 0..<n { state[n + i * n + i] = 1 }
        let times = [0.5, 2.0, 6.0]
        var bruteForce = [Double](), t = 0.0
        let dt = 1e-3
        for goal in times {
            while t < goal - 1e-12 {
                let k1 = derivative(state)
                let k2 = derivative(zip(state, k1).map { $0 + 0.5 * dt * $1 })
                let k3 = derivative(zip(state, k2).map { $0 + 0.5 * dt * $1 })
                let k4 = derivative(zip(state, k3).map { $0 + dt * $1 })
                for i in state.indices { state[i] += dt / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]) }
                t += dt
            }
            bruteForce.append(loss(state))
        }
        let drawn = try FlowSimulation.populationEigen(a, root: root, b: b).ratesAndDrives
        var reduced = FeatureLearningFlow(rates: drawn.rates, drives: drawn.drives,
                                          initialLoss: spectrum.initialLoss, gamma: gamma)
        reduced.step = 0.002
        let fast = try reduced.losses(at: times)
        for i in times.indices {
            #expect(abs(fast[i] - bruteForce[i]) <= 1e-5 * bruteForce[i],
                    "t = \(times[i]): reduced \(fast[i]) vs both layers \(bruteForce[i])")
        }
    }

    /// γ = 0: the integrator must give the lazy flow's exact losses, Σ b² e^{−2λt} at
    /// N = ∞ and the drawn system's eigen closed form at N = 100; and a flow model that
    /// sets gamma = 0 prints exactly the numbers of one that does not.
    @Test func gammaZeroIsTheLazyFlow() throws {
        let spectrum = FlowSpectrum(alpha: 1.5, beta: 0.8, dim: 300)
        let times = [0.0, 0.3, 7, 200, 1e4]
        let lazy = try FeatureLearningFlow(spectrum: spectrum, gamma: 0).losses(at: times)
        for (i, t) in times.enumerated() {
            let exact = spectrum.infiniteLimit(time: t, clock: FlowClock(rate: 0))
            #expect(abs(lazy[i] - exact) <= 1e-9 * exact, "t = \(t): \(lazy[i]) vs \(exact)")
        }
        var rng = Xoshiro256StarStar(seed: 4, stream: 0)
        let a = rng.gaussianMatrix(rows: 100, columns: 300)
        let root = spectrum.lambda.map { $0.squareRoot() }, b = spectrum.power.map { $0.squareRoot() }
        let drawn = try FlowSimulation.populationEigen(a, root: root, b: b).ratesAndDrives
        let flow = try FeatureLearningFlow(rates: drawn.rates, drives: drawn.drives, initialLoss: spectrum.initialLoss,
                                           gamma: 0).losses(at: times)
        let exact = try FlowSimulation.population(a, root: root, b: b, times: times, clock: FlowClock(rate: 0))
        for i in times.indices {
            #expect(abs(flow[i] - exact[i]) <= 1e-9 * exact[i], "t = \(times[i]): \(flow[i]) vs \(exact[i])")
        }
        var plain = ParameterSet(), withGamma = ParameterSet()
        for (k, v) in ["alpha": 1.5, "beta": 0.8, "dim": 300, "N": 100] { plain[k] = .number(v); withGamma[k] = .number(v) }
        withGamma["gamma"] = .number(0)
        let before = try FlowParameters(plain), after = try FlowParameters(withGamma)
        let grid = [1.0, 100, 1e4]
        #expect(try Flow.theoryTable(before, times: grid, monitor: .none).numbers("test")!
                == Flow.theoryTable(after, times: grid, monitor: .none).numbers("test")!)
        #expect(try Flow.simulationTable(before, times: grid, trials: 3, seed: 2, monitor: .none).numbers("test")!
                == Flow.simulationTable(after, times: grid, trials: 3, seed: 2, monitor: .none).numbers("test")!)
    }

    /// The infinite-width theory against the simulation of the drawn finite system at
    /// N = 40·dim: within 3 SE plus 2% (finite-width corrections are O(dim/N); late, when
    /// only the last few modes are left, they grow, so t stays below the end of the modes).
    @Test func theoryMatchesWideSimulation() throws {
        let theory = try model(["dim": 150, "gamma": 2])
        let simulated = try model(["dim": 150, "gamma": 2, "N": 6000])
        let times = [1.0, 10, 100, 300]
        let th = try Flow.theoryTable(theory, times: times, monitor: .none).numbers("test")!
        let sim = try Flow.simulationTable(simulated, times: times, trials: 12, seed: 9, monitor: .none)
        let mean = sim.numbers("test")!, se = sim.numbers("test_se")!
        for i in times.indices {
            #expect(abs(th[i] - mean[i]) <= 3 * se[i] + 0.02 * th[i],
                    "t = \(times[i]): theory \(th[i]) vs simulation \(mean[i]) ± \(se[i])")
        }
        let lazy = try Flow.theoryTable(try model(["dim": 150, "gamma": 0]), times: times, monitor: .none).numbers("test")!
        #expect(th[3] < 0.5 * lazy[3], "feature learning speeds up the hard task: \(th[3]) vs lazy \(lazy[3])")
    }

    /// The paper's headline (Eq. 10), from the theory: hard task beta = 0.5 goes from the
    /// lazy t^-0.5 to t^-2β/(1+β) = t^-2/3 at gamma = 1; the easy task beta = 1.5 keeps
    /// t^-1.5. Fitted over t ∈ [10, 10^3.5] at dim = 5000 (before the modes run out).
    @Test(arguments: [(0.5, 0.0, 0.5), (0.5, 1.0, 2.0 / 3.0), (1.5, 1.0, 1.5)])
    func theoryTimeExponent(beta: Double, gamma: Double, predicted: Double) throws {
        let p = try model(["beta": beta, "gamma": gamma, "dim": 5000])
        let times = (0...5).map { pow(10, 1 + 2.5 * Double($0) / 5) }
        let test = gamma > 0 ? try Flow.theoryTable(p, times: times, monitor: .none).numbers("test")!
                             : try FeatureLearningFlow(spectrum: p.spectrum, gamma: 0).losses(at: times)
        let fitted = -logSlope(times, test)
        #expect(abs(fitted - predicted) <= 0.03, "beta \(beta), gamma \(gamma): fitted \(fitted), predicted \(predicted)")
    }

    /// The same exponents from the simulation of the finite model (N = 2000 drawn
    /// features on dim = 1000 modes), lazy against rich on the same draws.
    @Test func simulatedTimeExponent() throws {
        let times = (0...4).map { pow(10, 1 + 1.5 * Double($0) / 4) }
        var fitted = [Double]()
        for gamma in [0.0, 1.0] {
            let p = try model(["dim": 1000, "N": 2000, "gamma": gamma])
            let sim = try Flow.simulationTable(p, times: times, trials: 2, seed: 1, monitor: .none)
            fitted.append(-logSlope(times, sim.numbers("test")!))
        }
        #expect(abs(fitted[0] - 0.5) <= 0.04, "lazy fitted \(fitted[0]) vs 0.5")
        #expect(abs(fitted[1] - 2.0 / 3.0) <= 0.04, "rich fitted \(fitted[1]) vs 2/3")
    }

    @Test func badParametersNameTheParameterAndRange() throws {
        #expect(throws: ModelError.domain(parameter: "gamma", value: "-1", allowed: "0 ≤ gamma ≤ 1000")) {
            try model(["gamma": -1])
        }
        #expect(throws: ModelError.domain(parameter: "P", value: "100", allowed: "P = inf when gamma > 0 (feature learning is modelled online)")) {
            try Flow.simulationTable(try model(["P": 100]), times: [1], trials: 2, seed: 0, monitor: .none)
        }
        #expect(throws: ModelError.domain(parameter: "eta", value: "0.5", allowed: "eta = 0 when gamma > 0 (gradient flow)")) {
            try Flow.theoryTable(try model(["eta": 0.5]), times: [1], monitor: .none)
        }
        #expect {
            try Flow.theoryTable(try model(["N": 100]), times: [1], monitor: .none)
        } throws: { error in
            guard case let ModelError.domain(parameter, _, allowed) = error else { return false }
            return parameter == "N" && allowed.hasPrefix("N = inf for theory when gamma > 0")
        }
        let frontier = ModelCatalog.family("flow")!.operation("frontier")!
        var m = ParameterSet(), c = ParameterSet()
        m["gamma"] = .number(1)
        c["C"] = .vector([1e4])
        #expect(throws: ModelError.domain(parameter: "gamma", value: "1",
                                          allowed: "gamma = 0 for frontier (its theory is the lazy finite-width one)")) {
            try frontier.run(m, c, .none)
        }
    }
}
