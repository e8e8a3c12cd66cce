import RealModule
import TestSupport
import Testing
import NumericCore
@testable import Models

/// subsample: the feature-subsampled ensemble's deterministic equivalent against its own
/// simulation (homogeneous and heterogeneous fractions, all three noises), ν = 1 against `ridge`,
/// the paper's two headlines (the peak moves to P = ν·dim and heterogeneity lowers it; readout
/// noise makes an ensemble beat one full model), and parameter errors.
@Suite struct SubsampleTests {
    static func model(_ nu: [Double], _ values: [String: Double]) -> ParameterSet {
        parameters(["dim": 80] .merging(values) { $1 }, vectors: ["nu": nu])
    }

    func expectAgreement(_ model: ParameterSet, P: [Double], trials: Double, seed: Double) throws {
        let theory = try Subsample.family.table("theory", model, parameters([:], vectors: ["P": P]), .none)
        let sim = try Subsample.family.table("simulate", model, parameters(["trials": trials, "seed": seed], vectors: ["P": P]), .none)
        for column in ["test", "member"] {
            for i in P.indices {
                let z = zScore(theory: theory.values(column)[i], mean: sim.values(column)[i],
                               standardError: sim.values(column + "_se")[i])
                #expect(z < 3, "\(column) at P = \(P[i]): theory \(theory.values(column)[i]), simulation \(sim.values(column)[i]) ± \(sim.values(column + "_se")[i])")
            }
        }
    }

    @Test func homogeneousEnsembleMatchesSimulation() throws {
        try expectAgreement(Self.model([0.5, 0.5, 0.5], ["lambda": 0.05, "noise": 0.3, "featurenoise": 0.4, "readout": 0.2]),
                            P: [25, 60, 150], trials: 40, seed: 1)
    }

    @Test func heterogeneousEnsembleMatchesSimulation() throws {
        try expectAgreement(Self.model([0.2, 0.6, 0.9], ["lambda": 0.01, "noise": 0.2, "featurenoise": 0.2]),
                            P: [30, 100], trials: 40, seed: 2)
    }

    /// ν = 1 without feature or readout noise is one ridge model on isotropic data: the theory
    /// equals `ridge`'s deterministic equivalent (a Newton solve of the general κ equation) with
    /// spectrum = 1 and w*_k² = signal/dim; identical members change nothing, and readout noise
    /// on K identical members adds exactly readout²/K.
    @Test func fullFeaturesRecoverRidge() throws {
        let dim = 120.0, signal = 2.0
        let grid = parameters([:], vectors: ["P": [40, 120, 400]])
        let ridge = try Ridge.family.table("theory", parameters(["noise": 0.3, "lambda": 0.02],
                                                vectors: ["spectrum": Array(repeating: 1, count: 120),
                                                          "target": Array(repeating: (signal / dim).squareRoot(), count: 120)]),
                                     grid, .none)
        let base: [String: Double] = ["dim": dim, "signal": signal, "noise": 0.3, "lambda": 0.02]
        let one = try Subsample.family.table("theory", Self.model([1], base), grid, .none)
        let three = try Subsample.family.table("theory", Self.model([1, 1, 1], base), grid, .none)
        let noisy = try Subsample.family.table("theory", Self.model([1, 1, 1], base.merging(["readout": 0.6]) { $1 }), grid, .none)
        for i in 0..<3 {
            #expect(one.values("test")[i].isApproximatelyEqual(to: ridge.values("test")[i], relativeTolerance: 1e-10), "P index \(i)")
            #expect(three.values("test")[i].isApproximatelyEqual(to: one.values("test")[i], relativeTolerance: 1e-12))
            #expect(noisy.values("test")[i].isApproximatelyEqual(to: one.values("test")[i] + 0.36 / 3, relativeTolerance: 1e-12))
            #expect(noisy.values("member")[i].isApproximatelyEqual(to: one.values("test")[i] + 0.36, relativeTolerance: 1e-12))
        }
    }

    /// One member on all features with feature noise ω is ridge on z = x + ωξ (covariance
    /// a = 1 + ω²) with target w*/a and the rest of the signal, S ω²/a, as extra label noise.
    @Test func featureNoiseIsRidgeOnNoisyFeatures() throws {
        let dim = 100, signal = 1.5, omega = 0.7, sigma = 0.3
        let a = 1 + omega * omega, effective = (sigma * sigma + signal * omega * omega / a).squareRoot()
        let grid = parameters([:], vectors: ["P": [30, 100, 300]])
        let ridge = try Ridge.family.table("theory", parameters(["noise": effective, "lambda": 0.05],
                                                vectors: ["spectrum": Array(repeating: a, count: dim),
                                                          "target": Array(repeating: (signal / Double(dim)).squareRoot() / a, count: dim)]),
                                     grid, .none)
        let t = try Subsample.family.table("theory", Self.model([1], ["dim": Double(dim), "signal": signal, "noise": sigma,
                                                       "featurenoise": omega, "lambda": 0.05]), grid, .none)
        for i in 0..<3 {
            #expect(t.values("total")[i].isApproximatelyEqual(to: ridge.values("test")[i] + effective * effective, relativeTolerance: 1e-10), "P index \(i)")
        }
    }

    /// Nearly ridgeless, a member's peak sits at P = ν·dim; two members at 0.3 and 0.7 peak lower
    /// than two at 0.5 (same mean fraction, same K): heterogeneity softens double descent.
    @Test func heterogeneityLowersThePeak() throws {
        let grid = parameters([:], vectors: ["P": (10...400).map(Double.init)])
        func peak(_ nu: [Double]) throws -> (Double, Double) {
            let t = try Subsample.family.table("theory", parameters(["dim": 200, "lambda": 1e-3, "noise": 0.2], vectors: ["nu": nu]), grid, .none)
            let test = t.values("test"), i = test.indices.max { test[$0] < test[$1] }!
            return (t.values("P")[i], test[i])
        }
        let (homogeneousAt, homogeneous) = try peak([0.5, 0.5])
        let (_, heterogeneous) = try peak([0.3, 0.7])
        #expect(homogeneousAt == 100)
        #expect(heterogeneous < 0.85 * homogeneous, "peaks \(heterogeneous) vs \(homogeneous)")
    }

    /// The trade-off: without readout noise one model on all features beats four on quarters
    /// (subsampling amplifies noise), with readout noise η = 1 the ensemble wins (ensembling
    /// averages it down), each at its best ridge.
    @Test func readoutNoiseMakesEnsemblesWin() throws {
        func best(_ nu: [Double], readout: Double) throws -> Double {
            try (-16...4).map { Double($0) / 4 }.map { e in
                try Subsample.family.table("theory", parameters(["dim": 200, "lambda": pow(10, e), "noise": 0.2, "readout": readout],
                                                vectors: ["nu": nu]), parameters([:], vectors: ["P": [400]]), .none)
                    .values("total")[0]
            }.min()!
        }
        let quarters = [0.25, 0.25, 0.25, 0.25]
        #expect(try best([1], readout: 0) < best(quarters, readout: 0))
        #expect(try best(quarters, readout: 1) < best([1], readout: 1))
    }

    @Test func badParametersNameTheParameterAndRange() throws {
        func error(_ model: ParameterSet, _ P: [Double] = [10]) -> ModelError? {
            do { _ = try Subsample.family.table("simulate", model, parameters(["trials": 2], vectors: ["P": P]), .none); return nil }
            catch let e as ModelError { return e } catch { return nil }
        }
        #expect(error(Self.model([1.5], [:])) == .domain(parameter: "nu", value: "1.5", allowed: "0 < nu ≤ 1"))
        #expect(error(Self.model([0.001], [:])) == .domain(parameter: "nu", value: "0.001", allowed: "nu ≥ 1/(2·dim) = 0.00625 so that a member reads a feature"))
        #expect(error(Self.model([], [:])) == .tooFew(parameter: "nu", least: 1, noun: "fractions (one per member)", purpose: nil))
        #expect(error(Self.model([Double](repeating: 0.5, count: 101), [:]))?.message == "nu lists 101 fractions (one per member): give at most 100")
        #expect(error(Self.model([0.5], ["featurenoise": -1])) == .domain(parameter: "featurenoise", value: "-1", allowed: "featurenoise ≥ 0"))
        #expect(error(Self.model([0.5], [:]), [12.5]) == .domain(parameter: "P", value: "12.5", allowed: "a whole number 1 ≤ P ≤ 1000000000000"))
    }

    @Test func simulationIsReproducible() throws {
        let grid = parameters(["trials": 3, "seed": 9], vectors: ["P": [30]])
        let model = Self.model([0.3, 0.8], ["lambda": 0.1, "featurenoise": 0.5])
        let a = try Subsample.family.table("simulate", model, grid, .none), b = try Subsample.family.table("simulate", model, grid, .none)
        #expect(a.values("test") == b.values("test") && a.values("member") == b.values("member"))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
