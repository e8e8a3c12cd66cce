/// Ordinary least squares for a straight line `y = intercept + slope · x`, with the
/// classical standard errors of both coefficients.
///
/// With residual variance `s² = Σ rᵢ² / (n − 2)`, `Sxx = Σ (xᵢ − x̄)²`:
/// `se(slope) = √(s² / Sxx)`, `se(intercept) = √(s² (1/n + x̄² / Sxx))`
/// (e.g. Draper & Smith, *Applied Regression Analysis*, §1.4). Sums are taken about
/// the means, so a noise-free line is recovered to a few ulps of its coefficients.
public struct LinearRegression: Sendable, Equatable {
    /// The fitted slope.
    public var slope: Double
    /// The fitted intercept.
    public var intercept: Double
    /// The standard error of the slope.
    public var slopeStandardError: Double
    /// The standard error of the intercept.
    public var interceptStandardError: Double
    /// The coefficient of determination `1 − SSR / SST` (1 when all y are equal and fitted exactly).
    public var r2: Double
    /// The number of points used.
    public var count: Int

    /// Fits a line through `(x[i], y[i])`.
    /// - Parameters:
    ///   - x: abscissae (at least 3, not all equal, all finite).
    ///   - y: ordinates, as many as `x`, all finite.
    /// - Returns: the fit with standard errors.
    /// - Throws: `FitError` if there are too few points, lengths differ, a value is not
    ///   finite, or all `x` are equal.
    public static func fit(x: [Double], y: [Double]) throws(FitError) -> LinearRegression {
        guard x.count == y.count else {
            throw FitError("x has \(x.count) values but y has \(y.count)")
        }
        guard x.count >= 3 else {
            throw FitError("a fit needs at least 3 points (got \(x.count)) to estimate standard errors")
        }
        if let i = x.indices.first(where: { !x[$0].isFinite || !y[$0].isFinite }) {
            throw FitError("point \(i) is not finite (x = \(x[i]), y = \(y[i]))")
        }
        let n = Double(x.count)
        let xMean = x.reduce(0, +) / n
        let yMean = y.reduce(0, +) / n
        var sxx = 0.0, sxy = 0.0, syy = 0.0
        for i in x.indices {
            let dx = x[i] - xMean, dy = y[i] - yMean
            sxx += dx * dx
            sxy += dx * dy
            syy += dy * dy
        }
        guard sxx > 0 else { throw FitError("all x values are equal; the slope is undetermined") }
        let slope = sxy / sxx
        let intercept = yMean - slope * xMean
        var ssr = 0.0
        for i in x.indices {
            let r = y[i] - (intercept + slope * x[i])
            ssr += r * r
        }
        let s2 = ssr / (n - 2)
        return LinearRegression(
            slope: slope, intercept: intercept,
            slopeStandardError: (s2 / sxx).squareRoot(),
            interceptStandardError: (s2 * (1 / n + xMean * xMean / sxx)).squareRoot(),
            r2: syy > 0 ? max(0, 1 - ssr / syy) : 1,
            count: x.count)
    }
}

/// Why a fit could not be made.
public struct FitError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong with the data.
    public var message: String
    /// Makes an error.
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
