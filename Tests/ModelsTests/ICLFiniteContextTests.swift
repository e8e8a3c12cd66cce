import Testing
@testable import Models
import NumericCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `iclscale` FS/RRS at finite context and along training (ICLScale+FiniteContext.swift,
/// ICLScale+StructuredTime.swift): the deterministic equivalent against Lanczos (K = ∞) and the exact one-layer form
/// (O(1/d)), the flows against closed forms and ISO at ν = 0, and theory against the seeded simulation.
@Suite struct ICLFiniteContextTests {
    private func model(_ covariance: String, alpha: Double, depth: Int, nu: Double = 1.5, d: Int = 16) -> ParameterSet {
        var set = parameters(["alpha": alpha, "depth": Double(depth), "rho": 0.1, "d": Double(d), "nu": nu, "beta": 1])
        set["covariance"] = .string(covariance)
        return set
    }

    private func run(_ operation: String, _ m: ParameterSet, _ arguments: [String: Double] = [:],
                     t: [Double]) throws -> Table {
        guard case .table(let table) = try ICLScaleModel.family.operation(operation)!.run(
            m, parameters(arguments, vectors: ["t": t]), .none) else { return Table(columns: []) }
        return table
    }

    /// At K = ∞ the deterministic-equivalent quadratic form is Σ_k m_k q(λ_k)², whose minimum is the Lanczos value.
    @Test(arguments: [(2, 1e-10), (4, 1e-9), (6, 1e-6)])
    func infiniteContextIsLanczos(depth: Int, tolerance: Double) throws {
        let spectrum = ICLScaleModel.StructuredSpectrum(d: 64, nu: 1.5, beta: 1)
        let form = ICLScaleModel.finiteContextLoss(spectrum, aspect: 0, rho: 0.1, depth: depth)
        let lanczos = ICLScaleModel.optimalPolynomialExcess(lambda: spectrum.lambda, weights: spectrum.weights,
                                                            depth: depth)
        #expect(abs(try form.minimum(rho: 0.1).loss - 0.1 - lanczos) < tolerance * lanczos)
    }

    /// ν = 0 at finite α: the deterministic equivalent at equal steps η_ℓ = g is ISO's Marchenko–Pastur loss E(g)
    /// (an independent quadrature of the same d → ∞ limit), at depths 2 and 3 and α = 0.5 and 2.
    @Test(arguments: [(0.5, 2), (2.0, 2), (2.0, 3)])
    func flatSpectrumIsMarchenkoPastur(alpha: Double, depth: Int) throws {
        let spectrum = ICLScaleModel.StructuredSpectrum(d: 8, nu: 0, beta: 1)
        let form = ICLScaleModel.finiteContextLoss(spectrum, aspect: 1 / alpha, rho: 0.1, depth: depth)
        let iso = ICLScaleModel.theoryLoss(alpha: alpha, rho: 0.1, depth: depth)
        for g in [0.1, 0.3, 0.6] {
            let value = form.value(form.coefficients([Double](repeating: g, count: depth)), rho: 0.1)
            #expect(abs(value - iso.loss(g)) < 1e-6, "g = \(g): \(value) vs \(iso.loss(g))")
        }
    }

    /// One layer: the deterministic equivalent approaches the exact finite-d closed form like 1/d
    /// (d = 128 → 512: the gap falls about 4-fold and stays under 1/d).
    @Test func oneLayerDeterministicEquivalentIsTheClosedFormToOrderOneOverD() throws {
        let gaps = try [128, 512].map { d -> Double in
            let spectrum = ICLScaleModel.StructuredSpectrum(d: d, nu: 1.5, beta: 1)
            let form = ICLScaleModel.finiteContextLoss(spectrum, aspect: 0.5, rho: 0.1, depth: 1)
            let exact = spectrum.oneLayerLoss(tokens: Double(2 * d), rho: 0.1, perMode: false)
            let gap = abs(try form.minimum(rho: 0.1).loss - exact)
            #expect(gap < 1 / Double(d))
            return gap
        }
        #expect(gaps[0] / gaps[1] > 3 && gaps[0] / gaps[1] < 5, "\(gaps)")
    }

    /// ν = 0 (Σ = I) at α = ∞: FS and RRS flows are ISO's closed forms e^(−4t) (L = 1) and
    /// (1 + 4(L − 1)t)^(−L/(L−1)) (FS, any L; RRS at L = 2, whose steps start 2·10⁻⁴/M apart, to 10⁻⁶).
    @Test func flowsAtFlatSpectrumAreISO() throws {
        let t = [0.0, 0.1, 0.5, 2, 8]
        for covariance in ["fs", "rrs"] {
            let one = try run("theory", model(covariance, alpha: .infinity, depth: 1, nu: 0), t: t).values("loss")
            for (value, time) in zip(one, t) { #expect(abs(value - 0.1 - exp(-4 * time)) < 1e-12) }
        }
        let fs = try run("theory", model("fs", alpha: .infinity, depth: 3, nu: 0), t: t).values("loss")
        for (value, time) in zip(fs, t) { #expect(abs(value - 0.1 - pow(1 + 8 * time, -1.5)) < 1e-12) }
        let rrs = try run("theory", model("rrs", alpha: .infinity, depth: 2, nu: 0), t: t).values("loss")
        for (value, time) in zip(rrs, t) { #expect(abs(value - 0.1 - pow(1 + 4 * time, -2)) < 1e-6, "\(time)") }
    }

    /// The RRS flow at depth 3 and α = 2 falls monotonically onto the optimal polynomial (the quadratic's minimum).
    @Test func flowReachesTheOptimum() throws {
        let loss = try run("theory", model("rrs", alpha: 2, depth: 3), t: [1, 10, 100, .infinity]).values("loss")
        for i in 1..<loss.count { #expect(loss[i] <= loss[i - 1] + 1e-12) }
        #expect(abs(loss[2] - loss[3]) < 1e-6 * loss[3], "\(loss)")
    }

    /// Training-time curves against the seeded simulation within 3 SE (d = 16, 8 trials): one layer (exact at
    /// finite d) in FS and RRS at α = 1, and RRS at depth 3, α = ∞ (Σ̂ = Λ: the theory is exact at finite d).
    @Test(arguments: [("fs", 1.0, 1), ("rrs", 1.0, 1), ("rrs", Double.infinity, 3)])
    func curvesMatchSimulation(covariance: String, alpha: Double, depth: Int) throws {
        let t = [0.02, 0.2, 2, Double.infinity]
        let m = model(covariance, alpha: alpha, depth: depth)
        let theory = try run("theory", m, t: t).values("loss")
        let sim = try run("simulate", m, ["trials": 8, "seed": 7, "contexts": alpha.isInfinite ? 1024 : 128,
                                          "tests": 64], t: t)
        for i in t.indices {
            let z = zScore(theory: theory[i], mean: sim.values("loss")[i], standardError: sim.values("loss_se")[i])
            #expect(z < 3, "\(covariance) α = \(alpha) L = \(depth) t = \(t[i]): \(z) SE")
        }
    }
}
