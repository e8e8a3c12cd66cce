import Testing
@testable import Models
import NumericCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Residual-stream width in `iclscale` (ICLScale+Width*.swift, derived here, not the equations of Bordelon, Letey &
/// Pehlevan 2025): full width gives the existing model bit for bit, vanishing width the null predictor, ISO's closed
/// form, the width term's exponent, the theory against its seeded simulation, and bad input.
@Suite struct ICLWidthTests {
    private func model(_ values: [String: Double], covariance: String = "iso") -> ParameterSet {
        var p = parameters(values)
        p["covariance"] = .string(covariance)
        return p
    }

    private func run(_ operation: String, _ m: ParameterSet, _ t: [Double], _ extra: [String: Double] = [:]) throws -> Table {
        guard case .table(let table) = try ICLScaleModel.family.operation(operation)!.run(
            m, parameters(extra, vectors: ["t": t]), .none) else { return Table(columns: []) }
        return table
    }

    /// N ≥ D is an isometric embedding: width 1 and inf give the full-width theory exactly.
    @Test func fullWidthIsTheExistingModel() throws {
        let times = [0, 0.5, 4, Double.infinity]
        let base: [String: Double] = ["alpha": 2, "depth": 3, "rho": 0.2]
        let full = try run("theory", model(base), times).values("loss")
        for width in [1.0, 3.0, .infinity] {
            #expect(try run("theory", model(base.merging(["width": width]) { $1 }), times).values("loss") == full)
        }
        let rrs: [String: Double] = ["alpha": .infinity, "depth": 3, "d": 256]
        #expect(try run("theory", model(rrs.merging(["width": 1]) { $1 }, covariance: "rrs"), [.infinity]).values("loss")
                == run("theory", model(rrs, covariance: "rrs"), [.infinity]).values("loss"))
    }

    /// Independent values: ISO at α = ∞ ends at ρ + 1 − N/D; at ν = 0 FS and RRS (depth 1) are ISO; N/D → 0 is the
    /// null predictor's 1 + ρ in every setting; RRS depth 1 at full width is the existing one-layer closed form.
    @Test func closedFormsAndLimits() throws {
        for c in [0.1, 0.5, 0.9] {
            let iso = try run("theory", model(["alpha": .infinity, "depth": 2, "rho": 0.1, "width": c]), [.infinity])
            #expect(abs(iso.values("loss")[0] - (1.1 - c)) < 1e-12)
            for covariance in ["fs", "rrs"] {
                let flat = try run("theory", model(["alpha": .infinity, "nu": 0, "d": 512, "rho": 0.1, "width": c],
                                                   covariance: covariance), [.infinity])
                #expect(abs(flat.values("loss")[0] - (1.1 - c)) < 1e-6, "\(covariance) c = \(c)")
            }
        }
        for covariance in ["iso", "fs", "rrs"] {
            let tiny = try run("theory", model(["alpha": .infinity, "d": 512, "rho": 0.1, "width": 1e-9],
                                               covariance: covariance), [.infinity])
            #expect(abs(tiny.values("loss")[0] - 1.1) < 1e-6, "\(covariance)")
        }
        let nearlyFull = try run("theory", model(["alpha": .infinity, "d": 512, "width": 1 - 1e-12], covariance: "rrs"),
                                 [.infinity]).values("loss")[0]
        let full = try run("theory", model(["alpha": .infinity, "d": 512], covariance: "rrs"), [.infinity]).values("loss")[0]
        #expect(abs(nearlyFull - full) < 1e-9)
    }

    /// W(N) ∝ N^(−(νβ − 1)) for 1 < νβ < 1 + ν: the fitted log-log slope over N = 16…512 at d = 32768.
    @Test(arguments: [(2.0, 1.0), (1.5, 1.2)])
    func widthTermExponent(nu: Double, beta: Double) throws {
        let spectrum = ICLScaleModel.StructuredSpectrum(d: 32768, nu: nu, beta: beta)
        let widths = [16.0, 32, 64, 128, 256, 512]
        let fit = try LinearRegression.fit(x: widths.map(log),
                                           y: widths.map { log(ICLScaleModel.widthTerm(spectrum, modes: $0)) })
        #expect(abs(fit.slope + (nu * beta - 1)) < 0.03, "slope \(fit.slope) vs \(-(nu * beta - 1))")
    }

    /// ISO at N/D = 1/2 along the flow: the d = 24 and 48 simulations extrapolated to 1/d = 0 (2E₄₈ − E₂₄) are
    /// within 3 standard errors of the theory.
    @Test(arguments: [(0.5, 1), (2.0, 3)])
    func isoTheoryMatchesSimulation(alpha: Double, depth: Int) throws {
        let times = [0.2, 2, Double.infinity]
        let base: [String: Double] = ["alpha": alpha, "depth": Double(depth), "rho": 0.1, "width": 0.5]
        let exact = try run("theory", model(base), times)
        let options: [String: Double] = ["trials": 6, "contexts": 32, "tests": 64]
        let small = try run("simulate", model(base.merging(["d": 24]) { $1 }), times, options.merging(["seed": 3]) { $1 })
        let large = try run("simulate", model(base.merging(["d": 48]) { $1 }), times, options.merging(["seed": 4]) { $1 })
        for i in times.indices {
            let extrapolated = 2 * large.values("loss")[i] - small.values("loss")[i]
            let se = (4 * pow(large.values("loss_se")[i], 2) + pow(small.values("loss_se")[i], 2)).squareRoot()
            let z = zScore(theory: exact.values("loss")[i], mean: extrapolated, standardError: se)
            #expect(z < 3, "α = \(alpha), L = \(depth), t = \(times[i]): \(z) standard errors")
        }
    }

    /// FS (any depth) and RRS (depth 1) at α = ∞: the d = 64 and 128 simulations, extrapolated in 1/d, are within
    /// 3 standard errors of the theory at N/D = 1/4 and 1/2.
    @Test(arguments: [("fs", 0.25), ("fs", 0.5), ("rrs", 0.25), ("rrs", 0.5)])
    func structuredTheoryMatchesSimulation(covariance: String, width: Double) throws {
        func values(_ d: Double) -> [String: Double] {
            ["alpha": .infinity, "depth": 1, "rho": 0.1, "nu": 1.5, "beta": 1, "width": width, "d": d]
        }
        let options: [String: Double] = ["trials": 6, "contexts": 16, "tests": 16]
        let exactSmall = try run("theory", model(values(64), covariance: covariance), [.infinity]).values("loss")[0]
        let exactLarge = try run("theory", model(values(128), covariance: covariance), [.infinity]).values("loss")[0]
        let small = try run("simulate", model(values(64), covariance: covariance), [.infinity], options)
        let large = try run("simulate", model(values(128), covariance: covariance), [.infinity],
                            options.merging(["seed": 2]) { $1 })
        // Both the theory (declared d modes) and the simulation depend on d: compare the 1/d extrapolations.
        let theory = 2 * exactLarge - exactSmall
        let mean = 2 * large.values("loss")[0] - small.values("loss")[0]
        let se = (4 * pow(large.values("loss_se")[0], 2) + pow(small.values("loss_se")[0], 2)).squareRoot()
        let z = zScore(theory: theory, mean: mean, standardError: se)
        #expect(z < 3, "\(covariance) N/D = \(width): \(mean) ± \(se) vs \(theory) (\(z) SE)")
    }

    /// RRS at finite width: depth helps, but a polynomial shared by every context cannot reach the width floor ρ + W
    /// (each context's stream has its own eigenvalues), so depth 3 lies between the floor and depth 1 (200 training contexts: with few, the fit is noisy).
    @Test func rrsDepthHelpsAboveTheWidthFloor() throws {
        let base: [String: Double] = ["alpha": .infinity, "rho": 0.1, "nu": 1.5, "d": 64, "width": 0.25]
        let floor = try run("theory", model(base, covariance: "fs"), [.infinity]).values("loss")[0]
        let options: [String: Double] = ["trials": 4, "contexts": 200, "tests": 16]
        let shallow = try run("simulate", model(base.merging(["depth": 1]) { $1 }, covariance: "rrs"), [.infinity], options)
        let deep = try run("simulate", model(base.merging(["depth": 3]) { $1 }, covariance: "rrs"), [.infinity], options)
        let (one, four) = (shallow.values("loss")[0], deep.values("loss")[0])
        #expect(one > four && four > floor, "L = 1: \(one), L = 3: \(four), floor \(floor)")
    }

    @Test func badInputNamesTheParameterAndRange() throws {
        #expect(throws: ModelError.domain(parameter: "width", value: "0", allowed: "width > 0 (inf allowed)")) {
            try run("theory", model(["width": 0]), [1])
        }
        #expect(throws: ModelError.domain(parameter: "depth", value: "2",
                                          allowed: "depth = 1 for the rrs theory at width < 1 (simulate covers depth ≥ 2)")) {
            try run("theory", model(["alpha": .infinity, "depth": 2, "width": 0.5], covariance: "rrs"), [.infinity])
        }
        #expect(throws: ModelError.domain(parameter: "alpha", value: "2",
                                          allowed: "alpha = inf for the fs theory at width < 1")) {
            try run("theory", model(["alpha": 2, "width": 0.5], covariance: "fs"), [.infinity])
        }
    }
}
