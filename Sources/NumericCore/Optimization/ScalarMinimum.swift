/// One-dimensional minimisation of a function that may have several dips: a uniform
/// scan picks the best grid point, then golden-section search refines inside its two
/// neighbouring cells until the bracket is narrower than `tolerance`.
public enum ScalarMinimum {
    /// The x in [lower, upper] minimising f: `scan` + 1 grid points, then golden section
    /// to an absolute bracket width `tolerance`; returns the bracket's midpoint.
    public static func scanThenGolden<E: Error>(lower: Double, upper: Double, scan: Int, tolerance: Double,
                                                _ f: (Double) throws(E) -> Double) throws(E) -> Double {
        precondition(scan >= 1 && tolerance > 0)
        func grid(_ i: Int) -> Double { lower + (upper - lower) * Double(i) / Double(scan) }
        var best = 0, bestValue = Double.infinity
        for i in 0...scan {
            let value = try f(grid(i))
            if value < bestValue { best = i; bestValue = value }
        }
        var lo = grid(max(0, best - 1)), hi = grid(min(scan, best + 1))
        let ratio = (5.0.squareRoot() - 1) / 2
        var x1 = hi - ratio * (hi - lo), x2 = lo + ratio * (hi - lo)
        var f1 = try f(x1), f2 = try f(x2)
        while hi - lo > tolerance {
            if f1 < f2 {
                hi = x2; x2 = x1; f2 = f1
                x1 = hi - ratio * (hi - lo); f1 = try f(x1)
            } else {
                lo = x1; x1 = x2; f1 = f2
                x2 = lo + ratio * (hi - lo); f2 = try f(x2)
            }
        }
        return 0.5 * (lo + hi)
    }
}
