#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NumericCore

// Residual deep linear networks with scaled branches, trained from random initialisation in μP
// (or NTK): the `residual` and `beta` arguments of `widetheory` and `widetrain`. The setup follows
// the abstracts of Bordelon & Pehlevan 2025 (arXiv 2502.02531: "an infinite depth limit when
// branches are scaled as 1/√depth") and Bordelon et al. 2023 (arXiv 2309.16620: μP with a 1/√depth
// branch transfers hyperparameters across width and depth); their equations could not be read
// here, so the model and its theory are derived (see DeepLinear+WideResidualDMFT.swift).
//
// The input layer V_1 and the readout V_L are those of the non-residual model; each hidden N × N
// layer m = 2 … L−1 becomes a block h_m = h_{m−1} + a V_m h_{m−1} (V_m of variance 1/N, i.e.
// h_m = h_{m−1} + a W_m h_{m−1}/√N in μP weights) with a = β/√(L−2) ("sqrtL") or a = β ("unit").
// GD keeps the non-residual rates (η₀γ² on V_1 … V_{L−1}, η₀ on V_L, no depth factor). Training
// the block matrices R_m = I + aV_m instead is the same run at rate a²η₀γ² (∂/∂V_m = a ∂/∂R_m),
// which is how `widetrain` reuses the plain GD step. Depth ≤ 2 has no block: residual changes nothing.
//
// Lazy limit (γ → 0, and NTK at every γ₀), derived: the kernels stay at their start,
// Φ_m = (1 + a²)^{m−1}, Γ_m = (1 + a²)^{L−1−m}, and each mode's error decays by (1 − η₀k) per step
// with the residual NTK eigenvalue
//   k = Γ_1 + Φ_{L−1} + Σ_m a² Γ_m Φ_{m−1} = 2(1 + a²)^K + K a² (1 + a²)^{K−1},   K = L − 2,      (R4)
// which under a = β/√K tends to (2 + β²)e^{β²} as L → ∞ and under a = β grows like (1 + β²)^K.
// NTK's start B(0) has entry variance (1 + a²)^K/γ₀², so its loss is
// ½(Σs² + dim²(1 + a²)^K/γ₀²)(1 − η₀k)^{2n}.

extension DeepLinear.WideArguments {
    /// The branch multiplier a of the residual blocks at this depth, or nil without blocks.
    func branchScale(depth: Int) -> Double? {
        guard residual != "none", depth > 2 else { return nil }
        return residual == "sqrtL" ? beta / Double(depth - 2).squareRoot() : beta
    }

    /// ", residual sqrtL β=…" for table captions ("" without blocks).
    var residualCaption: String {
        residual == "none" ? "" : ", residual \(residual) β=\(formatParameter(beta))"
    }
}

extension DeepLinear {
    /// Eq. (R4): the lazy (γ → 0) residual NTK eigenvalue k of a depth-`depth` network with branch `a`.
    static func residualLazyKernel(depth: Int, branch a: Double) -> Double {
        let blocks = Double(depth - 2), grow = 1 + a * a
        return 2 * pow(grow, blocks) + blocks * a * a * pow(grow, blocks - 1)
    }

    /// Turns the plain hidden layers V_m (m = 2 … L−1) into blocks R_m = I + aV_m trained at a²× the rate.
    static func makeResidual(_ weights: inout [Matrix], rates: inout [Double], branch a: Double) {
        for l in weights.indices.dropFirst().dropLast() {
            var block = Matrix.identity(weights[l].rows)
            for i in block.storage.indices { block.storage[i] += a * weights[l].storage[i] }
            weights[l] = block
            rates[l] *= a * a
        }
    }

    /// The infinite-width expected test loss of the residual network after each of `steps` steps.
    static func residualLoss(_ c: Configuration, _ a: WideArguments, branch: Double, eta: Double, steps: [Int],
                             monitor: WorkMonitor) throws -> [Double] {
        if a.param == "ntk" {
            let total = c.singular.map { $0 * $0 }.reduce(0, +), k = residualLazyKernel(depth: c.depth, branch: branch)
            let start = total + Double(c.dim * c.dim) * pow(1 + branch * branch, Double(c.depth - 2)) / (a.gamma * a.gamma)
            return steps.map { 0.5 * start * pow(1 - k * eta, 2 * Double($0)) }
        }
        if let last = steps.max(), last > residualStepLimit {
            throw ModelError.domain(parameter: "steps", value: String(last),
                                    allowed: "steps ≤ \(residualStepLimit) for widetheory with residual=\"\(a.residual)\" (its DMFT holds ∝ depth²·steps² numbers)")
        }
        var loss = [Double](repeating: 0, count: steps.count)
        for s in c.singular {
            let u = try residualStrength(s: s, depth: c.depth, branch: branch, gamma: a.gamma, eta: eta, steps: steps, monitor: monitor)
            for i in steps.indices { loss[i] += 0.5 * (s - u[i]) * (s - u[i]) }
        }
        return loss
    }

    /// `widetheory`'s cost with residual blocks: the DMFT's coefficient rows, about 2.7(L−1)²(T+1)³
    /// multiply-adds per mode and rate at CALIBRATE ns each, and 32(L−1)²(T+1)² bytes.
    static func residualEstimate(_ c: Configuration, _ a: WideArguments) -> WorkEstimate {
        let runs = Double(a.eta.count * c.singular.count), rows = (a.steps.max() ?? 0) + 1
        let hidden = Double(c.depth - 1), table = 8 * 3 * Double(a.eta.count * a.steps.count)
        guard a.param == "mup" else { return WorkEstimate(bytes: table, seconds: 2e-8 * runs * Double(a.steps.count)) }
        return WorkEstimate(bytes: table + 32 * hidden * hidden * rows * rows,
                            seconds: 2.7e-9 * hidden * hidden * rows * rows * rows * runs)
    }
}
