#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Numerical integration: adaptive Simpson on finite intervals (to a requested
/// absolute tolerance) and Gauss–Hermite rules for Gaussian expectations, whose nodes
/// come from the Golub–Welsch eigenproblem of the Hermite Jacobi matrix (LAPACK dsyevd).
public enum Quadrature {
    /// ∫ₐᵇ f(x) dx by adaptive Simpson, splitting until each piece meets its share of
    /// `tolerance` (absolute) or `maxDepth` halvings are reached.
    public static func simpson(_ a: Double, _ b: Double, tolerance: Double = 1e-10, maxDepth: Int = 50,
                               _ f: (Double) -> Double) -> Double {
        let fa = f(a), fb = f(b), m = (a + b) / 2, fm = f(m)
        let whole = (b - a) / 6 * (fa + 4 * fm + fb)
        return refine(a, b, fa, fm, fb, whole, tolerance, maxDepth, f)
    }

    private static func refine(_ a: Double, _ b: Double, _ fa: Double, _ fm: Double, _ fb: Double, _ whole: Double,
                               _ tolerance: Double, _ depth: Int, _ f: (Double) -> Double) -> Double {
        let m = (a + b) / 2
        let lm = (a + m) / 2, rm = (m + b) / 2
        let flm = f(lm), frm = f(rm)
        let left = (m - a) / 6 * (fa + 4 * flm + fm)
        let right = (b - m) / 6 * (fm + 4 * frm + fb)
        let delta = left + right - whole
        // A NaN or infinite integrand never meets the tolerance: refining it would take
        // 2^depth evaluations to return the same NaN, so it is returned at once.
        if depth <= 0 || !delta.isFinite || abs(delta) <= 15 * tolerance { return left + right + delta / 15 }
        return refine(a, m, fa, flm, fm, left, tolerance / 2, depth - 1, f)
            + refine(m, b, fm, frm, fb, right, tolerance / 2, depth - 1, f)
    }

    /// Nodes and weights of the `count`-point rule for E[f(Z)], Z ~ N(0, 1)
    /// (probabilists' Gauss–Hermite, weights summing to 1), exact for polynomials of
    /// degree < 2·count.
    public static func gaussHermiteNormal(_ count: Int) throws(LinearAlgebraError) -> [(node: Double, weight: Double)] {
        precondition(count >= 1, "a Gauss–Hermite rule needs at least one node")
        var jacobi = Matrix(rows: count, columns: count)
        for i in 1..<max(count, 1) {
            let offDiagonal = Double(i).squareRoot()  // He_n recurrence: x He_n = He_{n+1} + n He_{n-1}
            jacobi[i - 1, i] = offDiagonal
            jacobi[i, i - 1] = offDiagonal
        }
        let (values, vectors) = try jacobi.symmetricEigen()
        return (0..<count).map { j in (values[j], vectors[0, j] * vectors[0, j]) }
    }
}
