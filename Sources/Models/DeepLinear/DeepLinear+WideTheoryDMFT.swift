import NumericCore

// The infinite-width μP dynamics at any depth L ≥ 2 from random initialisation: the dynamical
// mean-field theory (DMFT) of Bordelon & Pehlevan 2025 (arXiv 2502.02531) for the whitened
// population loss, in discrete time. Only that paper's abstract and introduction could be read
// here, so the equations below are DERIVED in this file, following the structure of the DMFT of
// Bordelon & Pehlevan 2022 (arXiv 2205.09653, Sec. 3–4: a field is a Gaussian source from the
// initial weights, plus a response term, plus the update term h = χ + ∫(A + ΦΔ)g), specialised
// to linear networks and gradient descent.
//
// Fields. In the scaled weights of DeepLinear+Wide.swift put H_l = √N V_l⋯V_1 (N × dim) and
// G_l = γ√N (V_L⋯V_{l+1})ᵀ (N × dim) for the hidden layers l = 1 … L−1; then B = G_lᵀH_l/(γN) at
// every l and one GD step is, with E = S − B,
//   H_1 += η₀γ G_1 E,   G_{L−1} += η₀γ H_{L−1} Eᵀ,   V_l += (η₀γ/N) G_l E H_{l−1}ᵀ  (1 < l < L).
// As N → ∞ the kernels H_lᵀH_l/N, G_lᵀG_l/N are diagonal in the teacher's singular basis (a sign
// flip of one input and the matching output leaves the start's law and S invariant), so the modes
// decouple and each is a dim = 1 problem with target s, error e(t) = s − u(t). Its single-site
// fields h_l(t), g_l(t) obey (times s < t; the cavity/DMFT step for the Gaussian V_l(0), entries
// of variance 1/N, is V_l(0)x = χ + Σ_s ⟨∂x(t)/∂ξ(s)⟩ y(s) with ξ = V_l(0)ᵀy):
//   h_l(t) = χ_l(t) + Σ_s M_l(t,s) g_l(s),   M_l(t,s) = A_{l−1}(t,s) + η₀γ e(s) Φ_{l−1}(s,t),   (D1)
//   g_l(t) = ξ_l(t) + Σ_s K_l(t,s) h_l(s),   K_l(t,s) = B_{l+1}(t,s) + η₀γ e(s) Γ_{l+1}(s,t),   (D2)
// χ_l, ξ_l independent centred Gaussian processes with covariances Φ_{l−1}, Γ_{l+1}, where
// Φ_l(t,t') = ⟨h_l(t)h_l(t')⟩, Γ_l(t,t') = ⟨g_l(t)g_l(t')⟩, A_l(t,s) = ⟨∂h_l(t)/∂ξ_l(s)⟩ and
// B_l(t,s) = ⟨∂g_l(t)/∂χ_l(s)⟩; at the ends Φ_0 ≡ 1 (the fixed input), Γ_L ≡ 1 (the readout),
// A_0 = B_L = 0. The fields are linear in the sources, h_l = αχ_l + βξ_l and g_l = ϑχ_l + δξ_l
// with α = (I − MK)⁻¹, β = αM = A_l, ϑ = Kα = B_l, δ = (I − KM)⁻¹, so the theory closes exactly:
//   Φ_l = αΦ_{l−1}αᵀ + βΓ_{l+1}βᵀ,   Γ_l = ϑΦ_{l−1}ϑᵀ + δΓ_{l+1}δᵀ,                                   (D3)
//   u(t) = ⟨g_l(t)h_l(t)⟩/γ = [ϑΦ_{l−1}αᵀ + δΓ_{l+1}βᵀ](t,t)/γ   (the same at every l).            (D4)
// M, K, α − I, β, ϑ, δ − I are strictly causal, so row t of everything follows from rows < t and
// e(0 … t−1): an upward sweep for α, β, Φ, a downward one for ϑ, δ, Γ, then e(t). Cost per mode:
// about 10(L−1)T³/3 multiply-adds and 6(L−1)(T+1)² doubles for T steps.
// At L = 2 (D1)–(D4) is exactly the recursion (W1) of DeepLinear+Wide.swift (tested); as γ → 0
// it is the lazy limit u = s(1 − (1 − Lη₀)ⁿ) (tested); against widetrain at depth 3 and 4 see
// DeepLinearWideTests.

extension DeepLinear {
    /// The most steps the depth ≥ 3 μP theory runs (its cost grows like steps³).
    static let dmftStepLimit = 1000

    /// Eqs. (D1)–(D4): the infinite-width μP mode strength u after each of `steps` GD steps at
    /// depth `depth` ≥ 2 from the random start (u = 0). A run past 1e150 has diverged: +∞ from then on.
    static func wideDeepStrength(s: Double, depth: Int, gamma: Double, eta: Double, steps: [Int],
                                 monitor: WorkMonitor? = nil) throws(WorkCancelled) -> [Double] {
        precondition(depth >= 2 && steps.allSatisfy { $0 >= 0 })
        let last = steps.max() ?? 0, n = last + 1, hidden = depth - 1
        // Index 0 and hidden + 1 are the ends: Φ_0 = Γ_L = 1, A_0 = B_L = 0.
        let ones = [Double](repeating: 1, count: n * n), zeros = [Double](repeating: 0, count: n * n)
        var phi = [ones] + [[Double]](repeating: zeros, count: hidden + 1)
        var gam = [[Double]](repeating: zeros, count: hidden + 1) + [ones]
        var alpha = [[Double]](repeating: zeros, count: hidden + 2), beta = alpha
        var theta = alpha, delta = alpha
        var u = [Double](repeating: 0, count: n), e = [Double](repeating: 0, count: n)
        var coupling = [Double](repeating: 0, count: n), left = coupling, right = coupling
        let rate = eta * gamma
        var diverged = false
        for t in 0..<n where !diverged {
            if t % 16 == 0 { try monitor?.checkCancelled() }
            let row = t * n
            for l in 1...hidden {  // upward: α, β (= A_l), Φ_l
                for s in 0..<t { coupling[s] = beta[l - 1][row + s] + rate * e[s] * phi[l - 1][s * n + t] }
                combine(coupling, t: t, n: n, rows: theta[l], into: &alpha[l])
                alpha[l][row + t] = 1
                combine(coupling, t: t, n: n, rows: delta[l], into: &beta[l])
                covarianceRow(t: t, n: n, a: alpha[l], kernelA: phi[l - 1], b: beta[l], kernelB: gam[l + 1],
                              left: &left, right: &right, into: &phi[l])
            }
            var strength = 0.0
            for l in stride(from: hidden, through: 1, by: -1) {  // downward: ϑ (= B_l), δ, Γ_l
                for s in 0..<t { coupling[s] = theta[l + 1][row + s] + rate * e[s] * gam[l + 1][s * n + t] }
                combine(coupling, t: t, n: n, rows: alpha[l], into: &theta[l])
                combine(coupling, t: t, n: n, rows: beta[l], into: &delta[l])
                delta[l][row + t] = 1
                covarianceRow(t: t, n: n, a: theta[l], kernelA: phi[l - 1], b: delta[l], kernelB: gam[l + 1],
                              left: &left, right: &right, into: &gam[l])
                if l == 1 {  // (D4): ⟨g_1(t) h_1(t)⟩ from the weighted rows just formed
                    for b in 0...t { strength += left[b] * alpha[1][row + b] + right[b] * beta[1][row + b] }
                }
            }
            u[t] = strength / gamma
            e[t] = s - u[t]
            if !(abs(u[t]) < 1e150) { diverged = true; for r in t..<n { u[r] = .infinity } }
        }
        return steps.map { u[$0] }
    }

    /// Row t of `into` = Σ_{s<t} coupling[s] · row s of `rows` (entries 0 ..< t; row s is zero past s).
    private static func combine(_ coupling: [Double], t: Int, n: Int, rows: [Double], into out: inout [Double]) {
        let row = t * n
        for a in 0...t { out[row + a] = 0 }
        for s in 0..<t where coupling[s] != 0 {
            let c = coupling[s], source = s * n
            for a in 0...s { out[row + a] += c * rows[source + a] }
        }
    }

    /// Row and column t of the covariance a·kA·aᵀ + b·kB·bᵀ (Eq. (D3)) for the rows 0 … t of the
    /// lower-triangular a and b; leaves the weighted rows a(t)·kA and b(t)·kB in `left` and `right`.
    private static func covarianceRow(t: Int, n: Int, a: [Double], kernelA: [Double], b: [Double], kernelB: [Double],
                                      left: inout [Double], right: inout [Double], into out: inout [Double]) {
        let row = t * n
        for x in 0...t { left[x] = 0; right[x] = 0 }
        for i in 0...t {
            let ca = a[row + i], cb = b[row + i]
            if ca != 0 { for x in 0...t { left[x] += ca * kernelA[i * n + x] } }
            if cb != 0 { for x in 0...t { right[x] += cb * kernelB[i * n + x] } }
        }
        for r in 0...t {
            var sum = 0.0
            let other = r * n
            for x in 0...r { sum += left[x] * a[other + x] + right[x] * b[other + x] }
            out[row + r] = sum
            out[other + t] = sum
        }
    }
}
