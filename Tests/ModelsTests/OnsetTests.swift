import RealModule
import TestSupport
import Testing
import NumericCore
@testable import Models

/// The onset of variance-limited behaviour: the bias/variance split over initialisations
/// against simulation, the kernel limit, V ∝ 1/N, the 1/E reduction and P*.
@Suite struct OnsetTests {
    let base: [String: Double] = ["alpha": 1.5, "beta": 1.2, "noise": 0.2, "dim": 200, "lambda": 1e-2, "N": 80]

    @Test func theoryMatchesSimulation() throws {
        var values = base; values["E"] = 3
        let grid = parameters(["trials": 60, "seed": 12], vectors: ["P": [40, 120, 240]])
        let theory = try Onset.family.table("theory", parameters(values), grid, .none)
        let sim = try Onset.family.table("simulate", parameters(values), grid, .none)
        for column in ["test", "test1", "variance"] {
            for i in 0..<3 {
                let z = zScore(theory: theory.values(column)[i], mean: sim.values(column)[i],
                               standardError: sim.values(column + "_se")[i])
                #expect(z < 3, "\(column) at P = \(theory.values("P")[i]): \(z) standard errors")
            }
        }
    }

    /// Independent of the variance estimator: separately simulated ensembles of E members
    /// follow bias + V/E, so the gap to one model is V (1 − 1/E).
    @Test func ensemblingDividesTheVarianceByE() throws {
        let grid = parameters(["trials": 80, "seed": 5], vectors: ["P": [30]])
        let theory = try Onset.family.table("theory", parameters(base), grid, .none)
        let bias = theory.values("bias")[0], variance = theory.values("variance")[0]
        #expect(variance > 0.3 * bias, "the point should be variance-heavy: V = \(variance), bias = \(bias)")
        for e in [1.0, 4] {
            var values = base; values["E"] = e
            let sim = try Onset.family.table("simulate", parameters(values), grid, .none)
            let z = zScore(theory: bias + variance / e, mean: sim.values("test")[0], standardError: sim.values("test_se")[0])
            #expect(z < 3, "E = \(e): \(z) standard errors")
        }
    }

    /// N = inf is kernel (ridge) regression: no variance and every column equals ridge's
    /// risk; at large N the variance falls as 1/N and one model approaches the kernel.
    @Test func infiniteWidthIsTheKernelLimit() throws {
        let grid = parameters([:], vectors: ["P": [30, 300]])
        var wide = base; wide["N"] = .infinity; wide["E"] = 4; wide["dim"] = 1000
        let t = try Onset.family.table("theory", parameters(wide), grid, .none)
        let ridge = try Ridge.family.table("theory", parameters(wide), grid, .none)
        for i in 0..<2 {
            #expect(t.values("variance")[i] == 0)
            for column in ["test", "bias", "test1", "kernel"] {
                #expect(t.values(column)[i].isApproximatelyEqual(to: ridge.values("test")[i], relativeTolerance: 1e-12), "\(column)")
            }
        }
        var scaled: [Double] = []
        for n in [1e4, 1e5, 1e6] {
            var values = wide; values["N"] = n
            let row = try Onset.family.table("theory", parameters(values), grid, .none)
            scaled.append(row.values("variance")[1] * n)
            #expect(row.values("test1")[1].isApproximatelyEqual(to: ridge.values("test")[1], relativeTolerance: 300 / n), "N = \(n)")
        }
        #expect(scaled[1].isApproximatelyEqual(to: scaled[2], relativeTolerance: 0.01), "N·V = \(scaled)")
        #expect(scaled[0].isApproximatelyEqual(to: scaled[2], relativeTolerance: 0.1), "N·V = \(scaled)")
    }

    /// At P* the variance share equals the bias; P* grows with N and with E.
    @Test func onsetBalancesVarianceAndBias() throws {
        let model: [String: Double] = ["alpha": 1.5, "beta": 1.2, "noise": 0, "dim": 2000, "lambda": 0]
        var previous = 0.0
        for e in [1.0, 4] {
            var values = model; values["E"] = e
            let t = try Onset.family.table("pstar", parameters(values), parameters([:], vectors: ["N": [50, 200, 800, .infinity]]), .none)
            let stars = t.values("Pstar")
            #expect(stars[3] == .infinity)
            #expect(stars[0] < stars[1] && stars[1] < stars[2], "P* = \(stars)")
            #expect(stars[0] > previous, "E = \(e) should push P* up: \(stars[0]) after \(previous)")
            previous = stars[0]
            for i in 0..<3 {
                var at = values; at["N"] = t.values("N")[i]
                let row = try Onset.family.table("theory", parameters(at), parameters([:], vectors: ["P": [stars[i]]]), .none)
                #expect((row.values("variance")[0] / e).isApproximatelyEqual(to: row.values("bias")[0], relativeTolerance: 1e-6))
                #expect(row.values("bias")[0].isApproximatelyEqual(to: t.values("bias")[i], relativeTolerance: 1e-6))
            }
            #expect(t.values("slope").count == 4)
        }
    }

    /// Ridgeless and noiseless, V ≈ (P/N) κ s1 and the bias κ² s2/(1 − df2/P) give
    /// P* ∝ N^(1/(1 + alpha (min(beta, 2) − min(beta, 1)))): √N at alpha = 2, beta = 1.5
    /// (the paper's P* ∼ √N), N^(1/(1+alpha)) above beta = 2.
    @Test(arguments: [(2.0, 1.5, 0.5), (1.5, 3.0, 0.4)])
    func onsetExponent(alpha: Double, beta: Double, exponent: Double) throws {
        let model = parameters(["alpha": alpha, "beta": beta, "dim": 4000, "lambda": 0])
        let t = try Onset.family.table("pstar", model, parameters([:], vectors: ["N": [1e4, 1e6]]), .none)
        #expect(t.values("Pstar").allSatisfy { $0 < 1500 }, "P* = \(t.values("Pstar")) should stay well below dim")
        #expect(abs(t.values("slope")[0] - exponent) < 0.015, "fitted exponent \(t.values("slope")[0])")
    }

    @Test func badParametersNameTheParameterAndRange() throws {
        let grid = parameters([:], vectors: ["P": [10]])
        func error(_ body: () throws -> Table) -> ModelError? {
            do { _ = try body(); return nil } catch let e as ModelError { return e } catch { return nil }
        }
        #expect(error { try Onset.family.table("theory", parameters(["E": 0]), grid, .none) }
                == .domain(parameter: "E", value: "0", allowed: "a whole number E ≥ 1"))
        #expect(error { try Onset.family.table("theory", parameters(["N": 0.5]), grid, .none) }
                == .domain(parameter: "N", value: "0.5", allowed: "N ≥ 1 (inf allowed)"))
        #expect(error { try Onset.family.table("simulate", parameters(["N": .infinity]), grid, .none) }
                == .domain(parameter: "N", value: "inf", allowed: "a whole number 1 ≤ N ≤ 1000000000 to simulate"))
        #expect(error { try Onset.family.table("pstar", parameters([:]), parameters([:], vectors: ["N": [0]]), .none) }
                == .domain(parameter: "N", value: "0", allowed: "N ≥ 1 (inf allowed)"))
    }
}

