import ComplexModule

// What the gradient-flow theory adds to swift-numerics' Complex<Double>: scaling by a
// real (the library has only `multiplied(by:)`), and division by Smith's algorithm.

extension Complex<Double> {
    /// a·z for a real a.
    @_transparent
    static func * (a: Double, z: Complex<Double>) -> Complex<Double> { z.multiplied(by: a) }

    /// a/z for a real a.
    @_transparent
    static func / (a: Double, z: Complex<Double>) -> Complex<Double> { Complex(a) / z }

    /// z/w by Smith's algorithm (R. L. Smith 1962, CACM 5(8) 435, Algorithm 116), which
    /// the theory's finite-P double Laplace inversion was validated with. swift-numerics
    /// divides as z·w̄/|w|², equally accurate but rounded differently, and the double
    /// inversion's cancellation carries that rounding into the 7th printed digit of
    /// notebooks/dynamical-scaling-laws.ipynb; Flow's complex quotients all come here
    /// (the more specific overload). Inlined: the mode sums call it per mode.
    @inline(__always)
    static func / (z: Complex<Double>, w: Complex<Double>) -> Complex<Double> {
        if abs(w.real) >= abs(w.imaginary) {
            let r = w.imaginary / w.real, d = w.real + w.imaginary * r
            return Complex((z.real + z.imaginary * r) / d, (z.imaginary - z.real * r) / d)
        } else {
            let r = w.real / w.imaginary, d = w.real * r + w.imaginary
            return Complex((z.real * r + z.imaginary) / d, (z.imaginary * r - z.real) / d)
        }
    }
}
