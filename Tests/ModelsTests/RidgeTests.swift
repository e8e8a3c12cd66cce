import RealModule
import TestSupport
import Testing
import NumericCore
@testable import Models

/// Ridge: theory against its own simulation, against closed forms and limits, the
/// predicted scaling exponent, and errors for bad input.
@Suite struct RidgeTests {
    let noisy = parameters(["alpha": 1.5, "beta": 1.2, "noise": 0.3, "dim": 100, "lambda": 1e-3])

    @Test func theoryMatchesSimulationWithRidge() throws {
        let grid = parameters(["trials": 100, "seed": 3], vectors: ["P": [40, 80, 160]])
        let theory = try Ridge.family.table("theory", noisy, grid, .none)
        let sim = try Ridge.family.table("simulate", noisy, grid, .none)
        for column in ["test", "train", "gcv"] {
            for i in 0..<3 {
                let z = zScore(theory: theory.values(column)[i], mean: sim.values(column)[i],
                               standardError: sim.values(column + "_se")[i])
                #expect(z < 3, "\(column) at P = \(theory.values("P")[i]): \(z) standard errors")
            }
        }
    }

    @Test func ridgelessTheoryMatchesSimulationOnBothSidesOfDim() throws {
        let model = parameters(["alpha": 1.5, "beta": 1.2, "noise": 0.3, "dim": 100, "lambda": 0])
        let grid = parameters(["trials": 100, "seed": 5], vectors: ["P": [40, 70, 200]])
        let theory = try Ridge.family.table("theory", model, grid, .none)
        let sim = try Ridge.family.table("simulate", model, grid, .none)
        for i in 0..<3 {
            let z = zScore(theory: theory.values("test")[i], mean: sim.values("test")[i],
                           standardError: sim.values("test_se")[i])
            #expect(z < 3, "test at P = \(theory.values("P")[i]): \(z) standard errors")
        }
        // Interpolation below dim: zero training error; above dim, noise·(1 − dim/P).
        #expect(theory.values("train")[0] == 0)
        #expect(theory.values("train")[2].isApproximatelyEqual(to: 0.09 * (1 - 100.0 / 200), relativeTolerance: 1e-12))
    }

    /// Hastie, Montanari, Rosset & Tibshirani 2019 (arXiv 1903.08560), Thm 1: isotropic
    /// ridgeless regression with γ = dim/P has bias ‖w‖²(1 − 1/γ) and variance
    /// σ²/(γ − 1) for γ > 1, and bias 0, variance σ² γ/(1 − γ) for γ < 1.
    @Test func isotropicRidgelessMatchesHastieEtAl() throws {
        let dim = 400, w = 1 / Double(dim).squareRoot()
        let model = parameters(["noise": 0.5, "lambda": 0], vectors: [
            "spectrum": [Double](repeating: 1, count: dim), "target": [Double](repeating: w, count: dim)])
        let t = try Ridge.family.table("theory", model, parameters([:], vectors: ["P": [200, 800]]), .none)
        let gammaOver = 400.0 / 200, gammaUnder = 400.0 / 800
        #expect(t.values("test")[0].isApproximatelyEqual(to: (1 - 1 / gammaOver) + 0.25 / (gammaOver - 1), relativeTolerance: 1e-10))
        #expect(t.values("test")[1].isApproximatelyEqual(to: 0.25 * gammaUnder / (1 - gammaUnder), relativeTolerance: 1e-10))
    }

    /// Isotropic ridge has a closed-form κ: κ = λ + κ D/(P(1+κ)) is a quadratic.
    @Test func isotropicKappaIsTheQuadraticRoot() throws {
        let (dim, p, lambda) = (50.0, 80.0, 0.3)
        let model = parameters(["lambda": lambda], vectors: ["spectrum": [Double](repeating: 1, count: 50)])
        let t = try Ridge.family.table("theory", model, parameters([:], vectors: ["P": [p]]), .none)
        // κ² + κ(1 − λ − D/P) − λ = 0
        let b = 1 - lambda - dim / p
        let kappa = (-b + (b * b + 4 * lambda).squareRoot()) / 2
        #expect(t.values("kappa")[0].isApproximatelyEqual(to: kappa, relativeTolerance: 1e-12))
    }

    /// dim = 2 least squares, exact at finite P: E[excess] = σ² D/(P − D − 1)
    /// (inverse-Wishart mean) — an independent check of the simulation.
    @Test func smallLeastSquaresSimulationMatchesInverseWishart() throws {
        let model = parameters(["alpha": 1, "beta": 1, "noise": 1, "dim": 2, "lambda": 0])
        let sim = try Ridge.family.table("simulate", model, parameters(["trials": 4000, "seed": 11], vectors: ["P": [12]]), .none)
        let exact = 2.0 / (12 - 2 - 1)
        #expect(zScore(theory: exact, mean: sim.values("test")[0], standardError: sim.values("test_se")[0]) < 3)
    }

    @Test func populationLimitAndRidgelessLimit() throws {
        let noiseless = parameters(["alpha": 1.5, "beta": 1.2, "dim": 500, "lambda": 0])
        let inf = try Ridge.family.table("theory", noiseless, parameters([:], vectors: ["P": [.infinity, 1e9]]), .none)
        #expect(inf.values("test")[0] == 0)
        #expect(inf.values("test")[1] == 0)
        // λ → 0 is continuous with the ridgeless solution below dim.
        let small = parameters(["alpha": 1.5, "beta": 1.2, "dim": 500, "lambda": 1e-12, "noise": 0.1])
        let zero = parameters(["alpha": 1.5, "beta": 1.2, "dim": 500, "lambda": 0, "noise": 0.1])
        let grid = parameters([:], vectors: ["P": [50, 300]])
        let a = try Ridge.family.table("theory", small, grid, .none), b = try Ridge.family.table("theory", zero, grid, .none)
        for i in 0..<2 { #expect(a.values("test")[i].isApproximatelyEqual(to: b.values("test")[i], relativeTolerance: 1e-6)) }
        // Population risk with ridge: κ = λ, test = Σ λ_k w_k² λ²/(λ_k + λ)².
        let data = SpectralData.powerLaw(alpha: 1.5, beta: 1.2, dim: 500)
        let lambda = 1e-2
        let expected = zip(data.eigenvalues, data.targetPower).reduce(0) { $0 + $1.1 * lambda * lambda / (($1.0 + lambda) * ($1.0 + lambda)) }
        let ridged = parameters(["alpha": 1.5, "beta": 1.2, "dim": 500, "lambda": lambda, "noise": 0.4])
        let pop = try Ridge.family.table("theory", ridged, parameters([:], vectors: ["P": [.infinity]]), .none)
        #expect(pop.values("test")[0].isApproximatelyEqual(to: expected, relativeTolerance: 1e-12))
    }

    @Test func ridgelessRiskDivergesAtPEqualsDim() throws {
        let noisy = parameters(["alpha": 1.5, "beta": 1.2, "dim": 300, "lambda": 0, "noise": 0.1])
        let t = try Ridge.family.table("theory", noisy, parameters([:], vectors: ["P": [300]]), .none)
        #expect(t.values("test")[0] == .infinity)
        let clean = parameters(["alpha": 1.5, "beta": 1.2, "dim": 300, "lambda": 0, "noise": 0])
        #expect(try Ridge.family.table("theory", clean, parameters([:], vectors: ["P": [300]]), .none).values("test")[0] == 0)
    }

    /// Noiseless ridgeless: test ~ P^-(alpha·min(beta, 2)) (AZP 2024, scaling section), below and
    /// above the saturation β = 2. (alpha = 2 keeps the truncation at dim = 1e5 negligible
    /// for P ≤ 2000; for alpha near 1 the missing tail Σ_{k>dim} shifts κ visibly.)
    @Test(arguments: [(2.0, 1.5), (2.0, 2.5)])
    func ridgelessExponent(alpha: Double, beta: Double) throws {
        let model = parameters(["alpha": alpha, "beta": beta, "dim": 100_000, "lambda": 0])
        let sizes = (0..<6).map { 200 * pow(10, Double($0) / 5) }
        let t = try Ridge.family.table("theory", model, parameters([:], vectors: ["P": sizes]), .none)
        let slope = logLogSlope(sizes, t.values("test"))
        #expect(abs(slope + alpha * min(beta, 2)) < 0.03, "fitted exponent \(slope)")
    }

    @Test func badParametersNameTheParameterAndRange() throws {
        let grid = parameters([:], vectors: ["P": [10]])
        func error(_ model: ParameterSet, _ args: ParameterSet = parameters([:], vectors: ["P": [10]]),
                   simulate: Bool = false) -> ModelError? {
            do {
                _ = simulate ? try Ridge.family.table("simulate", model, args, .none) : try Ridge.family.table("theory", model, args, .none)
                return nil
            } catch let e as ModelError { return e } catch { return nil }
        }
        #expect(error(parameters(["dim": 0])) == .domain(parameter: "dim", value: "0", allowed: "a whole number dim ≥ 1"))
        #expect(error(parameters(["alpha": -1])) == .domain(parameter: "alpha", value: "-1", allowed: "alpha > 0"))
        #expect(error(parameters(["lambda": -0.5])) == .domain(parameter: "lambda", value: "-0.5", allowed: "lambda ≥ 0"))
        #expect(error(parameters([:]), parameters([:], vectors: ["P": [0]]))?.message.contains("P") == true)
        #expect(error(parameters([:]), parameters([:], vectors: ["P": [10.5]]), simulate: true)
                == .domain(parameter: "P", value: "10.5", allowed: "a whole number 1 ≤ P ≤ 1000000000000"))
        _ = grid
        guard let refusal = error(parameters(["dim": 1e7]), parameters([:], vectors: ["P": [1000]]), simulate: true),
              case .overLimits = refusal else {
            Issue.record("a dense dim = 1e7 simulation was not refused"); return
        }
        #expect(refusal.kind == .resource && refusal.message.contains("memory"))
        #expect(error(parameters([:], vectors: ["spectrum": [1, 0.5], "target": [1]]))?.message
                == "target has 1 weights but the spectrum has 2: give one per mode (or none)")
    }

    @Test func simulationIsReproducibleAndCancellable() throws {
        let grid = parameters(["trials": 3, "seed": 9], vectors: ["P": [30]])
        let a = try Ridge.family.table("simulate", noisy, grid, .none), b = try Ridge.family.table("simulate", noisy, grid, .none)
        #expect(a == b)
        let monitor = WorkMonitor()
        monitor.cancel()
        #expect(throws: WorkCancelled.self) { try Ridge.family.table("simulate", noisy, grid, monitor) }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
