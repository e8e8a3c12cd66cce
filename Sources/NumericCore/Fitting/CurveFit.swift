/// Least-squares fits of the three laws researchers read off learning curves:
///
/// - `powerlaw`:    `y = prefactor · x^exponent`, a line in log–log coordinates
///                  (`log y = log prefactor + exponent · log x`); a decay has exponent < 0.
/// - `exponential`: `y = prefactor · exp(exponent · x)`, a line in `(x, log y)`.
/// - `linear`:      `y = prefactor + exponent · x` (prefactor is the intercept, exponent the slope).
///
/// The coefficients come from `LinearRegression` in the transformed coordinates;
/// the prefactor's standard error for the two multiplicative laws is propagated from
/// the log-intercept's by the delta method, `se(prefactor) = prefactor · se(log prefactor)`.
/// `r2` is measured in the transformed coordinates. Noise-free data are recovered to
/// about 1e-12 relative; with Gaussian noise in the transformed coordinates the
/// ±1 standard-error interval covers the truth about 68% of the time.
public struct CurveFit: Sendable, Equatable {
    /// The law fitted.
    public enum Law: String, Sendable, CaseIterable {
        case powerlaw, exponential, linear
    }

    /// The law fitted.
    public var law: Law
    /// The exponent (power law), rate (exponential) or slope (linear).
    public var exponent: Double
    /// The prefactor (power law, exponential) or intercept (linear).
    public var prefactor: Double
    /// The standard error of `exponent`.
    public var exponentStandardError: Double
    /// The standard error of `prefactor`.
    public var prefactorStandardError: Double
    /// The coefficient of determination in the transformed coordinates.
    public var r2: Double
    /// The number of points used.
    public var count: Int

    /// Fits `law` to the points `(x[i], y[i])`.
    /// - Parameters:
    ///   - x: abscissae; positive for a power law.
    ///   - y: ordinates; positive for a power law or an exponential.
    ///   - law: which law to fit.
    /// - Returns: the fitted coefficients with standard errors.
    /// - Throws: `FitError` naming the first point that cannot be fitted (e.g. y ≤ 0
    ///   for a power law) or a degenerate data set.
    public static func fit(x: [Double], y: [Double], law: Law) throws(FitError) -> CurveFit {
        guard x.count == y.count else { throw FitError("x has \(x.count) values but y has \(y.count)") }
        var u = x, v = y
        switch law {
        case .powerlaw:
            if let i = x.indices.first(where: { !(x[$0] > 0) || !(y[$0] > 0) }) {
                throw FitError("a power law needs x > 0 and y > 0, but point \(i) has x = \(x[i]), y = \(y[i])")
            }
            u = x.map { log($0) }
            v = y.map { log($0) }
        case .exponential:
            if let i = y.indices.first(where: { !(y[$0] > 0) }) {
                throw FitError("an exponential needs y > 0, but point \(i) has y = \(y[i])")
            }
            v = y.map { log($0) }
        case .linear:
            break
        }
        let line = try LinearRegression.fit(x: u, y: v)
        switch law {
        case .powerlaw, .exponential:
            let prefactor = exp(line.intercept)
            return CurveFit(law: law, exponent: line.slope, prefactor: prefactor,
                            exponentStandardError: line.slopeStandardError,
                            prefactorStandardError: prefactor * line.interceptStandardError,
                            r2: line.r2, count: line.count)
        case .linear:
            return CurveFit(law: law, exponent: line.slope, prefactor: line.intercept,
                            exponentStandardError: line.slopeStandardError,
                            prefactorStandardError: line.interceptStandardError,
                            r2: line.r2, count: line.count)
        }
    }

    /// The fitted curve at `x`.
    public func evaluate(_ x: Double) -> Double {
        switch law {
        case .powerlaw: return prefactor * pow(x, exponent)
        case .exponential: return prefactor * exp(exponent * x)
        case .linear: return prefactor + exponent * x
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
