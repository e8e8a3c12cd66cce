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
// only at second order (≈ 10⁻⁸), and lets the flow leave the equal-step line. t = ∞ is the end of training, the minimum over q. The flow is stiff and is integrated by
// the L-stable Rosenbrock 2(3) pair ode23s with adaptive steps (local error ≤ 10⁻¹¹ in ηM; `stepFlow`).
// FS: one layer (any α) and α = ∞ (any L) are closed-form (ICLScale+StructuredSpectrum.swift and `fsInfiniteContext`).

extension ICLScaleModel {
    /// The coefficients c of the RRS polynomial at each requested (finite) time, by the L-stable Rosenbrock 2(3)
    /// pair of Shampine & Reichelt ("The MATLAB ODE Suite", SIAM J. Sci. Comput. 18, 1997, ode23s): the flow is stiff
    /// (the Jacobian's eigenvalues reach −10⁵ against a slow escape from the equal-step line), which held the explicit
    /// Bogacki–Shampine pair it replaces to steps set by stability, ~10⁶ of them to t = 10. Each step solves
    /// W = I − h·γ·J (γ = 1/(2 + √2), J the forward-difference Jacobian of the velocity; the pair is a W-method, second
    /// order with any J) three times; the local error estimate h/6 (k₁ − 2k₂ + k₃) is held ≤ `tolerance` in
    /// θ = ηM relative to 1 + |θ|. The default 10⁻¹¹ matches the old explicit run's global error (≈ 2·10⁻⁷ relative
    /// in the loss against a 10⁻¹³ Radau reference at d = 24, L = 3).
    static func stepFlow(_ loss: QuadraticLoss, times: [Double], tolerance: Double = 1e-11,
                         monitor: WorkMonitor) throws -> [[Double]] {
        let depth = loss.depth, scale = 2 * loss.center
        var results = [[Double]](repeating: [], count: times.count)
        // θ = ηM, dθ/dt = −M² ∂E/∂θ·… = −M ∂E/∂η.
        func velocity(_ theta: [Double]) -> [Double] {
            loss.gradient(theta.map { $0 / scale }).map { -$0 * scale }
        }
        let gamma = 1 / (2 + 2.0.squareRoot()), e32 = 6 + 2.0.squareRoot()
        // W = I − h γ J with J by forward differences around θ (velocity f known there).
        func iterationMatrix(_ theta: [Double], _ f: [Double], step: Double) -> Matrix {
            var w = Matrix.identity(depth)
            for l in 0..<depth {
                var shifted = theta
                let delta = 1e-7 * max(1, abs(theta[l]))
                shifted[l] += delta
                let column = velocity(shifted)
                for i in 0..<depth { w.storage[i * depth + l] -= step * gamma * (column[i] - f[i]) / delta }
            }
            return w
        }
        var theta = (1...depth).map { 1e-4 * Double(2 * $0 - depth - 1) / Double(depth) }
        var now = 0.0, h = 1e-3, f0 = velocity(theta), evaluations = 0
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
                let w = iterationMatrix(theta, f0, step: step)
                func solve(_ b: [Double]) throws -> [Double] {
                    try w.solve(Matrix(rows: depth, columns: 1, storage: b)).storage
                }
                let k1 = try solve(f0)
                var middle = theta
                axpy(step / 2, k1, &middle)
                let f1 = velocity(middle)
                var k2 = try solve((0..<depth).map { f1[$0] - k1[$0] })
                axpy(1, k1, &k2)
                var next = theta
                axpy(step, k2, &next)
                let f2 = velocity(next)
                let k3 = try solve((0..<depth).map { f2[$0] - e32 * (k2[$0] - f1[$0]) - 2 * (k1[$0] - f0[$0]) })
                var error = 0.0
                for i in theta.indices {
                    let e = step / 6 * (k1[i] - 2 * k2[i] + k3[i])
                    error = max(error, abs(e) / (1 + abs(next[i])))
                }
                if error <= tolerance { (theta, f0, now) = (next, f2, now + step) }
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
