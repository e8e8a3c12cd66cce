import Testing
@testable import Models
import NumericCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `iclscale` with structured covariances (FS, RRS; derived in ICLScale+Structured*.swift): ISO unchanged, ν = 0
/// and one layer against closed forms, the optimal polynomial against a direct minimisation over the steps, the
/// depth exponent against its derivation, theory against the seeded simulation, and bad input.
@Suite struct ICLStructuredTests {
    private func model(_ covariance: String, alpha: Double, depth: Int, nu: Double = 1.5, beta: Double = 1,
                       rho: Double = 0.1, d: Int = 64) -> ParameterSet {
        var set = parameters(["alpha": alpha, "depth": Double(depth), "rho": rho, "d": Double(d), "nu": nu,
                              "beta": beta])
        set["covariance"] = .string(covariance)
        return set
    }

    private func run(_ operation: String, _ m: ParameterSet, _ arguments: [String: Double] = [:],
                     t: [Double] = [.infinity]) throws -> Table {
        guard case .table(let table) = try ICLScaleModel.family.operation(operation)!.run(
            m, parameters(arguments, vectors: ["t": t]), .none) else { return Table(columns: []) }
        return table
    }

    private func loss(_ m: ParameterSet) throws -> Double { try run("theory", m).values("loss")[0] }

    /// ISO ignores ν and β and is the existing theory bit for bit.
    @Test func isoIsTheExistingTheory() throws {
        let t = [0.5, 4, Double.infinity]
        let plain = try run("theory", parameters(["alpha": 2, "depth": 3, "rho": 0.1]), t: t)
        let iso = try run("theory", model("iso", alpha: 2, depth: 3, nu: 3, beta: 2), t: t)
        let direct = try ICLScaleModel.theoryLoss(alpha: 2, rho: 0.1, depth: 3).curve(t, monitor: WorkMonitor())
        #expect(iso.values("loss") == plain.values("loss"))
        #expect(iso.values("loss") == direct.map(\.loss))
    }

    /// ν = 0 is the identity covariance: one layer gives ISO's finite-d 1 + ρ − 1/(1 + 1/K + (1 + ρ)/α) in both
    /// settings (d → ∞: icl's x/(1+x) + ρ), and at α = ∞ RRS is at ρ for every depth.
    @Test(arguments: ["fs", "rrs"])
    func flatSpectrumIsISO(covariance: String) throws {
        for alpha in [0.5, 2.0] {
            let k = alpha * 64, rho = 0.1
            let exact = 1 + rho - 1 / (1 + 1 / k + (1 + rho) / alpha)
            #expect(abs(try loss(model(covariance, alpha: alpha, depth: 1, nu: 0)) - exact) < 1e-12)
            let wide = try loss(model(covariance, alpha: alpha, depth: 1, nu: 0, d: 4096))
            let icl = ICLModel.iclError(alpha: alpha, kappa: .infinity, tau: .infinity, rho: rho)
            #expect(abs(wide - icl) < 1e-3)
        }
        for depth in [1, 4] { #expect(abs(try loss(model(covariance, alpha: .infinity, depth: depth, nu: 0)) - 0.1) < 1e-12) }
    }

    /// At α = ∞ the Lanczos minimum at depth 1 is the one-step optimum ρ + 1 − S₂²/S₃ (S_j = (1/d) Σ λ^j Ω).
    @Test(arguments: [(1.5, 1.0), (3.0, 0.5), (2.0, 2.0)])
    func oneLayerAtInfiniteContextIsTheOneStepOptimum(nu: Double, beta: Double) throws {
        let spectrum = ICLScaleModel.StructuredSpectrum(d: 200, nu: nu, beta: beta)
        var s2 = 0.0, s3 = 0.0
        for (l, o) in zip(spectrum.lambda, spectrum.omega) { s2 += l * l * o / 200; s3 += l * l * l * o / 200 }
        let lanczos = try loss(model("rrs", alpha: .infinity, depth: 1, nu: nu, beta: beta, d: 200))
        #expect(abs(lanczos - (1.1 - s2 * s2 / s3)) < 1e-12)
    }

    /// The optimal polynomial is what the network's steps reach: L-BFGS over η₁…η_L of Σ m_k Π(1 − η_ℓ λ_k)²
    /// (from spread starting steps) lands on the Lanczos minimum.
    @Test(arguments: [2, 3, 4])
    func optimalPolynomialMatchesDirectMinimisation(depth: Int) throws {
        let spectrum = ICLScaleModel.StructuredSpectrum(d: 256, nu: 1.5, beta: 1)
        let lambda = spectrum.lambda.map { $0 / spectrum.lambda[0] }, m = spectrum.weights
        let lanczos = ICLScaleModel.optimalPolynomialExcess(lambda: lambda, weights: m, depth: depth)
        var options = LBFGS.Options()
        options.maxIterations = 20000
        options.gradientTolerance = 1e-14
        let start = (0..<depth).map { pow(4, Double($0)) }   // steps 1, 4, 16, …: roots spread over decades
        let result = LBFGS.minimize(from: start, options: options) { eta, gradient in
            var total = 0.0
            for i in gradient.indices { gradient[i] = 0 }
            for (l, w) in zip(lambda, m) {
                let factors = eta.map { 1 - $0 * l }
                let q = factors.reduce(1, *)
                total += w * q * q
                for i in eta.indices where factors[i] != 0 { gradient[i] += -2 * w * q * q / factors[i] * l }
            }
            return total
        }
        #expect(abs(result.value - lanczos) < 1e-6 * lanczos, "L = \(depth): \(result.value) vs \(lanczos)")
    }

    /// The headline at α = ∞: RRS falls with depth at the derived rate E − ρ ∝ L^(−(1 + 2/ν)(νβ − 1))
    /// (fitted between L = 32 and 64 at d = 16384, ν = 3, β = 1: −10/3 within 5%), while FS and ISO are at ρ.
    @Test func depthHelpsAtInfiniteContextOnlyUnderRRS() throws {
        let excess = try [32, 64].map { try loss(model("rrs", alpha: .infinity, depth: $0, nu: 3, d: 16384)) - 0.1 }
        let slope = log(excess[1] / excess[0]) / log(2)
        #expect(abs(slope / (-10.0 / 3) - 1) < 0.05, "\(slope)")
        var previous = Double.infinity
        for depth in [1, 2, 4, 8] {
            let rrs = try loss(model("rrs", alpha: .infinity, depth: depth))
            #expect(rrs < previous)
            previous = rrs
            #expect(try loss(model("fs", alpha: .infinity, depth: depth)) == 0.1)
            #expect(try loss(model("iso", alpha: .infinity, depth: depth)) == 0.1)
        }
    }

    /// The trained finite-d network on sampled contexts matches the theory within 3 standard errors
    /// (d = 16; 64 test contexts, 8 trials; 128 training contexts, 2048 at α = ∞ where the test loss varies
    /// little, so that the fit's generalisation gap, O(L/contexts), stays well under the standard error): FS and RRS at one layer and finite α (exact at finite d),
    /// RRS at depth 3 and 6 at α = ∞.
    @Test(arguments: [("fs", 1.0, 1), ("fs", 4.0, 1), ("rrs", 0.5, 1), ("rrs", 2.0, 1),
                      ("rrs", Double.infinity, 3), ("rrs", Double.infinity, 6)])
    func theoryMatchesSimulation(covariance: String, alpha: Double, depth: Int) throws {
        let m = model(covariance, alpha: alpha, depth: depth, d: 16)
        let sim = try run("simulate", m, ["trials": 8, "seed": 5, "contexts": alpha.isInfinite ? 2048 : 128, "tests": 64])
        let z = zScore(theory: try loss(m), mean: sim.values("loss")[0], standardError: sim.values("loss_se")[0])
        #expect(z < 3, "\(covariance) α = \(alpha) L = \(depth): \(z) standard errors")
    }

    /// The stiff step flow (Rosenbrock ode23s, `stepFlow`) at its default tolerance against the same flow at a
    /// 100× tighter one (the loss agrees to 10⁻⁶ relative), the loss falls along it (a gradient flow), and late in
    /// training it reaches the minimum over the polynomial (t = ∞) from above (d = 24, L = 3, α = 2, ν = 1.5).
    @Test func stepFlowConvergesAndDescendsToTheMinimum() throws {
        let spectrum = ICLScaleModel.StructuredSpectrum(d: 24, nu: 1.5, beta: 1)
        let quadratic = ICLScaleModel.exactContextLoss(spectrum, tokens: 48, rho: 0.1, depth: 3)
        let times = [0.1, 1, 10, 1e3]
        let losses = { (tolerance: Double) throws -> [Double] in
            try ICLScaleModel.stepFlow(quadratic, times: times, tolerance: tolerance, monitor: WorkMonitor())
                .map { quadratic.value($0, rho: 0.1) }
        }
        let standard = try losses(1e-11), tight = try losses(1e-13)
        for (a, b) in zip(standard, tight) { #expect(abs(a - b) <= 1e-6 * b, "\(a) vs \(b)") }
        #expect(zip(standard, standard.dropFirst()).allSatisfy { $0.0 >= $0.1 - 1e-12 }, "\(standard)")
        let end = try quadratic.minimum(rho: 0.1).loss
        #expect(standard.last! >= end - 1e-12 && standard.last! - end < 1e-3 * (standard[0] - end),
                "t = 10³: \(standard.last!) against the minimum \(end)")
    }

    @Test func badInputNamesTheParameterAndRange() throws {
        #expect(throws: ModelError.domain(parameter: "depth", value: "2",
                                          allowed: "depth = 1 for the fs theory at finite alpha (alpha = inf: any depth)")) {
            try run("theory", model("fs", alpha: 1, depth: 2))
        }
        #expect(throws: ModelError.domain(parameter: "depth", value: "10", allowed: "a smaller depth for the rrs theory at "
                                          + "these nu, d (the polynomial's moment matrix has condition number above 1e12; "
                                          + "alpha = inf, t = inf: any depth)")) {
            try run("theory", model("rrs", alpha: 1, depth: 10))
        }
        #expect(throws: ModelError.domain(parameter: "depth", value: "2", allowed: "depth = 1 for simulate with covariance fs")) {
            try run("simulate", model("fs", alpha: 1, depth: 2, d: 8), ["trials": 2])
        }
        #expect(throws: ModelError.domain(parameter: "d", value: "2048", allowed: "2 ≤ d ≤ 1024 for simulate")) {
            try run("simulate", model("rrs", alpha: 1, depth: 2, d: 2048), ["trials": 2])
        }
        #expect(throws: ModelError.domain(parameter: "nu", value: "9", allowed: "0 ≤ nu ≤ 8")) {
            try run("theory", model("rrs", alpha: 1, depth: 1, nu: 9))
        }
    }
}
