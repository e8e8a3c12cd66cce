import NumericCore

// MARK: - RRS at infinite context: the optimal degree-L polynomial
//
// Derived here (not the paper's equations). At K → ∞, Σ̂ = Σ and n = 0, so L layers with steps η_ℓ leave the error
// w − w_L = q(Σ) w with q(s) = Π_ℓ (1 − η_ℓ s), and E − ρ = Σ_k m_k q(λ_k)², m_k = λ_k Ω_k / d. The steps are
// rotation-invariant, so they are what RRS training can learn; the end of training is the minimum over q of
// degree ≤ L with q(0) = 1. (That minimiser has L real simple roots inside (λ_min, λ_max), so it is reached by real
// steps η_ℓ = 1/root; it is the polynomial L steps of conjugate gradient would pick for the averaged measure.) With p_j the orthonormal
// polynomials of the measure μ = Σ_k m_k δ_{λ_k}, min ∫ q² dμ = 1 / Σ_{j=0}^{L} p_j(0)² (the Christoffel function at
// 0), computed by Lanczos on diag(λ) from the start vector √m, with full reorthogonalisation; the recurrence
// p_{j+1}(0) = (−a_j p_j(0) − b_j p_{j−1}(0)) / b_{j+1} runs on its coefficients. If the Krylov space closes
// (b ≈ 0: at most j distinct eigenvalues carry weight) a degree-j polynomial vanishes on them and the minimum is 0.
//
// The rate in L (derived here by construction, and checked against this minimum in ICLScalingTests): put n roots on
// the top n modes and a degree-m Chebyshev polynomial on [ε, λ_n]; it is e^(−2m√(ε/λ_n)) small there, so every mode
// with λ_k > λ_n/m² is suppressed and the loss is the mass beyond k* = n·m^(2/ν), Σ_{k>k*} m_k ∝ k*^(1−νβ). With
// n + m = L the best split n = νL/(ν+2) gives k* ∝ L^(1+2/ν), so E − ρ ∝ L^(−(1 + 2/ν)(νβ − 1)) (νβ > 1, d → ∞).
// One shared step (ISO-style training) reaches only k* ∝ L^(1/ν); FS and ISO are at ρ already at L = 1.

extension ICLScaleModel {
    /// min over q of degree ≤ `depth` with q(0) = 1 of Σ_k weights_k q(lambda_k)² (without ρ).
    static func optimalPolynomialExcess(lambda: [Double], weights: [Double], depth: Int) -> Double {
        let top = lambda.max() ?? 1
        let nodes = lambda.map { $0 / top }   // the minimum is invariant under s → s/top
        let total = weights.reduce(0, +)
        guard total > 0 else { return 0 }
        var basis: [[Double]] = [weights.map { ($0 / total).squareRoot() }]
        var previous = 0.0, current = 1 / total.squareRoot(), sum = current * current
        var offDiagonal = 0.0
        for _ in 0..<depth {
            let v = basis[basis.count - 1]
            var w = zip(nodes, v).map { $0 * $1 }
            if basis.count > 1 { axpy(-offDiagonal, basis[basis.count - 2], &w) }
            let diagonal = dot(v, w)
            axpy(-diagonal, v, &w)
            for _ in 0..<2 { for u in basis { axpy(-dot(u, w), u, &w) } }
            let norm = dot(w, w).squareRoot()
            guard norm > 1e-13 else { return 0 }
            let next = (-diagonal * current - offDiagonal * previous) / norm
            sum += next * next
            (previous, current, offDiagonal) = (current, next, norm)
            basis.append(w.map { $0 / norm })
        }
        return 1 / sum
    }
}
