import RealModule
import TestSupport
import Testing
import NumericCore
@testable import Models

/// corridge: the correlated-sample deterministic equivalent against its own simulation, K = I
/// against `ridge`, the AR(1) closed form of K's spectrum, the GCV bias CorrGCV removes, and
/// parameter errors.
@Suite struct CorrelatedRidgeTests {
    static func model(_ values: [String: Double], correlation: String = "ar1", noise: String = "same") -> ParameterSet {
        var set = parameters(["alpha": 1.5, "beta": 1.2, "noise": 0.5, "dim": 120] .merging(values) { $1 })
        set["correlation"] = .string(correlation)
        set["noisecorr"] = .string(noise)
        return set
    }

    func expectAgreement(_ model: ParameterSet, columns: [String], P: [Double], trials: Double, seed: Double) throws {
        let theory = try CorrelatedRidge.family.table("theory", model, parameters([:], vectors: ["P": P]), .none)
        let sim = try CorrelatedRidge.family.table("simulate", model, parameters(["trials": trials, "seed": seed], vectors: ["P": P]), .none)
        for column in columns {
            // forecastgcv estimates the forecast risk: its theory value is the forecast column.
            let expected = theory.values(column == "forecastgcv" ? "forecast" : column)
            for i in P.indices {
                let z = zScore(theory: expected[i], mean: sim.values(column)[i],
                               standardError: sim.values(column + "_se")[i])
                #expect(z < 3, "\(column) at P = \(P[i]): theory \(expected[i]), simulation \(sim.values(column)[i]) ± \(sim.values(column + "_se")[i])")
            }
        }
    }

    @Test func ar1TheoryMatchesSimulation() throws {
        try expectAgreement(Self.model(["rho": 0.7, "lambda": 0.01, "lag": 1]),
                            columns: ["test", "train", "gcv", "corrgcv", "forecast", "forecastgcv"],
                            P: [50, 150], trials: 40, seed: 1)
    }

    @Test func powerLawCorrelationsWithWhiteNoiseMatchSimulation() throws {
        try expectAgreement(Self.model(["exponent": 0.5, "lambda": 0.003], correlation: "powerlaw", noise: "white"),
                            columns: ["test", "train", "gcv", "corrgcv"], P: [60, 180], trials: 40, seed: 2)
    }

    /// The headline: with noise correlated like the samples, GCV misses the total risk (by
    /// many standard errors) at every ridge while CorrGCV agrees with it.
    @Test(arguments: [1e-3, 1e-2, 1e-1])
    func gcvIsBiasedAndCorrGCVIsNot(lambda: Double) throws {
        let sim = try CorrelatedRidge.family.table("simulate", Self.model(["rho": 0.8, "lambda": lambda]),
                                               parameters(["trials": 40, "seed": 4], vectors: ["P": [120]]), .none)
        let total = sim.values("total")[0]
        func z(_ column: String) -> Double {
            let se = (pow(sim.values(column + "_se")[0], 2) + pow(sim.values("total_se")[0], 2)).squareRoot()
            return abs(sim.values(column)[0] - total) / se
        }
        #expect(z("corrgcv") < 3, "CorrGCV \(sim.values("corrgcv")[0]) vs total \(total)")
        #expect(z("gcv") > 5, "GCV \(sim.values("gcv")[0]) vs total \(total)")
        #expect(sim.values("gcv")[0] < total, "GCV should be optimistic under positive correlations")
    }

    /// K = I is ridge: the theory equals `ridge`'s deterministic equivalent, with the
    /// correlation none and with ar1 at rho = 0 (which goes through the eigendecomposition).
    @Test func identityCorrelationsRecoverRidge() throws {
        let data = ["alpha": 1.3, "beta": 0.9, "noise": 0.4, "dim": 300, "lambda": 0.02]
        let grid = parameters([:], vectors: ["P": [50, 200, 700]])
        let ridge = try Ridge.family.table("theory", parameters(data), grid, .none)
        for (kind, rho) in [("none", 0.5), ("ar1", 0.0)] {
            for noise in ["same", "white"] {
                let t = try CorrelatedRidge.family.table("theory", Self.model(data.merging(["rho": rho]) { $1 }, correlation: kind, noise: noise),
                                                   grid, .none)
                for column in ["test", "train", "gcv", "kappa"] {
                    for i in 0..<3 {
                        #expect(t.values(column)[i].isApproximatelyEqual(to: ridge.values(column)[i], relativeTolerance: 1e-9),
                                "\(kind) \(noise) \(column) at P = \(grid)")
                    }
                }
                for i in 0..<3 { #expect(t.values("corrgcv")[i].isApproximatelyEqual(to: t.values("gcv")[i], relativeTolerance: 1e-9)) }
            }
        }
    }

    /// K's spectrum for AR(1) tends to the symbol (1 − ρ²)/(1 − 2ρ cos θ + ρ²), whose
    /// resolvent integral is closed: g1(δ) = (1 − ρ²)/√((1 + ρ² + δ(1 − ρ²))² − 4ρ²).
    @Test func ar1SpectrumMatchesTheClosedForm() throws {
        let rho = 0.6
        let p = try CorrelatedRidge.Parameters(Self.model(["rho": rho]))
        let k = try SampleCorrelation(p, count: 1000, root: false)
        for delta in [0.1, 1.0, 10.0] {
            let a = 1 + rho * rho + delta * (1 - rho * rho)
            let closed = (1 - rho * rho) / (a * a - 4 * rho * rho).squareRoot()
            #expect(k.moments(delta).g1.isApproximatelyEqual(to: closed, relativeTolerance: 4e-3), "δ = \(delta)")
        }
        #expect(k.reach.isApproximatelyEqual(to: rho * rho, relativeTolerance: 1e-10))
    }

    /// The correlated test point is predicted better than an independent one, and for
    /// lag → ∞ (correlation gone) the forecast risk returns to the total risk.
    @Test func forecastIsOptimisticAndFadesWithLag() throws {
        let grid = parameters([:], vectors: ["P": [100]])
        let near = try CorrelatedRidge.family.table("theory", Self.model(["rho": 0.8, "lag": 1]), grid, .none)
        let far = try CorrelatedRidge.family.table("theory", Self.model(["rho": 0.8, "lag": 400]), grid, .none)
        #expect(near.values("forecast")[0] < 0.9 * near.values("total")[0])
        #expect(far.values("forecast")[0].isApproximatelyEqual(to: far.values("total")[0], relativeTolerance: 1e-12))
    }

    @Test func badParametersNameTheParameterAndRange() throws {
        func error(_ model: ParameterSet, _ P: [Double] = [10]) -> ModelError? {
            do { _ = try CorrelatedRidge.family.table("theory", model, parameters([:], vectors: ["P": P]), .none); return nil }
            catch let e as ModelError { return e } catch { return nil }
        }
        #expect(error(Self.model(["rho": 1])) == .domain(parameter: "rho", value: "1", allowed: "0 ≤ rho < 1"))
        #expect(error(Self.model(["lambda": 0])) == .domain(parameter: "lambda", value: "0", allowed: "lambda > 0"))
        #expect(error(Self.model(["exponent": -1])) == .domain(parameter: "exponent", value: "-1", allowed: "exponent > 0"))
        #expect(error(Self.model([:]), [12.5]) == .domain(parameter: "P", value: "12.5", allowed: "a whole number 1 ≤ P ≤ 20000"))
        guard let refusal = error(Self.model([:]), [20_000]), refusal.kind == .resource else {
            Issue.record("a 20000 × 20000 eigendecomposition was not refused"); return
        }
        #expect(refusal.message.contains("memory"))
        var bad = Self.model([:])
        bad["correlation"] = .string("ar2")
        #expect(error(bad) == .domain(parameter: "correlation", value: "\"ar2\"", allowed: "one of \"ar1\", \"powerlaw\", \"none\""))
    }

    /// The forecast risk is derived for noise correlated like the samples only: white noise
    /// tables leave it out rather than print a number.
    @Test func whiteNoiseTablesHaveNoForecast() throws {
        let white = Self.model([:], noise: "white")
        let t = try CorrelatedRidge.family.table("theory", white, parameters([:], vectors: ["P": [20]]), .none)
        let s = try CorrelatedRidge.family.table("simulate", white, parameters(["trials": 2], vectors: ["P": [20]]), .none)
        #expect(t.numbers("forecast") == nil && s.numbers("forecast") == nil && s.numbers("forecastgcv") == nil)
        #expect(t.numbers("corrgcv") != nil && s.numbers("corrgcv_se") != nil)
    }

    @Test func simulationIsReproducible() throws {
        let grid = parameters(["trials": 3, "seed": 9], vectors: ["P": [30]])
        let m = Self.model(["rho": 0.5])
        #expect(try CorrelatedRidge.family.table("simulate", m, grid, .none) == CorrelatedRidge.family.table("simulate", m, grid, .none))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
