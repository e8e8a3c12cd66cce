/// Robust scalar root finding by Brent's method (bracketing: bisection safeguarded
/// inverse-quadratic interpolation), converging to a relative tolerance of 1e-13 by
/// default. Used by every self-consistent equation in the models (the renormalised
/// ridge κ, random-feature κ₂, ...).
public enum RootFinding {
    /// Why a root could not be found.
    public enum Failure: Error, Equatable {
        /// f(a) and f(b) have the same sign: no bracketed root.
        case notBracketed(a: Double, fa: Double, b: Double, fb: Double)
        /// f returned NaN inside the bracket.
        case notANumber(at: Double)
        /// The iteration limit was reached.
        case noConvergence
    }

    /// A root of `f` in [a, b], where f(a) and f(b) have opposite signs (or one is 0).
    /// - Parameters:
    ///   - relativeTolerance: stop when the bracket is below this times |x| (plus a
    ///     tiny absolute floor `absoluteTolerance`).
    /// - Throws: `Failure` if the root is not bracketed or the function misbehaves.
    public static func brent(in interval: (Double, Double), relativeTolerance: Double = 1e-13,
                             absoluteTolerance: Double = 1e-300, maxIterations: Int = 500,
                             _ f: (Double) -> Double) throws(Failure) -> Double {
        var a = interval.0, b = interval.1
        var fa = f(a), fb = f(b)
        if fa.isNaN { throw .notANumber(at: a) }
        if fb.isNaN { throw .notANumber(at: b) }
        if fa == 0 { return a }
        if fb == 0 { return b }
        guard (fa > 0) != (fb > 0) else { throw .notBracketed(a: a, fa: fa, b: b, fb: fb) }
        var c = a, fc = fa
        var d = b - a, e = d
        for _ in 0..<maxIterations {
            if (fb > 0) == (fc > 0) { c = a; fc = fa; d = b - a; e = d }
            if abs(fc) < abs(fb) { a = b; b = c; c = a; fa = fb; fb = fc; fc = fa }
            let tol = 2 * Double.ulpOfOne * abs(b) + 0.5 * max(relativeTolerance * abs(b), absoluteTolerance)
            let m = 0.5 * (c - b)
            if abs(m) <= tol || fb == 0 { return b }
            if abs(e) >= tol && abs(fa) > abs(fb) {
                let s = fb / fa
                var p: Double, q: Double
                if a == c {
                    p = 2 * m * s; q = 1 - s
                } else {
                    let qa = fa / fc, r = fb / fc
                    p = s * (2 * m * qa * (qa - r) - (b - a) * (r - 1))
                    q = (qa - 1) * (r - 1) * (s - 1)
                }
                if p > 0 { q = -q } else { p = -p }
                if 2 * p < min(3 * m * q - abs(tol * q), abs(e * q)) {
                    e = d; d = p / q
                } else {
                    d = m; e = m
                }
            } else {
                d = m; e = m
            }
            a = b; fa = fb
            b += abs(d) > tol ? d : (m > 0 ? tol : -tol)
            fb = f(b)
            if fb.isNaN { throw .notANumber(at: b) }
        }
        throw .noConvergence
    }

    /// A root of an increasing-or-decreasing `f` on (lower, ∞): expands the upper end
    /// geometrically from `guess` until the sign changes, then runs Brent.
    public static func brentExpanding(lower: Double, guess: Double, relativeTolerance: Double = 1e-13,
                                      _ f: (Double) -> Double) throws(Failure) -> Double {
        let flo = f(lower)
        var hi = max(guess, lower + 1e-300)
        var fhi = f(hi)
        var steps = 0
        while (flo > 0) == (fhi > 0) && fhi != 0 && steps < 2000 {
            hi *= 2
            fhi = f(hi)
            steps += 1
        }
        return try brent(in: (lower, hi), relativeTolerance: relativeTolerance, f)
    }
}
