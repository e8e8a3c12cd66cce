import ComplexModule

// swift-numerics' Complex scales by a real only through `multiplied(by:)`; these two
// operators keep the gradient-flow theory's formulas written as in the papers.

extension Complex<Double> {
    /// a·z for a real a.
    @_transparent
    static func * (a: Double, z: Complex<Double>) -> Complex<Double> { z.multiplied(by: a) }

    /// a/z for a real a.
    @_transparent
    static func / (a: Double, z: Complex<Double>) -> Complex<Double> { Complex(a) / z }
}
