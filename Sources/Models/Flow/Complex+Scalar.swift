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
    /// (the more specific overload).
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

/// a/w for real a, four lanes at a time, by the same Smith division as `Complex / Complex`
/// above with z = a + 0i, operation for operation, so every lane has the bits of the scalar
/// quotient (the mode sums that use it must match the scalar loop's bits). Vectors whose
/// lanes all take the same branch compute that branch only.
@inline(__always)
func smithQuotient(_ a: SIMD4<Double>, _ wr: SIMD4<Double>, _ wi: SIMD4<Double>)
    -> (real: SIMD4<Double>, imaginary: SIMD4<Double>) {
    let zero = SIMD4<Double>()
    let realLarger = pointwiseMax(wr, -wr) .>= pointwiseMax(wi, -wi)
    func byReal() -> (SIMD4<Double>, SIMD4<Double>) {
        let r = wi / wr, d = wr + wi * r
        return ((a + zero * r) / d, (zero - a * r) / d)
    }
    func byImaginary() -> (SIMD4<Double>, SIMD4<Double>) {
        let r = wr / wi, d = wr * r + wi
        return ((a * r + zero) / d, (zero * r - a) / d)
    }
    if all(realLarger) { return byReal() }
    if !any(realLarger) { return byImaginary() }
    let (ar, ai) = byReal(), (br, bi) = byImaginary()
    return (br.replacing(with: ar, where: realLarger), bi.replacing(with: ai, where: realLarger))
}
