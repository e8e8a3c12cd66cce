import RealModule
import TestSupport
import Testing
import NumericCore
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
        let defaults: [String: Double] = ["alpha": 2, "beta": 0.5, "noise": 0, "dim": 400, "N": .infinity, "P": .infinity,
                                          "eta": 0]
        for (k, v) in defaults.merging(values, uniquingKeysWith: { $1 }) { set[k] = .number(v) }
        return try FlowParameters(set)
    }

    func agree(_ theory: Table, _ sim: Table, _ column: String) {
        let th = theory.numbers(column)!, mean = sim.numbers(column)!, se = sim.numbers(column + "_se")!
        for i in th.indices {
            #expect(abs(th[i] - mean[i]) <= 3 * se[i] + 0.02 * th[i] + 1e-10 * th[0],
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

    /// Finite width and finite data together (the two-level theory), on both sides of
    /// N = P, test and train, late times included.
    @Test(arguments: [(200.0, 400.0), (400.0, 200.0)])
    func twoLevelTheoryMatchesSimulation(width: Double, samples: Double) throws {
        let p = try model(["N": width, "P": samples, "dim": 800, "alpha": 1.5, "beta": 0.8, "noise": 0.3])
        let times = [1.0, 10, 100, 1000, 1e4, 1e6]
        let th = try Flow.theoryTable(p, times: times, monitor: .none)
        let sim = try Flow.simulationTable(p, times: times, trials: 40, seed: 13, monitor: .none)
        agree(th, sim, "test")
        agree(th, sim, "train")
    }

    /// Independent paths: N → ∞ in the two-level theory equals the data-bottleneck limit
    /// (checked against the ridge formula below), P → ∞ equals the one-point
    /// width-bottleneck transform, and t → ∞ equals ridgeless linear random features
    /// (`randfeat` theory, λ = 0), to 1e-5 relative, on both sides of N = P.
    @Test func twoLevelTheoryRecoversIndependentLimits() throws {
        let spectrum = FlowSpectrum(alpha: 1.5, beta: 0.8, dim: 800)
        for t in [0.5, 30, 3000, 1e6] {
            let width = try Flow.widthLimitedLoss(spectrum, width: 200, time: t)
            let huge = try Flow.twoLevelLoss(spectrum, width: 200, samples: 1e13, noise: 0, time: t).test
            #expect(huge.isApproximatelyEqual(to: width, relativeTolerance: 1e-5), "t = \(t): \(huge) vs \(width)")
        }
        for (width, samples) in [(200.0, 400.0), (400.0, 200.0)] {
            var features = ParameterSet()
            for (k, v) in ["alpha": 1.5, "beta": 0.8, "noise": 0.3, "dim": 800, "lambda": 0, "N": width] {
                features[k] = .number(v)
            }
            var grid = ParameterSet()
            grid["P"] = .vector([samples])
            let ridgeless = try RandomFeatures.family.table("theory", features, grid, .none).numbers("test")![0]
            for t in [1e8, 1e12] {
                let flow = try Flow.twoLevelLoss(spectrum, width: width, samples: samples, noise: 0.3, time: t).test
                #expect(flow.isApproximatelyEqual(to: ridgeless, relativeTolerance: 1e-5), "N = \(width), P = \(samples), t = \(t): \(flow) vs \(ridgeless)")
            }
        }
    }

    /// Gradient descent (eta > 0, t in steps) at finite N and P, and at P = inf.
    @Test(arguments: [(200.0, 400.0), (100.0, Double.infinity)])
    func descentTheoryMatchesSimulation(width: Double, samples: Double) throws {
        let p = try model(["N": width, "P": samples, "dim": 800, "alpha": 1.5, "beta": 0.8, "noise": 0.3, "eta": 0.5])
        let steps = [1.0, 3, 10, 100, 1000, 1e4]
        let th = try Flow.theoryTable(p, times: steps, monitor: .none)
        let sim = try Flow.simulationTable(p, times: steps, trials: 40, seed: 17, monitor: .none)
        agree(th, sim, "test")
        if samples.isFinite { agree(th, sim, "train") }
    }

    /// Independent values for descent: with N = P = inf the loss is Σ b²(1 − ηλ)^{2t}
    /// exactly; the mapped contour (one transform at P = inf, the double transform at
    /// finite P) must recover it from N, P = 1e13, including the first steps. As η → 0
    /// with ηt fixed, descent tends to gradient flow at time ηt (error O(η)).
    @Test func descentRecoversExactLimits() throws {
        let spectrum = FlowSpectrum(alpha: 1.5, beta: 0.8, dim: 800)
        let clock = FlowClock(rate: 0.8)
        for t in [1.0, 2, 5, 20, 300] {
            let exact = spectrum.infiniteLimit(time: t, clock: clock)
            let oneTransform = try Flow.widthLimitedLoss(spectrum, width: 1e13, time: t, clock: clock)
            let doubleTransform = try Flow.twoLevelLoss(spectrum, width: .infinity, samples: 1e13, noise: 0,
                                                        time: t, clock: clock).test
            #expect(oneTransform.isApproximatelyEqual(to: exact, relativeTolerance: 1e-6), "t = \(t): \(oneTransform) vs \(exact)")
            #expect(doubleTransform.isApproximatelyEqual(to: exact, relativeTolerance: 1e-5), "t = \(t): \(doubleTransform) vs \(exact)")
        }
        let flow = try Flow.twoLevelLoss(spectrum, width: 200, samples: 400, noise: 0.3, time: 20)
        let descent = try Flow.twoLevelLoss(spectrum, width: 200, samples: 400, noise: 0.3, time: 20_000,
                                            clock: FlowClock(rate: 1e-3))
        #expect(descent.test.isApproximatelyEqual(to: flow.test, relativeTolerance: 2e-3), "\(descent.test) vs flow \(flow.test)")
        #expect(descent.train.isApproximatelyEqual(to: flow.train, relativeTolerance: 2e-3), "\(descent.train) vs flow \(flow.train)")
    }

    /// The Hessian's spectral edge, against Marchenko–Pastur: with a flat spectrum
    /// (alpha → 0) AΛAᵀ/N has top eigenvalue (1 + √(dim/N))².
    @Test func spectrumEdgeMatchesMarchenkoPastur() throws {
        let flat = FlowSpectrum(alpha: 1e-12, beta: 1, dim: 400)
        let edge = try FlowRenormalization.spectrumEdge(width: 100, samples: .infinity, spectrum: flat)
        let expected = (1 + (400.0 / 100).squareRoot()) * (1 + (400.0 / 100).squareRoot())
        #expect(edge.isApproximatelyEqual(to: expected, relativeTolerance: 1e-6), "\(edge) vs \(expected)")
        #expect(try FlowRenormalization.spectrumEdge(width: .infinity, samples: .infinity, spectrum: flat) == 1)
    }

    /// Very late times at a narrow width: z is below the rounding of the renormalisation
    /// at its floor, and the loss must stay at the converged value (it used to fail to
    /// bracket the root, which broke `frontier` at C ≥ 1e18).
    @Test func lateTimesAtNarrowWidthStayConverged() throws {
        let spectrum = FlowSpectrum(alpha: 2, beta: 0.5, dim: 2000)
        let converged = try Flow.widthLimitedLoss(spectrum, width: 10, time: 1e12)
        for t in [1e18, 1e30] {
            let late = try Flow.widthLimitedLoss(spectrum, width: 10, time: t)
            #expect(late.isApproximatelyEqual(to: converged, relativeTolerance: 1e-9), "t = \(t): \(late) vs \(converged)")
        }
        let both = try Flow.twoLevelLoss(spectrum, width: 10, samples: 20, noise: 0.1, time: 1e30)
        let bothConverged = try Flow.twoLevelLoss(spectrum, width: 10, samples: 20, noise: 0.1, time: 1e12)
        #expect(both.test.isApproximatelyEqual(to: bothConverged.test, relativeTolerance: 1e-6))
        let p = try model(["dim": 2000])
        #expect(throws: Never.self) { try Flow.frontierTable(p, budgets: [1e18], monitor: .none) }
    }

    /// Least-squares slope of log y on log x.
    func logSlope(_ x: [Double], _ y: [Double]) -> Double {
        let lx = x.map { log($0) }, ly = y.map { log($0) }
        let mx = lx.reduce(0, +) / Double(lx.count), my = ly.reduce(0, +) / Double(ly.count)
        var sxy = 0.0, sxx = 0.0
        for i in lx.indices { sxy += (lx[i] - mx) * (ly[i] - my); sxx += (lx[i] - mx) * (lx[i] - mx) }
        return sxy / sxx
    }

    /// In the regime a − 1 > b the width floor is N^-b (not N^-2b): check the theory
    /// against simulation there, late in training.
    @Test func widthFloorRegimeMatchesSimulation() throws {
        let p = try model(["N": 60, "alpha": 1, "beta": 2])
        let times = [10.0, 1e3, 1e6]
        let th = try Flow.theoryTable(p, times: times, monitor: .none)
        let sim = try Flow.simulationTable(p, times: times, trials: 24, seed: 11, monitor: .none)
        agree(th, sim, "test")
    }

    /// Independent value: N → ∞ through the contour and κ solver recovers Σ b² e^{−2λt}.
    @Test func hugeWidthRecoversInfiniteLimit() throws {
        let spectrum = FlowSpectrum(alpha: 1.5, beta: 1, dim: 3000)
        for t in [0.5, 10, 300] {
            let theory = try Flow.widthLimitedLoss(spectrum, width: 1e12, time: t)
            let exact = spectrum.infiniteLimit(time: t, clock: FlowClock(rate: 0))
            #expect(theory.isApproximatelyEqual(to: exact, relativeTolerance: 1e-6), "t = \(t): \(theory) vs \(exact)")
        }
    }

    /// Independent value: t → ∞ gives the P = ∞ random-feature limit κ₀ Σ b²/(λ+κ₀),
    /// df1(κ₀) = N, and (N = ∞) the ridgeless ridge risk [κ₀² Σ b²/(λ+κ₀)² + σ²γ]/(1 − γ),
    /// df1(κ₀) = P, γ = Σ λ²/(λ+κ₀)²/P (arXiv 2405.00592), solved here by plain bisection.
    @Test func longTimeRecoversRidgelessLimits() throws {
        let spectrum = FlowSpectrum(alpha: 1.5, beta: 1, dim: 2000)
        func kappa0(_ n: Double) -> Double {
            var lo = 0.0, hi = 10.0
            for _ in 0..<200 {
                let mid = 0.5 * (lo + hi)
                let df1 = spectrum.lambda.reduce(0) { $0 + $1 / ($1 + mid) }
                if df1 > n { lo = mid } else { hi = mid }
            }
            return 0.5 * (lo + hi)
        }
        let kN = kappa0(80)
        var expected = 0.0
        for k in spectrum.lambda.indices { expected += kN * spectrum.power[k] / (spectrum.lambda[k] + kN) }
        let width = try Flow.widthLimitedLoss(spectrum, width: 80, time: 1e12)
        #expect(width.isApproximatelyEqual(to: expected, relativeTolerance: 1e-6), "\(width) vs \(expected)")

        let kP = kappa0(120), sigma = 0.4
        var bias = 0.0, gamma = 0.0
        for k in spectrum.lambda.indices {
            let l = spectrum.lambda[k]
            bias += kP * kP * spectrum.power[k] / ((l + kP) * (l + kP))
            gamma += l * l / ((l + kP) * (l + kP)) / 120
        }
        let ridge = (bias + sigma * sigma * gamma) / (1 - gamma)
        let data = try Flow.twoLevelLoss(spectrum, width: .infinity, samples: 120, noise: sigma, time: 1e12)
        #expect(data.test.isApproximatelyEqual(to: ridge, relativeTolerance: 1e-6), "\(data.test) vs \(ridge)")
        #expect(data.train <= 1e-8, "ridgeless interpolates: train \(data.train)")
    }

    /// Hand case dim = 1: G = λ χ²_N/N, so E L(t) = b² E e^{−2Gt} = b² (1 + 4λt/N)^{−N/2} exactly.
    @Test func oneModeSimulationMatchesClosedForm() throws {
        let p = try model(["dim": 1, "N": 6])
        let times = [0.1, 1, 5]
        let sim = try Flow.simulationTable(p, times: times, trials: 4000, seed: 5, monitor: .none)
        let mean = sim.numbers("test")!, se = sim.numbers("test_se")!
        for (i, t) in times.enumerated() {
            let exact = pow(1 + 4 * t / 6, -3)
            #expect(abs(mean[i] - exact) <= 3 * se[i], "t = \(t): \(mean[i]) ± \(se[i]) vs \(exact)")
        }
    }

    /// Acceptance: L ~ t^-(a−1)/b at large size (N = P = ∞, dim = 10⁵).
    @Test(arguments: [(2.0, 0.5), (1.5, 2.0 / 3.0)])
    func timeExponent(alpha: Double, beta: Double) throws {
        let p = try model(["alpha": alpha, "beta": beta, "dim": 100_000])
        let times = (0...8).map { pow(10, 2 + 2 * Double($0) / 8) }
        let th = try Flow.theoryTable(p, times: times, monitor: .none)
        let predicted = -(alpha * beta) / alpha
        let fitted = logSlope(times, th.numbers("test")!)
        #expect(abs(fitted - predicted) <= 0.03, "fitted \(fitted), predicted \(predicted)")
    }

    /// Acceptance: compute-optimal L* ~ C^-(a−1)/(1+b), N* ~ C^1/(1+b) (a = 2, b = 2).
    @Test func computeOptimalExponents() throws {
        let p = try model(["alpha": 2, "beta": 0.5, "dim": 10_000])
        let budgets = (0...3).map { pow(10, 5 + 2.4 * Double($0) / 3) }
        let frontier = try Flow.frontierTable(p, budgets: budgets, monitor: .none)
        let loss = logSlope(budgets, frontier.numbers("test")!)
        let width = logSlope(budgets, frontier.numbers("N")!)
        #expect(abs(loss + 1.0 / 3.0) <= 0.03, "L* exponent \(loss), predicted -1/3")
        #expect(abs(width - 1.0 / 3.0) <= 0.05, "N* exponent \(width), predicted 1/3")
    }

    /// Width floor at t = ∞ scales as N^-min(a−1, b): a − 1 = 1 < b = 1.5 here.
    @Test func widthExponent() throws {
        let spectrum = FlowSpectrum(alpha: 1.5, beta: 2.0 / 3.0, dim: 100_000)
        let widths = [100.0, 200, 400, 800, 1600]
        let floors = try widths.map { try Flow.widthLimitedLoss(spectrum, width: $0, time: 1e14) }
        #expect(abs(logSlope(widths, floors) + 1) <= 0.05, "fitted \(logSlope(widths, floors))")
    }

    /// Data floor at t = ∞ (N = ∞, noiseless) scales as P^-min(a−1, 2b) (a − 1 = 1 here).
    @Test func dataExponent() throws {
        let spectrum = FlowSpectrum(alpha: 2, beta: 0.5, dim: 10_000)
        let samples = [100.0, 200, 400]
        let floors = try samples.map { try Flow.twoLevelLoss(spectrum, width: .infinity, samples: $0, noise: 0, time: 1e14).test }
        #expect(abs(logSlope(samples, floors) + 1) <= 0.05, "fitted \(logSlope(samples, floors)), predicted -1")
    }

    @Test func badParametersNameTheParameterAndRange() throws {
        #expect(throws: ModelError.domain(parameter: "alpha", value: "0", allowed: "alpha > 0")) { try model(["alpha": 0]) }
        #expect(throws: ModelError.domain(parameter: "dim", value: "-3", allowed: "a whole number 1 ≤ dim ≤ 10000000")) { try model(["dim": -3]) }
        #expect(throws: ModelError.domain(parameter: "P", value: "0", allowed: "P ≥ 1 (inf allowed)")) { try model(["P": 0]) }
        var arguments = ParameterSet()
        arguments["t"] = .vector([1, -2])
        #expect(throws: ModelError.domain(parameter: "t", value: "-2", allowed: "t ≥ 0")) {
            try Flow.TheoryArguments(arguments)
        }
        let fast = try model(["N": 100, "eta": 1])
        #expect {
            try Flow.theoryTable(fast, times: [1], monitor: .none)
        } throws: { error in
            guard case let ModelError.domain(parameter, _, allowed) = error else { return false }
            return parameter == "eta" && allowed.hasPrefix("eta < 1/s_max")
        }
        let descent = try model(["eta": 0.5])
        #expect(throws: ModelError.domain(parameter: "t", value: "1.5", allowed: "a whole number 0 ≤ t ≤ 1e+15 when eta > 0")) {
            try Flow.theoryTable(descent, times: [1.5], monitor: .none)
        }
        #expect(throws: ModelError.domain(parameter: "eta", value: "-1", allowed: "eta ≥ 0")) {
            try model(["eta": -1])
        }
        let fractional = try model(["N": 10.5])
        #expect(throws: ModelError.self) {
            try Flow.simulationTable(fractional, times: [1], trials: 2, seed: 0, monitor: .none)
        }
        let huge = try model(["N": 1_000_000, "dim": 1_000_000])
        #expect(throws: ModelError.self) {
            try Flow.simulationTable(huge, times: [1], trials: 2, seed: 0, monitor: .none)
        }
    }

    @Test func familyIsRegistered() {
        #expect(ModelCatalog.family("flow")?.operation("frontier") != nil)
        #expect(ModelCatalog.family("optimizers")?.operation("exponents") != nil)
    }
}
