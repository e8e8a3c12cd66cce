import NumericCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - The loss of L equal in-context gradient steps, over a spectrum
//
// Derived here (the equations of Bordelon, Letey & Pehlevan, arXiv 2510.01098, could not be read).
// With Σ̂ = (d/K) Σ xᵢxᵢᵀ and b = Σ̂w + n, n = (d/K) Σ εᵢxᵢ, L steps of size g from w₀ = 0 give
//     w − w_L = q(Σ̂) w − p(Σ̂) n,   q(s) = (1 − g s)^L,   p(s) = (1 − q(s))/s = g Σ_{m<L} (1 − g s)^m,
// and the error on a query averaged over x_q and its noise is (1/d)‖w − w_L‖² + ρ. In the eigenbasis
// (s_j) of Σ̂, with w̃ = Vᵀw and ñ = Vᵀn, that is
//     E(g) = ρ + Σ_j [a_j q(s_j)² − 2 c_j q(s_j) p(s_j) + n_j p(s_j)²],
// with a_j = w̃_j²/d, c_j = w̃_j ñ_j/d, n_j = ñ_j²/d for one context (averaged over contexts in
// `simulate`), and, as d → ∞ with K = αd (w ~ N(0, I), E[nnᵀ|X] = (ρ/α)Σ̂), a_j = μ_j, c_j = 0,
// n_j = (ρ/α) s_j μ_j over the Marchenko–Pastur law (μ_j its quadrature weights; ICLScale+Spectrum.swift).
// Gradient flow of each layer's η_ℓ from η = 0 keeps them equal (the loss is symmetric in them),
// so g obeys dg/dt = −∂E/∂η_ℓ = −(1/L) dE/dg, with dq/dg = −L s (1 − g s)^(L−1), dp/dg = L (1 − g s)^(L−1).
// Being one-dimensional, the flow is solved by quadrature: t(g) = L ∫₀^g dg′ / (−E′(g′)), inverted
// numerically (`curve`); its t → ∞ limit is the first zero g* of E′ above 0.

extension ICLScaleModel {
    /// E(g) = ρ + Σ_j [a_j q² − 2 c_j q p + n_j p²] for L equal in-context gradient steps of size g.
    struct SpectralLoss: Sendable {
        var s: [Double]
        var a: [Double]
        var c: [Double]
        var n: [Double]
        var rho: Double
        var depth: Int

        /// (q, p, dq/dg, dp/dg) at eigenvalue s.
        private func polynomials(_ g: Double, _ s: Double) -> (q: Double, p: Double, dq: Double, dp: Double) {
            let u = 1 - g * s
            var power = 1.0, sum = 0.0
            for _ in 0..<(depth - 1) { sum += power; power *= u }
            sum += power   // Σ_{m<L} u^m; power = u^(L−1)
            return (power * u, g * sum, -Double(depth) * s * power, Double(depth) * power)
        }

        /// The loss E(g) (including ρ).
        func loss(_ g: Double) -> Double {
            var total = rho
            for j in s.indices {
                let (q, p, _, _) = polynomials(g, s[j])
                total += a[j] * q * q - 2 * c[j] * q * p + n[j] * p * p
            }
            return total
        }

        /// dE/dg.
        func slope(_ g: Double) -> Double {
            var total = 0.0
            for j in s.indices {
                let (q, p, dq, dp) = polynomials(g, s[j])
                total += 2 * (a[j] * q * dq - c[j] * (dq * p + q * dp) + n[j] * p * dp)
            }
            return total
        }

        /// g* = the end of training: the first zero of dE/dg above g = 0, found by stepping g up
        /// by 1/64 of 2/s_max (past 2/s_max every step diverges on the top eigenvalue) and Brent.
        func limit() throws(ModelError) -> Double {
            let top = s.max() ?? 1
            let h = 2 / max(top, 1e-12) / 64
            var lower = 0.0
            guard slope(0) < 0 else { return 0 }
            for _ in 0..<4096 {
                let upper = lower + h
                if slope(upper) >= 0 {
                    do { return try RootFinding.brent(in: (lower, upper), relativeTolerance: 1e-14) { slope($0) } }
                    catch { break }
                }
                lower = upper
            }
            throw ModelError.notSolved(task: "iclscale theory", unknown: "the end point of the gradient flow (the root of dE/dg)",
                                       at: [.init("g", lower)], cause: "dE/dg < 0 up to there", parameter: nil)
        }

        /// (t, loss, g) along the flow at the requested times. With g = g*(1 − e^(−v)) the time
        /// t(v) = L ∫₀^v g* e^(−v′) / (−E′(g(v′))) dv′ has a smooth integrand (→ L/E″(g*) at a
        /// simple minimum; growing like e^((2L−2)v) at α = ∞), so it is tabulated by Simpson on cells
        /// of width ≤ 0.04 in v, halved until the integrand changes by under 5% across a cell, up to
        /// v = 36 (1 − g/g* below double precision) or the last finite requested time; each time is
        /// inverted by linear interpolation in its cell and Newton steps on the partial-cell Simpson.
        func curve(_ times: [Double], monitor: WorkMonitor) throws -> [(t: Double, loss: Double, step: Double)] {
            try monitor.checkCancelled()
            let end = try limit()
            guard end > 0 else { return times.map { ($0, loss(0), 0) } }
            let scale = Double(depth) * end
            func rate(_ v: Double) -> Double {
                let e = exp(-v), drop = -slope(end * (1 - e))
                return drop > 0 ? scale * e / drop : .infinity
            }
            let lastTime = times.filter(\.isFinite).max() ?? 0
            var table: [(v: Double, t: Double, rate: Double)] = [(0, 0, rate(0))]
            var h = 0.04
            while let last = table.last, last.t <= lastTime, last.v < 36, last.rate.isFinite {
                if table.count % 256 == 0 { try monitor.checkCancelled() }
                let right = rate(last.v + h), middle = rate(last.v + h / 2)
                // E′ has rounded to ≥ 0: g is at g* to double precision from here on.
                guard right.isFinite, middle.isFinite else { break }
                if h > 1e-9, !(abs(log(right / last.rate)) <= 0.05) { h /= 2; continue }
                table.append((last.v + h, last.t + h / 6 * (last.rate + 4 * middle + right), right))
                if abs(log(right / last.rate)) < 0.0125 { h = min(0.04, 2 * h) }
            }
            var rows: [(Double, Double, Double)] = []
            for (i, t) in times.enumerated() {
                monitor.report(done: i, total: times.count, label: "iclscale flow")
                var g = end
                if let k = table.indices.dropLast().first(where: { table[$0 + 1].t > t }) {
                    let (v0, t0, r0) = table[k], (v1, t1, _) = table[k + 1]
                    var v = v0 + (v1 - v0) * (t - t0) / (t1 - t0)
                    for _ in 0..<4 {
                        let here = rate(v)
                        let reached = t0 + (v - v0) / 6 * (r0 + 4 * rate((v0 + v) / 2) + here)
                        let next = v + (t - reached) / here
                        guard next.isFinite, next >= v0, next <= v1 else { break }
                        v = next
                    }
                    g = end * (1 - exp(-v))
                }
                rows.append((t, loss(g), g))
            }
            monitor.report(done: times.count, total: times.count, label: "iclscale flow")
            return rows
        }
    }
}
