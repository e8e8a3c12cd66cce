import NumericCore

// The infinite-width μP dynamics of a RESIDUAL deep linear network from random initialisation:
// the DMFT (D1)–(D4) of DeepLinear+WideTheoryDMFT.swift with the skip added to the field
// recursions. Bordelon & Pehlevan 2025 (arXiv 2502.02531) treat residual networks with 1/√L
// branches, and Bordelon, Noci, Li, Hanin & Pehlevan 2023 (arXiv 2309.16620) and Yang et al. 2023
// (arXiv 2310.02244) their depth-μP limit, but only those papers' abstracts could be read here:
// every equation below is DERIVED in this file.
//
// Network (scaled weights as in DeepLinear+Wide.swift): H_1 = √N V_1, H_m = (I + aV_m) H_{m−1}
// for the K = L − 2 residual blocks m = 2 … L−1 (V_m N × N of variance 1/N), B = V_L H_{L−1}/√N
// with V_L of variance 1/(γ²N); G_{L−1} = γ√N V_Lᵀ, G_{m−1} = (I + aV_m)ᵀ G_m; B = G_mᵀH_m/(γN) at
// every hidden layer m. GD at rate η₀γ² on V_1 … V_{L−1} and η₀ on V_L (μP, no depth factor):
// one step moves V_m by (η₀γa/N) G_m E H_{m−1}ᵀ, so a block changes H_m by O(a²) = O(1/K) and the K
// blocks together by O(1) when a = β/√K — the 1/√L ("depth-μP") branch.
//
// Per teacher mode (the sign-flip argument of (D1)–(D4) still decouples the modes), with c = η₀γ,
// error e(t) = s − u(t), sums over s < t, and the cavity step for each V_m(0) exactly as in (D1)–(D2)
// — z_m = V_m h_{m−1} = χ_m + Σ_s [R_m(t,s) + c a e(s) Φ_{m−1}(s,t)] g_m(s) with R_m = ⟨∂h_{m−1}/∂w_m⟩,
// w_m = V_mᵀ g_m = ξ_m + Σ_s [Q_m(t,s) + c a e(s) Γ_m(s,t)] h_{m−1}(s) with Q_m = ⟨∂g_m/∂χ_m⟩ —
// the single-site fields of one hidden unit, followed through ALL layers (the skip joins unit i
// of layer m − 1 to unit i of layer m), are
//   h_1 = χ_1 + c Σ_s e(s) g_1(s),          h_m = h_{m−1} + a z_m                  (m = 2 … L−1),  (R1)
//   g_{L−1} = ξ_L + c Σ_s e(s) h_{L−1}(s),  g_{m−1} = g_m + a w_m                  (m = L−1 … 2),  (R2)
// with independent centred Gaussian sources χ_1, ξ_L (covariance 1: the fixed input and readout),
// χ_m (covariance Φ_{m−1} = ⟨h_{m−1}h_{m−1}⟩), ξ_m (covariance Γ_m = ⟨g_m g_m⟩), and
//   u(t) = ⟨g_1(t) h_1(t)⟩/γ.                                                                      (R3)
// Every field is linear in the 2(L−1) sources, X(t) = Σ_σ Σ_{t'≤t} C^X_σ(t,t') σ(t'), so R_m and Q_m
// are coefficients (R_m(t,s) = C^{h_{m−1}}_{ξ_m}(t,s), Q_m(t,s) = C^{g_m}_{χ_m}(t,s)) and the kernels
// Φ_m = Σ_σ C^{h_m}_σ cov_σ C^{h_m}_σᵀ, Γ_m likewise, close exactly. All couplings are strictly
// causal, so row t follows from rows < t: an upward sweep over h_1 … h_{L−1}, a downward one over
// g_{L−1} … g_1, then (R3). Cost per mode about 2.7(L−1)²T³ multiply-adds, 32(L−1)²(T+1)² bytes.
// Without the skip (h_m = z_m, g_{m−1} = w_m) this is (D1)–(D4); with no block (L = 2) it is (W1)
// (tested); as γ → 0 it is lazy regression on the residual NTK of `residualLazyKernel` (tested).

extension DeepLinear {
    /// The most steps the residual DMFT runs (its memory grows like depth²·steps²).
    static let residualStepLimit = 400

    /// Eqs. (R1)–(R3): the infinite-width μP mode strength u after each of `steps` GD steps of a
    /// depth-`depth` network whose L − 2 hidden blocks are h ↦ h + a·V h, from the random start.
    /// A run past 1e150 has diverged: +∞ from then on.
    static func residualStrength(s target: Double, depth: Int, branch a: Double, gamma: Double, eta: Double,
                                 steps: [Int], monitor: WorkMonitor? = nil) throws(WorkCancelled) -> [Double] {
        precondition(depth >= 2 && steps.allSatisfy { $0 >= 0 })
        let n = (steps.max() ?? 0) + 1, hidden = depth - 1, count = 2 * hidden, nn = n * n
        // Fields x: h_{x+1} (x < hidden), g_{x−hidden+1}. Sources σ: χ_{σ+1} (σ < hidden), ξ_{σ−hidden+2}
        // (the one entering g_{σ−hidden+1}). coefficient[((x·count + σ)·n + t)·n + t'] = C^x_σ(t, t').
        var coefficient = [Double](repeating: 0, count: count * count * nn)
        // phi[m] = Φ_m (m = 0 … L−1, Φ_0 = 1); gam[m] = Γ_m (m = 1 … L, Γ_L = 1; gam[0] unused).
        let ones = [Double](repeating: 1, count: nn), zeros = [Double](repeating: 0, count: nn)
        var phi = [ones] + [[Double]](repeating: zeros, count: hidden)
        var gam = [[Double]](repeating: zeros, count: hidden + 1) + [ones]
        var u = [Double](repeating: 0, count: n), e = u, weight = u, left = u
        let c = eta * gamma
        func base(_ x: Int, _ sigma: Int, _ t: Int) -> Int { ((x * count + sigma) * n + t) * n }
        /// The covariance of source σ.
        func sourceKernel(_ sigma: Int) -> [Double] { sigma < hidden ? phi[sigma] : gam[sigma - hidden + 2] }
        /// Row t of field x = row t of `from` (if any) + `inject` at (σ, t) + Σ_{s<t} weight[s]·row s of `field`.
        func updateRow(_ x: Int, t: Int, from: Int?, inject: (sigma: Int, value: Double), field y: Int) {
            for sigma in 0..<count {
                let row = base(x, sigma, t)
                if let from {
                    let source = base(from, sigma, t)
                    for r in 0...t { coefficient[row + r] = coefficient[source + r] }
                } else {
                    for r in 0...t { coefficient[row + r] = 0 }
                }
                for s in 0..<t where weight[s] != 0 {
                    let w = weight[s], source = base(y, sigma, s)
                    for r in 0...s { coefficient[row + r] += w * coefficient[source + r] }
                }
            }
            coefficient[base(x, inject.sigma, t) + t] += inject.value
        }
        /// Row and column t of ⟨x y⟩ = Σ_σ C^x_σ cov_σ C^yᵀ_σ (only (t, t) if `diagonal`).
        func covarianceRow(_ x: Int, _ y: Int, t: Int, diagonal: Bool) -> [Double] {
            var out = [Double](repeating: 0, count: t + 1)
            for sigma in 0..<count {
                let kernel = sourceKernel(sigma), row = base(x, sigma, t)
                for r in 0...t { left[r] = 0 }
                for i in 0...t where coefficient[row + i] != 0 {
                    let ci = coefficient[row + i], k = i * n
                    for r in 0...t { left[r] += ci * kernel[k + r] }
                }
                for r in (diagonal ? t : 0)...t {
                    let other = base(y, sigma, r)
                    var sum = 0.0
                    for q in 0...r { sum += left[q] * coefficient[other + q] }
                    out[r] += sum
                }
            }
            return out
        }
        func store(_ row: [Double], t: Int, into kernel: inout [Double]) {
            for r in 0...t { kernel[t * n + r] = row[r]; kernel[r * n + t] = row[r] }
        }
        for t in 0..<n {
            if t % 4 == 0 { try monitor?.checkCancelled() }
            for m in 1...hidden {  // upward: h_m (field m − 1), then Φ_m
                if m == 1 {
                    for s in 0..<t { weight[s] = c * e[s] }
                    updateRow(0, t: t, from: nil, inject: (0, 1), field: hidden)
                } else {
                    let response = hidden + m - 2  // ξ_m, the source of w_m (it enters g_{m−1})
                    for s in 0..<t {
                        weight[s] = a * (coefficient[base(m - 2, response, t) + s] + c * a * e[s] * phi[m - 1][t * n + s])
                    }
                    updateRow(m - 1, t: t, from: m - 2, inject: (m - 1, a), field: hidden + m - 1)
                }
                store(covarianceRow(m - 1, m - 1, t: t, diagonal: false), t: t, into: &phi[m])
            }
            for m in stride(from: hidden, through: 1, by: -1) {  // downward: g_m (field hidden + m − 1), then Γ_m
                if m == hidden {
                    for s in 0..<t { weight[s] = c * e[s] }
                    updateRow(count - 1, t: t, from: nil, inject: (count - 1, 1), field: hidden - 1)
                } else {
                    let response = m  // χ_{m+1}, the source of z_{m+1}
                    for s in 0..<t {
                        weight[s] = a * (coefficient[base(hidden + m, response, t) + s] + c * a * e[s] * gam[m + 1][t * n + s])
                    }
                    updateRow(hidden + m - 1, t: t, from: hidden + m, inject: (hidden + m - 1, a), field: m - 1)
                }
                store(covarianceRow(hidden + m - 1, hidden + m - 1, t: t, diagonal: false), t: t, into: &gam[m])
            }
            u[t] = covarianceRow(hidden, 0, t: t, diagonal: true)[t] / gamma
            e[t] = target - u[t]
            if !(abs(u[t]) < 1e150) {
                for r in t..<n { u[r] = .infinity }
                break
            }
        }
        return steps.map { u[$0] }
    }
}
