import NumericCore

// MARK: - RRS: the loss as a quadratic form in the network's polynomial, and its steps
//
// Derived here. The RRS network's error is e = q(Σ̂) w − p(Σ̂) n with q(s) = Π_ℓ (1 − η_ℓ s), p = (1 − q)/s. On
// [0, M] (M an upper bound of Σ̂'s spectrum) put x = 2s/M − 1 and write q in Chebyshev polynomials of the second
// kind, q = Σ_j Q_j U_j(x). Since q(0) = 1 (x = −1, U_j(−1) = (−1)^j (j + 1)), Q₀ is fixed by Q₁…Q_L, and with
// c_j = Q_j the loss is quadratic: E(c) = ρ + constant + 2 linearᵀc + cᵀ gram c (simulate: averaged over sampled
// contexts; theory: the deterministic equivalent of ICLScale+FiniteContext.swift). The basis functions are
// φ_j(s) = U_j(x) − U_j(−1) (q = 1 + Σ c_j φ_j) and ψ_j = φ_j/s = R_j(x)/c₀, c₀ = M/2, where R_j = (U_j − U_j(−1))/(1 + x)
// obeys R_j = 2U_{j−1} − 2R_{j−1} − R_{j−2}, R₀ = 0 (from U_j = 2xU_{j−1} − U_{j−2}). The product of the factors
// 1 − η s = (1 − ηc₀) − ηc₀ x is formed in the same basis (x U₀ = U₁/2, x U_j = (U_{j+1} + U_{j−1})/2), so the steps
// η map to c, and gradient flow on the steps, dη_ℓ/dt = −∂E/∂η_ℓ, runs on the same quadratic form.

extension ICLScaleModel {
    /// A loss that is quadratic in the polynomial's coefficients c = (Q₁…Q_L) in the U-basis on [0, 2·center]:
    /// E(c) = ρ + constant + 2 linearᵀc + cᵀ gram c.
    struct QuadraticLoss: Sendable {
        var gram: Matrix
        var linear: [Double]
        var constant = 0.0
        /// c₀ = M/2, the centre of the polynomial's interval [0, M].
        var center: Double

        init(size: Int, center: Double) {
            gram = Matrix(rows: size, columns: size)
            linear = [Double](repeating: 0, count: size)
            self.center = center
        }

        var depth: Int { linear.count }

        /// E(c), including ρ.
        func value(_ c: [Double], rho: Double) -> Double {
            rho + constant + 2 * dot(linear, c) + dot(c, gram.times(c))
        }

        /// The minimum over c (the end of training) and its minimiser.
        func minimum(rho: Double) throws -> (loss: Double, c: [Double]) {
            let c = try gram.choleskySolve(linear.map { -$0 })
            return (value(c, rho: rho), c)
        }

        /// c(η): the U-coefficients Q₁…Q_L of Π_ℓ (1 − η_ℓ s).
        func coefficients(_ eta: [Double]) -> [Double] {
            var f = [Double](repeating: 0, count: depth + 1), scratch = f
            Self.product(eta, center: center, into: &f, scratch: &scratch)
            return Array(f.dropFirst())
        }

        /// ∂E/∂η_ℓ for every step (the flow's velocity, called at every integration stage: it reuses
        /// three buffers and sums the L × L products in plain loops instead of allocating per factor).
        func gradient(_ eta: [Double]) -> [Double] {
            let n = depth
            var f = [Double](repeating: 0, count: n + 1), scratch = f
            Self.product(eta, center: center, into: &f, scratch: &scratch)
            var slope = [Double](repeating: 0, count: n)
            for j in 0..<n {
                var sum = 0.0
                for k in 0..<n { sum += gram[j, k] * f[k + 1] }
                slope[j] = 2 * (sum + linear[j])
            }
            return (0..<n).map { l in
                // ∂q/∂η_ℓ = −s Π_{m≠ℓ} (1 − η_m s), and −s = −c₀ − c₀ x is the factor with step 1.
                Self.product(eta, skipping: l, center: center, into: &f, scratch: &scratch)
                Self.multiply(&f, constant: -center, linear: -center, scratch: &scratch)
                var sum = 0.0
                for j in 0..<n { sum += slope[j] * f[j + 1] }
                return sum
            }
        }

        /// U-coefficients (degree < f.count) of Π (1 − η s) over the steps but `skipping`, with s = c₀ (1 + x), into f.
        static func product(_ eta: [Double], skipping: Int? = nil, center: Double,
                            into f: inout [Double], scratch: inout [Double]) {
            for i in f.indices { f[i] = i == 0 ? 1 : 0 }
            for (l, step) in eta.enumerated() where l != skipping {
                multiply(&f, constant: 1 - step * center, linear: -step * center, scratch: &scratch)
            }
        }

        /// f ← f · (a + b x) in the U-basis (the top coefficient must have room: it is dropped); scratch has f's size.
        static func multiply(_ f: inout [Double], constant a: Double, linear b: Double, scratch: inout [Double]) {
            for i in f.indices { scratch[i] = f[i]; f[i] = a * f[i] }
            for i in f.indices where scratch[i] != 0 {
                if i + 1 < f.count { f[i + 1] += b * scratch[i] / 2 }
                if i >= 1 { f[i - 1] += b * scratch[i] / 2 }
            }
        }
    }
}
