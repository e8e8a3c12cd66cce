import RealModule
import TestSupport
import Testing
import NumericCore
@testable import Models

/// Random-feature ensembles: E_K against simulation, limits, and the no-free-lunch
/// ordering of the ridge-optimised risk.
@Suite struct EnsembleTests {
    @Test func theoryMatchesSimulation() throws {
        let model = parameters(["alpha": 1.5, "beta": 1.2, "noise": 0.2, "dim": 100, "lambda": 1e-2, "N": 40, "K": 3])
        let grid = parameters(["trials": 100, "seed": 7], vectors: ["P": [40, 80, 160]])
        let theory = try Ensemble.family.table("theory", model, grid, .none)
        let sim = try Ensemble.family.table("simulate", model, grid, .none)
        for (column, simColumn) in [("test", "test"), ("test1", "test1")] {
            for i in 0..<3 {
                let z = zScore(theory: theory.values(column)[i], mean: sim.values(simColumn)[i],
                               standardError: sim.values(simColumn + "_se")[i])
                #expect(z < 3, "\(column) at P = \(theory.values("P")[i]): \(z) standard errors")
            }
        }
    }

    @Test func oneMemberIsRandomFeaturesAndWideMembersAreRidge() throws {
        let base = ["alpha": 1.5, "beta": 1.2, "noise": 0.2, "dim": 300.0, "lambda": 1e-3, "N": 50]
        let grid = parameters([:], vectors: ["P": [30, 300]])
        var one = base; one["K"] = 1
        let ensemble = try Ensemble.family.table("theory", parameters(one), grid, .none)
        let rf = try RandomFeatures.family.table("theory", parameters(base), grid, .none)
        var wide = base; wide["N"] = .infinity; wide["K"] = 5
        let wideEnsemble = try Ensemble.family.table("theory", parameters(wide), grid, .none)
        let ridge = try Ridge.family.table("theory", parameters(base), grid, .none)
        for i in 0..<2 {
            #expect(ensemble.values("test")[i].isApproximatelyEqual(to: rf.values("test")[i], relativeTolerance: 1e-12))
            #expect(wideEnsemble.values("test")[i].isApproximatelyEqual(to: ridge.values("test")[i], relativeTolerance: 1e-12))
        }
    }

    @Test func moreMembersOfFixedWidthHelp() throws {
        let grid = parameters([:], vectors: ["P": [200]])
        var previous = Double.infinity
        for k in [1.0, 2, 4, 8] {
            let m = parameters(["alpha": 1.5, "beta": 1.2, "noise": 0.2, "dim": 1000, "lambda": 1e-3, "N": 100, "K": k])
            let test = try Ensemble.family.table("theory", m, grid, .none).values("test")[0]
            #expect(test < previous)
            previous = test
        }
    }

    /// Ruben et al. 2024: at fixed total features K·N the ridge-optimised risk grows with K.
    @Test func optimisedRiskIncreasesWithK() throws {
        let model = parameters(["alpha": 1.5, "beta": 1.2, "noise": 0.2, "dim": 500, "N": 100])
        let t = try Ensemble.family.table("optimal", model, parameters(["P": 400, "total": 512], vectors: ["K": [1, 2, 4, 8, 16]]), .none)
        let risks = t.values("test")
        #expect(risks.count == 5)
        for i in 1..<risks.count { #expect(risks[i] > risks[i - 1], "K = \(t.values("K")[i])") }
        #expect(t.values("N") == [512, 256, 128, 64, 32])
        // The optimum is a minimum: nudging λ either way does not help.
        let lambda = t.values("lambda")[0]
        for factor in [0.8, 1.25] {
            let m = parameters(["alpha": 1.5, "beta": 1.2, "noise": 0.2, "dim": 500, "N": 512, "K": 1,
                                "lambda": lambda * factor])
            let nudged = try Ensemble.family.table("theory", m, parameters([:], vectors: ["P": [400]]), .none).values("test")[0]
            #expect(nudged >= risks[0] * (1 - 1e-9))
        }
    }

    @Test func optimalRefusesTooManyMembers() throws {
        let model = parameters(["N": 10])
        #expect(throws: ModelError.self) {
            try Ensemble.family.table("optimal", model, parameters(["total": 8], vectors: ["K": [16]]), .none)
        }
    }
}
