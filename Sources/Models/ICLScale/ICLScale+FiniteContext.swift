import NumericCore

// MARK: - RRS at finite context: the deterministic equivalent of the polynomial's loss
//
// Derived here (the paper's equations could not be read). In Σ's eigenbasis, with Σ̂ = Λ^{1/2} W Λ^{1/2}, W the
// sample covariance of K = αd standard Gaussian tokens, and E[nnᵀ | X] = (ρd/K) Σ̂, the RRS loss of q is
//     E − ρ = (1/d) E tr(Ω q(Σ̂) Λ q(Σ̂)) + ρ (d/K) (1/d) E tr(Λ Σ̂ p(Σ̂)²),   p = (1 − q)/s.
// Deterministic equivalents (d, K → ∞ at fixed d/K; leave-one-out with Sherman–Morrison, as for ridge regression):
//  (1) (1 − zΣ̂)⁻¹ ≍ P(z) = (1 − φ(z) Λ)⁻¹ with φ = z (1 + (d/K) φ h(φ)), h(φ) = (1/d) tr Λ (1 − φΛ)⁻¹ — the
//      renormalised ridge κ = −1/φ at λ = −1/z of κ = λ / (1 − df₁(κ)/K);
//  (2) (1 − zΣ̂)⁻¹ B (1 − wΣ̂)⁻¹ ≍ P(z) (B + τ Λ) P(w), τ = (φ_z φ_w / K) tr(Λ P(z) B P(w)) / (1 − (φ_z φ_w / K)
//      tr(Λ P(z) Λ P(w))); for B = Λ, (1/d) tr Ω(…) = N(z, w) / (1 − (d/K) φ_z φ_w A(z, w)) with
//      N = (1/d) Σ_k Ω_k λ_k P_k(z) P_k(w) and A = (1/d) Σ_k λ_k² P_k(z) P_k(w).
// The moments the quadratic form of ICLScale+StructuredQuadratic.swift needs are in the U-basis of x = Σ̂/c₀ − 1:
// Σ_n U_n(X) u^n = (1 − 2uX + u²)⁻¹ = (1 + u)⁻² (1 − y(u) Σ̂)⁻¹ with y(u) = 2u / (c₀ (1 + u)²), so the generating
// functions are (1)–(2) composed with y(u): power series in u whose coefficients are the U-moments themselves
// (|u| < 1 maps outside [0, 2c₀] ⊇ spectrum, so they stay O(1) and no monomial-to-Chebyshev conversion loses digits).
// φ(u) and P_k(u) are built order by order (P_k = 1 + λ_k φ P_k), the two-point ratio by 2-D series division, and
//     S_ab = (1/d) E tr(Ω U_a Λ U_b) = [u^a v^b] (1 + u)⁻²(1 + v)⁻² N/(1 − (d/K) φφ A),
//     (1/d) E tr(Λ Σ̂ U_m) = (c₀/2) [u^(m+1)] h(φ(u)),   U_a U_b = Σ_{i=0}^{min(a,b)} U_{|a−b|+2i}.
// It is the d → ∞ limit at fixed α; at K = ∞ it is Σ_k m_k q(λ_k)², whose minimum over q is the Lanczos value of
// ICLScale+StructuredPolynomial.swift, and at ν = 0 ISO's Marchenko–Pastur loss. At finite d its error is O(1/d) but,
// for ν > 1, with a large, slowly reached coefficient (ICLScale+ExactMoments.swift explains why and gives the exact
// finite-d moments the theory uses for L ≤ 4; this form serves L > 4, where their (4L − 1)!! pairings are too many).

extension ICLScaleModel {
    /// The deterministic-equivalent RRS loss of degree-`depth` polynomials at context K = d/`aspect`
    /// (`aspect` = 0: K = ∞), as a quadratic form.
    static func finiteContextLoss(_ spectrum: StructuredSpectrum, aspect: Double, rho: Double,
                                  depth: Int) -> QuadraticLoss {
        let lambda = spectrum.lambda, omega = spectrum.omega, d = lambda.count, inverseD = 1 / Double(d)
        let center = polynomialCenter(spectrum, aspect: aspect)
        let terms = 2 * depth + 1
        let y = (0..<terms).map { m in m == 0 ? 0 : 2 / center * Double(m) * (m % 2 == 1 ? 1 : -1) }
        var phi = [Double](repeating: 0, count: terms), h = phi, phiH = phi
        var modes = [[Double]](repeating: [Double](repeating: 0, count: terms), count: d)
        for k in 0..<d { modes[k][0] = 1 }
        h[0] = lambda.reduce(0, +) * inverseD
        for m in 1..<terms {
            if m >= 2 { phiH[m - 1] = (1..<m).reduce(0.0) { $0 + phi[$1] * h[m - 1 - $1] } }
            phi[m] = y[m] + aspect * (1...m).reduce(0.0) { $0 + y[$1] * phiH[m - $1] }
            var mean = 0.0
            for k in 0..<d {
                var sum = 0.0
                for i in 1...m { sum += phi[i] * modes[k][m - i] }
                modes[k][m] = lambda[k] * sum
                mean += lambda[k] * modes[k][m]
            }
            h[m] = mean * inverseD
        }
        let size = depth + 1
        var numerator = Matrix(rows: size, columns: size), second = numerator
        for k in 0..<d {
            let signal = omega[k] * lambda[k] * inverseD, square = lambda[k] * lambda[k] * inverseD
            for a in 0..<size {
                for b in 0..<size {
                    let product = modes[k][a] * modes[k][b]
                    numerator.storage[a * size + b] += signal * product
                    second.storage[a * size + b] += square * product
                }
            }
        }
        var shift = Matrix(rows: size, columns: size), binomial = shift   // φ and (1 + u)⁻² as Toeplitz matrices
        for a in 0..<size {
            for i in 0...a {
                shift.storage[a * size + i] = phi[a - i]
                binomial.storage[a * size + i] = Double(a - i + 1) * ((a - i) % 2 == 0 ? 1 : -1)
            }
        }
        var denominator = shift * second * shift.transposed
        for i in denominator.storage.indices { denominator.storage[i] *= aspect }
        var ratio = Matrix(rows: size, columns: size)
        for a in 0..<size {
            for b in 0..<size {
                var value = numerator[a, b]
                for i in stride(from: 1, through: a, by: 1) {
                    for j in stride(from: 1, through: b, by: 1) { value += denominator[i, j] * ratio[a - i, b - j] }
                }
                ratio.storage[a * size + b] = value
            }
        }
        let moments = binomial * ratio * binomial.transposed
        let g = (0..<(2 * depth - 1)).map { center / 2 * h[$0 + 1] }
        return polynomialLoss(signal: moments, noise: g, center: center, rho: rho, aspect: aspect)
    }

    /// c₀ = λ₁ (1 + √(d/K))² / 2: the polynomial's interval [0, 2c₀] holds Σ̂'s spectrum up to its Marchenko–Pastur edge.
    static func polynomialCenter(_ spectrum: StructuredSpectrum, aspect: Double) -> Double {
        (spectrum.lambda.max() ?? 1) * (1 + aspect.squareRoot()) * (1 + aspect.squareRoot()) / 2
    }

    /// The quadratic form in c = (Q₁…Q_L) from the U-basis moments S_ab = (1/d) E tr(Ω U_a Λ U_b), a, b ≤ L, and
    /// g_m = (1/d) E tr(Λ Σ̂ U_m), m ≤ 2L − 2 (deterministic equivalent or exact): q = 1 + Σ_j c_j (U_j − U_j(−1)), and
    /// the noise term ρ (d/K) (1/d) E tr(Λ Σ̂ p²) with p = −Σ_j c_j R_j/c₀, U_a U_b = Σ_{i=0}^{min(a,b)} U_{|a−b|+2i}.
    static func polynomialLoss(signal moments: Matrix, noise g: [Double], center: Double, rho: Double,
                               aspect: Double) -> QuadraticLoss {
        let depth = moments.rows - 1
        var noise = Matrix(rows: depth, columns: depth)
        for a in 0..<depth {
            for b in 0..<depth {
                noise.storage[a * depth + b] = (0...min(a, b)).reduce(0.0) { $0 + g[abs(a - b) + 2 * $1] }
            }
        }
        var r = Matrix(rows: depth, columns: depth)   // column j − 1: R_j in U₀…U_{L−1}
        for j in 1...depth {
            r.storage[(j - 1) * depth + j - 1] += 2
            for i in 0..<depth {
                if j >= 2 { r.storage[i * depth + j - 1] -= 2 * r[i, j - 2] }
                if j >= 3 { r.storage[i * depth + j - 1] -= r[i, j - 3] }
            }
        }
        var noiseForm = r.transposed * noise * r
        let noiseScale = rho * aspect / (center * center)
        for i in noiseForm.storage.indices { noiseForm.storage[i] *= noiseScale }
        var loss = QuadraticLoss(size: depth, center: center)
        loss.constant = moments[0, 0]
        for i in 1...depth {
            let ui = Double(i + 1) * (i % 2 == 0 ? 1 : -1)   // U_i(−1)
            loss.linear[i - 1] = moments[i, 0] - ui * moments[0, 0]
            for j in 1...depth {
                let uj = Double(j + 1) * (j % 2 == 0 ? 1 : -1)
                loss.gram.storage[(i - 1) * depth + j - 1] = moments[i, j] - ui * moments[0, j] - uj * moments[i, 0]
                    + ui * uj * moments[0, 0] + noiseForm[i - 1, j - 1]
            }
        }
        return loss
    }
}