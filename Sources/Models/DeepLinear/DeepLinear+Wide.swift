#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NumericCore

// Training from random Gaussian initialisation in a width-scaled parameterisation, after
// Bordelon & Pehlevan 2025 (arXiv 2502.02531), "Deep linear network training dynamics from
// random initialization". Only the abstract and introduction of the paper could be read
// here, so the setup and every equation below are derived in this file, not taken from it.
//
// Weights V_1 (N × dim), V_2 … V_{L−1} (N × N), V_L (dim × N), i.i.d. Gaussian with variance
// 1/N except V_L, of variance 1/(γ²N); B = V_L⋯V_1; plain GD with rate η₀γ² on V_1 … V_{L−1}
// and η₀ on V_L. This is mean-field/μP (f = W_L h/(γN), h_{l+1} = W_l h_l/√N, entries O(1),
// one rate η = η₀γ²N) written in scaled weights; the NTK parameterisation (f = W_L h/√N, rate
// η₀γ₀²) is the same with γ = γ₀/√N. Loss ½ tr[(S − B) Σ̂ (S − B)ᵀ], test loss ½‖S − B‖²_F.
//
// Depth 2 closes exactly at every width (derived here): with E = (S − B)Σ̂, Q₁ = V₁ᵀV₁ and
// Q₂ = γ²V₂V₂ᵀ (both dim × dim),
//   B' = B + η₀(Q₂E + EQ₁) + η₀²γ² E Bᵀ E,
//   Q₁' = Q₁ + η₀γ²(EᵀB + BᵀE) + η₀²γ² Eᵀ Q₂ E,   Q₂' = Q₂ + η₀γ²(EBᵀ + BEᵀ) + η₀²γ² E Q₁ Eᵀ,
// so width enters only through the random start (Q₁, Q₂ Wishart/N, B of order 1/(γ√N)). As
// N → ∞ (Q = I, B = 0) with whitened data the modes of S = U diag(s) Vᵀ decouple, u_α = u_αᵀBv_α,
// q = q₁ = q₂ on the mode, e = s − u:
//   u' = u + 2η₀ q e + η₀²γ² e² u,   q' = q + 2η₀γ² u e + η₀²γ² e² q,              (W1)
// i.e. (q ± γu)' = (q ± γu)(1 ± η₀γe)²; in gradient flow q² − γ²u² = 1 is conserved and
// u̇ = 2η₀√(1 + γ²u²)(s − u): lazy linear regression u̇ = 2η₀(s − u) as γ → 0, Saxe's sigmoid
// 2u(s − u) once γu ≫ 1. Started balanced (q = u = u₀, γ = 1) (W1) is Saxe et al. 2013 Eq. (7)
// in discrete time. The NTK parameterisation's limit is lazy at every depth: S − B decays by
// (1 − Lη₀) per step from B(0) of variance 1/γ₀² per entry, so the expected test loss is
// ½(Σs² + dim²/γ₀²)(1 − Lη₀)^{2n}. Depth 1 (a single dim × dim layer from zero) is linear
// regression: u = s(1 − (1 − η₀)ⁿ). μP at depth ≥ 3 is the DMFT of DeepLinear+WideTheoryDMFT.swift
// (also derived, not read). Finite α = P/dim: DeepLinear+WideData.swift. Residual networks (`residual`,
// `beta`): DeepLinear+WideResidual*.swift.

extension DeepLinear {
    /// The parameterisation and rates of `widetheory` and `widetrain`.
    struct WideArguments: ParameterGroup {
        @Option("parameterisation: mup (mean-field, rate η₀γ²N) or ntk (f/√N, rate η₀γ²)",
                choices: ["mup", "ntk"], sweepable: false)
        var param = "mup"
        @Option("feature-learning scale γ₀ (γ = γ₀ in mup, γ₀/√width in ntk)",
                range: NumericRange(lower: 1e-6, upper: 1e6))
        var gamma = 1.0
        @Option("base learning rates η₀ (a scan)", range: NumericRange(lower: 0, lowerInclusive: false, upper: 10),
                sweepable: false)
        var eta: [Double] = [0.05]
        @Option("step counts to record", range: NumericRange(lower: 0, upper: 1e6, whole: true), sweepable: false)
        var steps: [Double] = (0...20).map { Double($0 * 10) }
        @Option("residual blocks h_m = h_{m−1} + a·W_m h_{m−1}/√N on hidden layers 2 … L−1: none, sqrtL (a = β/√(L−2)) or unit (a = β)",
                choices: ["none", "sqrtL", "unit"], sweepable: false)
        var residual = "none"
        @Option("residual branch scale β (with residual ≠ none)", range: NumericRange(lower: 0, lowerInclusive: false, upper: 10))
        var beta = 1.0

        /// The recorded step counts (declared whole), refused if empty.
        func stepCounts() throws(ModelError) -> [Int] {
            guard !steps.isEmpty else { throw .domain(parameter: "steps", value: "[]", allowed: "at least one step count") }
            return steps.map { Int($0) }
        }

        /// γ of the scaled weights at this width: γ₀ (μP) or γ₀/√width (NTK).
        func effectiveGamma(width: Int) -> Double {
            param == "ntk" ? gamma / Double(width).squareRoot() : gamma
        }
    }

    /// Eq. (W1): the infinite-width μP depth-2 mode strength after each of `steps` GD steps,
    /// from (u₀, q₀) (random start: u₀ = 0, q₀ = 1). A run past 1e150 has diverged: +∞ from then on.
    public static func wideStrength(s: Double, u0: Double = 0, q0: Double = 1, gamma: Double, eta: Double,
                                    steps: [Int]) -> [Double] {
        var result = [Double](repeating: u0, count: steps.count)
        var u = u0, q = q0, done = 0
        for index in steps.indices.sorted(by: { steps[$0] < steps[$1] }) {
            while done < steps[index], u.isFinite {
                let e = s - u, g2 = gamma * gamma
                (u, q) = (u + 2 * eta * q * e + eta * eta * g2 * e * e * u, q + 2 * eta * g2 * u * e + eta * eta * g2 * e * e * q)
                if !(abs(u) < 1e150 && abs(q) < 1e150) { u = .infinity }
                done += 1
            }
            result[index] = u
        }
        return result
    }

    /// The infinite-width expected test loss ½E‖S − B‖²_F after each of `steps` steps at rate `eta`.
    static func wideLoss(_ c: Configuration, _ a: WideArguments, eta: Double, steps: [Int], monitor: WorkMonitor) throws -> [Double] {
        if let branch = a.branchScale(depth: c.depth) { return try residualLoss(c, a, branch: branch, eta: eta, steps: steps, monitor: monitor) }
        let total = c.singular.map { $0 * $0 }.reduce(0, +)
        if c.depth == 1 {
            return steps.map { 0.5 * total * pow(1 - eta, 2 * Double($0)) }
        }
        if a.param == "ntk" {
            let start = total + Double(c.dim * c.dim) / (a.gamma * a.gamma)
            return steps.map { 0.5 * start * pow(1 - Double(c.depth) * eta, 2 * Double($0)) }
        }
        if c.depth > 2, let last = steps.max(), last > dmftStepLimit {
            throw ModelError.domain(parameter: "steps", value: String(last),
                                    allowed: "steps ≤ \(dmftStepLimit) for widetheory with param=\"mup\" at depth ≥ 3 (its DMFT costs ∝ steps³)")
        }
        var loss = [Double](repeating: 0, count: steps.count)
        for s in c.singular {
            let u = c.depth == 2 ? wideStrength(s: s, gamma: a.gamma, eta: eta, steps: steps)
                : try wideDeepStrength(s: s, depth: c.depth, gamma: a.gamma, eta: eta, steps: steps, monitor: monitor)
            for i in steps.indices { loss[i] += 0.5 * (s - u[i]) * (s - u[i]) }
        }
        return loss
    }

    static let wideTheoryOperation = ModelOperation.table(
        "widetheory", "infinite-width test loss from random init (μP by DMFT, NTK lazy; any depth) at rates eta",
        model: Parameters.self, arguments: WideTheoryArguments.self,
        estimate: { model, t in
            let c = Configuration(model), a = t.wide
            if t.samples > 0 { return wideDataEstimate(c, t) }
            let runs = Double(a.eta.count) * Double(c.singular.count), last = a.steps.max() ?? 0
            if a.branchScale(depth: c.depth) != nil { return residualEstimate(c, a) }
            let table = 8 * 3 * Double(a.eta.count * a.steps.count)
            guard a.param == "mup", c.depth > 2 else {
                return WorkEstimate(bytes: table, seconds: 2e-8 * runs * (last + Double(a.steps.count)))
            }
            // The DMFT's two-time kernels: about 2.2 ns × (depth − 1)(T + 1)³ per mode and rate
            // (bench/calibrate at depth 3, T = 400 and 600), and 6(depth + 1) arrays of (T + 1)² doubles.
            let rows = last + 1
            return WorkEstimate(bytes: table + 48 * Double(c.depth + 1) * rows * rows,
                                seconds: 2.2e-9 * Double(c.depth - 1) * rows * rows * rows * runs)
        }) { model, t, monitor in
            let c = Configuration(model), a = t.wide
            try c.check()
            if t.samples > 0 { return try wideDataTable(c, t, monitor: monitor) }
            let steps = try a.stepCounts()
            var etas: [Double] = [], stepColumn: [Double] = [], losses: [Double] = []
            for (index, eta) in a.eta.enumerated() {
                try monitor.checkCancelled()
                let loss = try wideLoss(c, a, eta: eta, steps: steps, monitor: monitor)
                monitor.report(done: index + 1, total: a.eta.count, label: "widetheory deeplinear")
                etas += [Double](repeating: eta, count: steps.count); stepColumn += steps.map(Double.init); losses += loss
            }
            return Table(columns: [Table.Column("eta", etas), Table.Column("step", stepColumn), Table.Column("loss", losses)],
                         caption: "infinite width (\(a.param)\(a.residualCaption))", role: .theory)
        }
}
