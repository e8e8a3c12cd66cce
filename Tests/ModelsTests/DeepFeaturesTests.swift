import RealModule
import TestSupport
import Testing
import NumericCore
@testable import Models

/// deepfeat: the multi-level deterministic equivalent against its own simulation (isotropic
/// and structured layers), one layer against randfeat, infinite widths against ridge, the
/// ridgeless isotropic closed form, the headline (first-layer structure helps, later-layer
/// structure hurts) and parameter errors.
@Suite struct DeepFeaturesTests {
    static func model(_ values: [String: Double], widths: [Double], structure: [Double] = []) -> ParameterSet {
        var set = parameters(["alpha": 1.5, "beta": 1.0, "noise": 0.2, "dim": 120].merging(values) { $1 },
                             vectors: ["widths": widths])
        if !structure.isEmpty { set["structure"] = .vector(structure) }
        return set
    }

    /// Theory within 3 SE of the seeded simulation, for test, train and gcv at each P.
    @Test(arguments: [
        ([80.0, 50.0], [Double](), 1e-3),
        ([80.0, 50.0], [1.0, 1.5], 1e-3),
        ([60.0, 90.0, 70.0], [-0.5, 0.0, 2.0], 0.0),
    ])
    func theoryMatchesSimulation(widths: [Double], structure: [Double], lambda: Double) throws {
        let model = Self.model(["lambda": lambda, "dim": 100], widths: widths, structure: structure)
        let grid = [30.0, 130.0]
        let theory = try DeepFeatures.family.table("theory", model, parameters([:], vectors: ["P": grid]), .none)
        let sim = try DeepFeatures.family.table("simulate", model, parameters(["trials": 30, "seed": 3], vectors: ["P": grid]), .none)
        for column in ["test", "train", "gcv"] {
            for i in grid.indices {
                if theory.values(column)[i] == 0 {  // interpolation: zero training error up to rounding
                    #expect(sim.values(column)[i] < 1e-12, "\(column) at P = \(grid[i]) should vanish")
                    continue
                }
                let z = zScore(theory: theory.values(column)[i], mean: sim.values(column)[i],
                               standardError: sim.values(column + "_se")[i])
                #expect(z < 3, "\(column) at P = \(grid[i]), widths \(widths), structure \(structure): theory \(theory.values(column)[i]), simulation \(sim.values(column)[i]) ± \(sim.values(column + "_se")[i])")
            }
        }
    }

    /// One isotropic layer is randfeat (whose risk uses the ρ formula of Ruben et al., a
    /// different route to the same numbers), at several P, N and ridges.
    @Test(arguments: [(0.0, 80.0), (1e-2, 80.0), (1e-3, 400.0)])
    func oneLayerIsRandomFeatures(lambda: Double, n: Double) throws {
        let data = ["alpha": 1.3, "beta": 0.8, "noise": 0.3, "dim": 300, "lambda": lambda]
        let grid = parameters([:], vectors: ["P": [20, 79, 150, 1000]])
        let deep = try DeepFeatures.family.table("theory", Self.model(data, widths: [n]), grid, .none)
        let random = try RandomFeatures.family.table("theory", parameters(data.merging(["N": n]) { $1 }), grid, .none)
        for column in ["test", "train", "kappa", "df1", "df2", "gcv"] {
            for i in 0..<4 {
                #expect(deep.values(column)[i].isApproximatelyEqual(to: random.values(column)[i], relativeTolerance: 1e-8),
                        "\(column) at P index \(i): deepfeat \(deep.values(column)[i]), randfeat \(random.values(column)[i])")
            }
        }
    }

    /// Infinitely wide layers (isotropic or not in the first layer's place) are ridge.
    @Test func infiniteWidthsAreRidge() throws {
        let data = ["alpha": 1.4, "beta": 1.1, "noise": 0.5, "dim": 250, "lambda": 1e-3]
        let grid = parameters([:], vectors: ["P": [30, 249, 600]])
        let deep = try DeepFeatures.family.table("theory", Self.model(data, widths: [.infinity, .infinity, .infinity]), grid, .none)
        let ridge = try Ridge.family.table("theory", parameters(data), grid, .none)
        for column in ["test", "train", "kappa", "gcv"] {
            for i in 0..<3 {
                #expect(deep.values(column)[i].isApproximatelyEqual(to: ridge.values(column)[i], relativeTolerance: 1e-9),
                        "\(column) at P index \(i)")
            }
        }
    }

    /// Ridgeless, isotropic data and weights, P below dim and every width: derived by hand,
    /// test = S(1 − a)(1 + A) + σ²((1 + (1 − a)A)/(1 − a) − 1), a = P/dim, A = Σ P/(N_l − P).
    @Test func isotropicRidgelessClosedForm() throws {
        let dim = 200.0, sigma = 0.4, widths = [300.0, 120.0, 500.0]
        var set = Self.model(["noise": sigma, "lambda": 0], widths: widths)
        set["spectrum"] = .vector([Double](repeating: 1, count: Int(dim)))
        set["target"] = .vector([Double](repeating: 0.1, count: Int(dim)))
        let grid = [20.0, 60.0, 110.0]
        let t = try DeepFeatures.family.table("theory", set, parameters([:], vectors: ["P": grid]), .none)
        for (i, p) in grid.enumerated() {
            let a = p / dim, s = dim * 0.01
            let aa = widths.reduce(0) { $0 + p / ($1 - p) }
            let expected = s * (1 - a) * (1 + aa) + sigma * sigma * ((1 + (1 - a) * aa) / (1 - a) - 1)
            #expect(t.values("test")[i].isApproximatelyEqual(to: expected, relativeTolerance: 1e-9),
                    "P = \(p): theory \(t.values("test")[i]), closed form \(expected)")
        }
        // P equal to a width (and below the others): the interpolation peak, infinite risk.
        let peak = try DeepFeatures.family.table("theory", set, parameters([:], vectors: ["P": [120]]), .none)
        #expect(peak.values("test")[0] == .infinity)
    }

    /// The paper's headline in the interpolating (ridgeless) regime: first-layer weight
    /// covariance aligned with the data's top modes lowers the test error, anti-aligned raises
    /// it; any structure in a later layer raises it when P is the bottleneck, and leaves it
    /// unchanged when a layer is (the later factors then drop out).
    @Test func firstLayerStructureHelpsLaterStructureHurts() throws {
        let data = ["alpha": 1.5, "beta": 1.0, "noise": 0.0, "dim": 400, "lambda": 0]
        func risk(_ structure: [Double], widths: [Double] = [300, 200], P: Double = 100) throws -> Double {
            try DeepFeatures.family.table("theory", Self.model(data, widths: widths, structure: structure),
                                    parameters([:], vectors: ["P": [P]]), .none).values("test")[0]
        }
        let isotropic = try risk([0, 0])
        #expect(try risk([1, 0]) < 0.5 * isotropic)
        #expect(try risk([-0.5, 0]) > 2 * isotropic)
        var previous = isotropic
        for g in [0.5, 1.0, 2.0] {
            let hurt = try risk([0, g])
            #expect(hurt > previous * 1.01, "later-layer structure \(g): \(hurt) vs \(previous)")
            previous = hurt
        }
        let bottleneck = try risk([0, 0], widths: [150, 300], P: 250)
        #expect(try risk([0, 2], widths: [150, 300], P: 250).isApproximatelyEqual(to: bottleneck, relativeTolerance: 1e-9))
    }

    /// The simulation estimate pays for every layer's product and grows with the trials
    /// (its constants are checked against bench/deepfeat.sh, see bench/README.md).
    @Test func simulationEstimateFollowsTheWork() throws {
        let estimate = try #require(DeepFeatures.family.operation("simulate")?.estimate)
        func seconds(_ widths: [Double], trials: Double) -> Double {
            estimate(Self.model(["dim": 400], widths: widths), parameters(["trials": trials], vectors: ["P": [100, 300, 600]])).seconds
        }
        let base = seconds([300, 200], trials: 16)
        #expect(abs(seconds([300, 200], trials: 32) / base - 2) < 1e-9)
        #expect(seconds([300, 300, 200], trials: 16) > 1.1 * base)
        #expect(estimate(Self.model([:], widths: [.infinity]), parameters([:], vectors: ["P": [10]])).seconds == 0)
    }

    @Test func parameterErrorsNameTheParameter() throws {
        func error(_ model: ParameterSet, simulate: Bool = false) -> ModelError? {
            let grid = parameters([:], vectors: ["P": [10]])
            do {
                if simulate { _ = try DeepFeatures.family.table("simulate", model, grid, .none) } else { _ = try DeepFeatures.family.table("theory", model, grid, .none) }
                return nil
            } catch let e as ModelError { return e } catch { return nil }
        }
        #expect(error(Self.model([:], widths: [50, 40], structure: [1]))?.message
            == "structure has 1 exponents but widths has 2: give one per layer (or none)")
        #expect(error(Self.model([:], widths: [50, 40], structure: [1, 5])) == .domain(parameter: "structure", value: "5",
            allowed: "-4 ≤ structure ≤ 4"))
        #expect(error(Self.model([:], widths: [])) == .tooFew(parameter: "widths", least: 1, noun: "widths", purpose: nil))
        #expect(error(Self.model([:], widths: [0.5])) == .domain(parameter: "widths", value: "0.5", allowed: "widths ≥ 1 (inf allowed)"))
        #expect(error(Self.model([:], widths: [.infinity, 40], structure: [0, 1])) == .domain(parameter: "structure", value: "1",
            allowed: "0 for layer 2: structure needs a whole, finite input width N_1 ≤ 1e7 (widths has inf)"))
        #expect(error(Self.model([:], widths: [.infinity]), simulate: true) == .domain(parameter: "widths", value: "inf",
            allowed: "a whole number 1 ≤ widths < 10000000 to simulate"))
    }
}
