import ComplexModule
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Numerical inversion of Laplace transforms by the fixed Talbot method (Abate & Valkó
/// 2004, "Multi-precision Laplace transform inversion", Int. J. Numer. Meth. Eng. 60,
/// eq. (12)): f(t) = (1/2πi) ∫ e^{zt} F(z) dz along the contour
/// z(θ) = r θ (cot θ + i), −π < θ < π, r = 2n/(5t), sampled at θ_k = kπ/n.
///
/// The contour encloses the negative real axis, where every transform of the
/// gradient-flow theory has its singularities (the spectrum of −G), and the origin
/// (the atom of the unlearnable part). With n = 24 nodes the error in double
/// precision is about 1e-11 relative to max |f| (roundoff e^{0.4 n}·ε dominates).
///
/// The rule is written as f(t) ≈ Σ_{k=−(n−1)}^{n−1} c_k F(z_k) with complex weights
/// c_k, so that double transforms f(t₁, t₂) are Σ_j Σ_k c_j c_k F(z_j, z_k).
struct TalbotRule: Sendable {
    /// The nodes z_k for k = 0..n−1 (the nodes for negative k are their conjugates).
    var nodes: [Complex<Double>]
    /// The weights c_k for k = 0..n−1 (negative k: conjugates).
    var weights: [Complex<Double>]

    /// The rule for inverting at time `t` > 0 with `n` nodes on the upper half contour,
    /// the contour scaled for `contourTime` (t unless given; a larger value keeps the
    /// contour closer to the origin).
    init(time t: Double, nodes n: Int = 24, contourTime: Double? = nil) {
        precondition(t > 0 && n >= 2)
        let r = 2 * Double(n) / (5 * (contourTime ?? t))
        var z = [Complex<Double>](), c = [Complex<Double>]()
        z.reserveCapacity(n)
        c.reserveCapacity(n)
        z.append(Complex(r))
        c.append(Complex(r / (2 * Double(n)) * exp(r * t)))
        for k in 1..<n {
            let theta = Double(k) * Double.pi / Double(n)
            let cot = 1 / tan(theta)
            let node = Complex(r * theta * cot, r * theta)
            let sigma = theta + (theta * cot - 1) * cot
            let weight = (r / (2 * Double(n))) * (Complex.exp(Complex(t) * node) * Complex(1, sigma))
            z.append(node)
            c.append(weight)
        }
        nodes = z
        weights = c
    }

    /// f(t) for a transform F with F(z̄) = conj F(z) (real-valued f), given F at the
    /// upper-half nodes.
    func invert(_ values: [Complex<Double>]) -> Double {
        var sum = (weights[0] * values[0]).real
        for k in 1..<nodes.count { sum += 2 * (weights[k] * values[k]).real }
        return sum
    }

    /// f(t, t) for a double transform F(z₁, z₂) with F(z̄₁, z̄₂) = conj F(z₁, z₂),
    /// given `value(j, k, conjugateSecond)`: F at (z_j, z_k) or (z_j, z̄_k).
    func invertDouble(_ value: (Int, Int, Bool) -> Complex<Double>) -> Double {
        let n = nodes.count
        var total = 0.0
        for j in 0..<n {
            // g_j = Σ_k c_k F(z_j, z_k) over the full (conjugate-symmetric) node set.
            var g = weights[0] * value(j, 0, false)
            for k in 1..<n {
                g += weights[k] * value(j, k, false)
                g += weights[k].conjugate * value(j, k, true)
            }
            let term = (weights[j] * g).real
            total += j == 0 ? term : 2 * term
        }
        return total
    }
}
