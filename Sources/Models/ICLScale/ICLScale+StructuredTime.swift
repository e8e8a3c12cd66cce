import NumericCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Training time in the structured settings (FS, RRS)
//
// Derived here. RRS at depth L ≥ 2: the L steps follow gradient flow dη_ℓ/dt = −∂E/∂η_ℓ on the quadratic form of
// ICLScale+StructuredQuadratic.swift (theory: the deterministic equivalent, or K = ∞; simulate: the sampled training
// contexts). E depends on η only through q = Π(1 − η_ℓ s), symmetric in the steps, so from exactly equal steps the
// flow stays on equal steps (ISO's one-dimensional flow) and never reaches the optimal polynomial; the steps start at
// η_ℓ(0) = 10⁻⁴ (2ℓ − L − 1)/(L M) (M = 2c₀ ≥ the spectral edge): a spread of mean zero, which changes the loss
// only at second order (≈ 10⁻⁸), and lets the flow leave the equal-step line. t = ∞ is the end of training, the minimum over q. The flow is integrated by the
// Bogacki–Shampine 3(2) pair with adaptive steps (local error ≤ 10⁻⁹ in ηM).
// FS: one layer (any α) and α = ∞ (any L) are closed-form (ICLScale+StructuredSpectrum.swift and `fsInfiniteContext`).

extension ICLScaleModel {
    /// The coefficients c of the RRS polynomial at each requested (finite) time.
    static func stepFlow(_ loss: QuadraticLoss, times: [Double],
                         monitor: WorkMonitor) throws -> [[Double]] {
        let depth = loss.depth, scale = 2 * loss.center
        var results = [[Double]](repeating: [], count: times.count)
        // θ = ηM, dθ/dt = −M² ∂E/∂θ·… = −M ∂E/∂η.
        func velocity(_ theta: [Double]) -> [Double] {
            loss.gradient(theta.map { $0 / scale }).map { -$0 * scale }
        }
        var theta = (1...depth).map { 1e-4 * Double(2 * $0 - depth - 1) / Double(depth) }
        var now = 0.0, h = 1e-3, k1 = velocity(theta), evaluations = 0
        for index in times.indices.sorted(by: { times[$0] < times[$1] }) {
            let target = times[index]
            while now < target {
                evaluations += 1
                if evaluations % 1024 == 0 { try monitor.checkCancelled() }
                guard evaluations < 500_000 else {
                    throw ModelError.notSolved(task: "iclscale flow", unknown: "the steps η(t)",
                                               at: [.init("t", now)], cause: "more than 5·10⁵ integration steps",
                                               parameter: "t")
                }
                let step = min(h, target - now)
                func ahead(_ pairs: [(Double, [Double])]) -> [Double] {
                    var next = theta
                    for (weight, k) in pairs { axpy(step * weight, k, &next) }
                    return next
                }
                let k2 = velocity(ahead([(0.5, k1)]))
                let k3 = velocity(ahead([(0.75, k2)]))
                let next = ahead([(2.0 / 9, k1), (1.0 / 3, k2), (4.0 / 9, k3)])
                let k4 = velocity(next)
                var error = 0.0
                for i in theta.indices {
                    let e = step * (-5.0 / 72 * k1[i] + 1.0 / 12 * k2[i] + 1.0 / 9 * k3[i] - 1.0 / 8 * k4[i])
                    error = max(error, abs(e) / (1 + abs(next[i])))
                }
                let tolerance = 1e-9
                if error <= tolerance { (theta, k1, now) = (next, k4, now + step) }
                h = error.isFinite ? step * min(4, max(0.2, 0.9 * pow(tolerance / max(error, 1e-300), 1.0 / 3)))
                    : step / 4
            }
            results[index] = loss.coefficients(theta.map { $0 / scale })
        }
        return results
    }

    /// FS at α = ∞ and depth L: each mode's L preconditioner entries stay equal, u_k = 1 − g_k λ_k obeys
    /// du/dt = −2 λ_k³ Ω_k u^(2L−1) (matrix-gradient flow dγ/dt = −d ∂E/∂γ), so E = ρ + Σ_k m_k u_k^(2L) with
    /// u_k = e^(−2λ³Ωt) (L = 1) or (1 + 4(L − 1) λ³Ω t)^(−1/(2L−2)); ν = 0 is ISO's closed form.
    static func fsInfiniteContext(_ spectrum: StructuredSpectrum, rho: Double, depth: Int, t: Double) -> Double {
        guard t.isFinite else { return rho }
        var total = rho
        for (m, (l, o)) in zip(spectrum.weights, zip(spectrum.lambda, spectrum.omega)) {
            let rate = 2 * l * l * l * o * t
            let u2L = depth == 1 ? exp(-2 * rate) : pow(1 + 2 * Double(depth - 1) * rate, -Double(depth) / Double(depth - 1))
            total += m * u2L
        }
        return total
    }
}
