import NumericCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - The d → ∞ spectral loss over the Marchenko–Pastur law
//
// Σ̂ = (d/K) Σᵢ xᵢxᵢᵀ with xᵢ ~ N(0, I/d) and K = αd has, as d → ∞, the Marchenko–Pastur law of
// aspect c = 1/α: density √((b − s)(s − a)) / (2π c s) on [a, b] = [(1 − √c)², (1 + √c)²] and an atom
// of mass 1 − α at s = 0 when α < 1. With s = m + h cos θ (m = 1 + c, h = 2√c) the integral of f is
//     (h² / 2πc) ∫₀^π f(s) sin²θ / s dθ,
// and the trapezoid rule in θ (nodes θ_j = jπ/(n+1)) integrates f(s) sin²θ / s. That integrand is
// singular where the support reaches 0 (α = 1), so the rule is applied only to the regular parts: every
// integrand here is f(s) = f(0) + s·r(s) with r a polynomial (f(0) = q(0)² = 1 for the signal term, 0 for the
// noise term), r(s) sin²θ is a trigonometric polynomial the rule integrates exactly, and the mass the rule
// misses, 1 − Σ μ_j (which includes the atom 1 − α at 0 when α < 1), is put on a node at s = 0. The loss is
// then exact up to rounding for n > 2L + 1 (checked against n = 2048 in ICLScalingTests). α = ∞ is the point mass
// at s = 1 (K → ∞: Σ̂ = I, no noise in b).

extension ICLScaleModel {
    /// The Marchenko–Pastur spectral loss of L equal gradient steps at context α = K/d and noise ρ.
    static func theoryLoss(alpha: Double, rho: Double, depth: Int, nodes: Int = 256) -> SpectralLoss {
        if alpha.isInfinite { return SpectralLoss(s: [1], a: [1], c: [0], n: [0], rho: rho, depth: depth) }
        let c = 1 / alpha, m = 1 + c, h = 2 * c.squareRoot()
        var s: [Double] = [], weights: [Double] = []
        for j in 1...nodes {
            let theta = Double(j) * .pi / Double(nodes + 1)
            let node = m + h * cos(theta)
            s.append(node)
            weights.append(h * h / (2 * .pi * c) * .pi / Double(nodes + 1) * sin(theta) * sin(theta) / node)
        }
        s.append(0)
        weights.append(1 - weights.reduce(0, +))
        return SpectralLoss(s: s, a: weights, c: [Double](repeating: 0, count: s.count),
                            n: zip(s, weights).map { rho / alpha * $0 * $1 }, rho: rho, depth: depth)
    }
}
