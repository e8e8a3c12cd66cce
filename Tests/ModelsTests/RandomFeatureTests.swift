import RealModule
import TestSupport
import Testing
import NumericCore
@testable import Models

/// Linear random-feature ridge: theory against simulation, the N → ∞ and projection
/// limits, the double-descent peak, and errors.
@Suite struct RandomFeatureTests {
    @Test func theoryMatchesSimulation() throws {
        let model = parameters(["alpha": 1.5, "beta": 1.2, "noise": 0.2, "dim": 100, "lambda": 1e-3, "N": 60])
        let grid = parameters(["trials": 100, "seed": 2], vectors: ["P": [40, 90, 200]])
        let theory = try RandomFeatures.family.table("theory", model, grid, .none)
        let sim = try RandomFeatures.family.table("simulate", model, grid, .none)
        for column in ["test", "train"] {
            for i in 0..<3 {
                let z = zScore(theory: theory.values(column)[i], mean: sim.values(column)[i],
                               standardError: sim.values(column + "_se")[i])
                #expect(z < 3, "\(column) at P = \(theory.values("P")[i]): \(z) standard errors")
            }
        }
    }

    @Test func ridgelessWidthLimitedRegimeMatchesSimulation() throws {
        // N < P: variance- and approximation-limited; P < N: data-limited.
        let model = parameters(["alpha": 1.5, "beta": 1.2, "noise": 0.2, "dim": 100, "lambda": 0, "N": 30])
        let grid = parameters(["trials": 100, "seed": 4], vectors: ["P": [12, 90, 200]])
        let theory = try RandomFeatures.family.table("theory", model, grid, .none)
        let sim = try RandomFeatures.family.table("simulate", model, grid, .none)
        for i in 0..<3 {
            let z = zScore(theory: theory.values("test")[i], mean: sim.values("test")[i],
                           standardError: sim.values("test_se")[i])
            #expect(z < 3, "test at P = \(theory.values("P")[i]): \(z) standard errors")
        }
    }

    @Test func infiniteWidthRecoversRidge() throws {
        let base = ["alpha": 1.5, "beta": 1.2, "noise": 0.2, "dim": 300.0, "lambda": 1e-3]
        let grid = parameters([:], vectors: ["P": [30, 300, 3000]])
        let ridge = try Ridge.family.table("theory", parameters(base), grid, .none)
        var wide = base; wide["N"] = .infinity
        var large = base; large["N"] = 1e9
        let rfInf = try RandomFeatures.family.table("theory", parameters(wide), grid, .none)
        let rfLarge = try RandomFeatures.family.table("theory", parameters(large), grid, .none)
        for i in 0..<3 {
            #expect(rfInf.values("test")[i].isApproximatelyEqual(to: ridge.values("test")[i], relativeTolerance: 1e-12))
            #expect(rfLarge.values("test")[i].isApproximatelyEqual(to: ridge.values("test")[i], relativeTolerance: 1e-5))
        }
    }

    /// With unlimited data and no ridge, N isotropic random features keep N/dim of the
    /// target: excess = ‖w‖² (1 − N/dim) (projection onto a uniformly random subspace).
    @Test func infiniteDataIsotropicProjection() throws {
        let dim = 200, w = 1 / Double(dim).squareRoot()
        let model = parameters(["lambda": 0, "N": 50], vectors: [
            "spectrum": [Double](repeating: 1, count: dim), "target": [Double](repeating: w, count: dim)])
        let t = try RandomFeatures.family.table("theory", model, parameters([:], vectors: ["P": [.infinity]]), .none)
        #expect(t.values("test")[0].isApproximatelyEqual(to: 1 - 50.0 / 200, relativeTolerance: 1e-12))
    }

    @Test func doubleDescentPeakAtNEqualsP() throws {
        let model = parameters(["alpha": 1.5, "beta": 1.2, "noise": 0.1, "dim": 400, "lambda": 0, "N": 100])
        let sizes: [Double] = [50, 80, 95, 100, 105, 120, 200]
        let t = try RandomFeatures.family.table("theory", model, parameters([:], vectors: ["P": sizes]), .none)
        let test = t.values("test")
        #expect(test[3] == .infinity)
        #expect(test[0] < test[1] && test[1] < test[2])      // rising into the peak
        #expect(test[4] > test[5] && test[5] > test[6])      // falling after it
        // Noiseless too: the approximation error acts as noise at N = P.
        let clean = parameters(["alpha": 1.5, "beta": 1.2, "dim": 400, "lambda": 0, "N": 100])
        #expect(try RandomFeatures.family.table("theory", clean, parameters([:], vectors: ["P": [100]]), .none).values("test")[0] == .infinity)
    }

    @Test func simulationRefusesInfiniteWidth() throws {
        let model = parameters(["N": .infinity])
        #expect(throws: ModelError.domain(parameter: "N", value: "inf",
                                          allowed: "a whole number 1 ≤ N ≤ 1000000000 to simulate")) {
            try RandomFeatures.family.table("simulate", model, parameters([:], vectors: ["P": [10]]), .none)
        }
        #expect(throws: ModelError.domain(parameter: "N", value: "0", allowed: "N ≥ 1 (inf allowed)")) {
            try RandomFeatures.family.table("theory", parameters(["N": 0]), parameters([:], vectors: ["P": [10]]), .none)
        }
    }
}
