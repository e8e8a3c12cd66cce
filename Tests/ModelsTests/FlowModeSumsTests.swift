import ComplexModule
import Testing
@testable import Models

/// The flow theory's mode sums (CKernels' ModeSums.c): the vector blocks and the scalar tail against
/// the same sums written out in Swift, the careful division where |λ + κ|² leaves the normal range,
/// and the symmetry and conjugation the two-level theory relies on.
@Suite struct FlowModeSumsTests {
    /// 1003 modes: 250 four-mode blocks and a tail of three, so both paths run.
    let spectrum = FlowSpectrum(alpha: 1.5, beta: 0.8, dim: 1003)
    let kappas = [Complex(0.02, 0.5), Complex(-0.3, 1e-3), Complex(1e-6, -2.0), Complex(4.0, 0)]

    /// Σ term(k) in four partial sums, mode k into partial k mod 4, combined (s₀ + s₁) + (s₂ + s₃).
    private func laneSum(_ count: Int, _ term: (Int) -> Complex<Double>) -> Complex<Double> {
        var re = [Double](repeating: 0, count: 4), im = re
        for k in 0..<count {
            let t = term(k)
            re[k % 4] += t.real; im[k % 4] += t.imaginary
        }
        return Complex((re[0] + re[1]) + (re[2] + re[3]), (im[0] + im[1]) + (im[2] + im[3]))
    }

    @Test func momentsAreTheLaneOrderedSumsBitForBit() {
        for kappa in kappas {
            func q(_ k: Int) -> (Double, Double) {
                let xr = spectrum.lambda[k] + kappa.real
                let inverse = 1 / (xr * xr + kappa.imaginary * kappa.imaginary)
                return (xr * inverse, -kappa.imaginary * inverse)
            }
            let m = spectrum.moments(kappa)
            let df1 = laneSum(spectrum.count) { k in let (r, i) = q(k); return Complex(spectrum.lambda[k] * r, spectrum.lambda[k] * i) }
            let df2 = laneSum(spectrum.count) { k in
                let (r, i) = q(k)
                return Complex(spectrum.lambda[k] * (r * r - i * i), spectrum.lambda[k] * (2 * r * i))
            }
            let b1 = laneSum(spectrum.count) { k in let (r, i) = q(k); return Complex(spectrum.power[k] * r, spectrum.power[k] * i) }
            #expect(m.df1 == df1 && m.dfPrime == df2 && m.b1 == b1, "κ = \(kappa)")
        }
    }

    @Test func momentsAreTheDefiningSums() {
        for kappa in kappas {
            let m = spectrum.moments(kappa)
            var df1 = Complex<Double>.zero, df2 = Complex<Double>.zero, b1 = Complex<Double>.zero
            for k in spectrum.lambda.indices {
                let q = 1 / (Complex(spectrum.lambda[k]) + kappa)
                df1 += spectrum.lambda[k] * q; df2 += spectrum.lambda[k] * q * q; b1 += spectrum.power[k] * q
            }
            #expect(m.df1.isApproximatelyEqual(to: df1, relativeTolerance: 1e-12), "κ = \(kappa)")
            #expect(m.dfPrime.isApproximatelyEqual(to: df2, relativeTolerance: 1e-12), "κ = \(kappa)")
            #expect(m.b1.isApproximatelyEqual(to: b1, relativeTolerance: 1e-12), "κ = \(kappa)")
        }
    }

    @Test func twoLevelSumsAreTheDefiningSums() {
        for kappa in kappas {
            let floor = 0.01
            let (s, t) = spectrum.twoLevelSums(kappa, floor: floor)
            var s0 = Complex<Double>.zero, t0 = Complex<Double>.zero
            for (l, b2) in zip(spectrum.lambda, spectrum.power) {
                let u = Complex(l) / ((Complex(l + floor)) * (Complex(l) + kappa))
                s0 += b2 * u; t0 += u
            }
            #expect(s.isApproximatelyEqual(to: s0, relativeTolerance: 1e-12) && t.isApproximatelyEqual(to: t0, relativeTolerance: 1e-12),
                    "κ = \(kappa)")
        }
    }

    @Test func pairSumsAreSymmetricOddAndTheDefiningSums() {
        for (a, b) in zip(kappas, kappas.reversed()) {
            let sums = spectrum.twoLevelPairSums(a, b), swapped = spectrum.twoLevelPairSums(b, a)
            let conjugated = spectrum.twoLevelPairSums(a.conjugate, b.conjugate)
            #expect(sums.power == swapped.power && sums.lambda == swapped.lambda && sums.lambdaSquared == swapped.lambdaSquared)
            #expect(conjugated.power == sums.power.conjugate && conjugated.lambda == sums.lambda.conjugate
                    && conjugated.lambdaSquared == sums.lambdaSquared.conjugate)
            var weighted = Complex<Double>.zero, first = Complex<Double>.zero, second = Complex<Double>.zero
            for (l, b2) in zip(spectrum.lambda, spectrum.power) {
                let u = Complex(l) / ((Complex(l) + a) * (Complex(l) + b))
                weighted += b2 * u; first += u; second += l * u
            }
            #expect(sums.power.isApproximatelyEqual(to: weighted, relativeTolerance: 1e-12), "κ̃ = \(a), \(b)")
            #expect(sums.lambda.isApproximatelyEqual(to: first, relativeTolerance: 1e-12), "κ̃ = \(a), \(b)")
            #expect(sums.lambdaSquared.isApproximatelyEqual(to: second, relativeTolerance: 1e-12), "κ̃ = \(a), \(b)")
        }
    }

    /// λ_k = k⁻⁶⁰ (down to 1e−167): with κ̃ ≈ 1e−160, |λ + κ̃|² underflows in the modes beyond about
    /// k = 460, and with κ̃ ≈ 1e−80 so does |(λ + κ̃)(λ + κ̃̄)|², so those blocks take the careful
    /// division; the sums still equal swift-numerics' careful arithmetic.
    @Test func extremeModesTakeTheCarefulDivision() {
        let steep = FlowSpectrum(alpha: 60, beta: 0.1, dim: 600)
        let kappa = Complex(1e-160, 2e-160)
        let (s, t) = steep.twoLevelSums(kappa, floor: 1e-170)
        var s0 = Complex<Double>.zero, t0 = Complex<Double>.zero
        for (l, b2) in zip(steep.lambda, steep.power) {
            let u = Complex(l / (l + 1e-170)) / (Complex(l) + kappa)
            s0 += b2 * u; t0 += u
        }
        #expect(t.isFinite && t.isApproximatelyEqual(to: t0, relativeTolerance: 1e-12))
        #expect(s.isFinite && s.isApproximatelyEqual(to: s0, relativeTolerance: 1e-12))
        let node = Complex(1e-80, 2e-80)
        let pair = steep.twoLevelPairSums(node, node.conjugate)
        var first = Complex<Double>.zero
        for l in steep.lambda { first += Complex(l) / ((Complex(l) + node) * (Complex(l) + node.conjugate)) }
        #expect(pair.lambda.isFinite && pair.lambda.isApproximatelyEqual(to: first, relativeTolerance: 1e-12))
    }
}
