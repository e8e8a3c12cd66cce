import Foundation
import Testing
import NumericCore

/// `Elementwise.expNonPositive` against libm's `exp`: within 2 ulp over the whole range a
/// softmax feeds it (−745 … 0), exactly 0 where `exp` underflows, NaN kept, and the same bits
/// whether an entry goes through the four-lane body or the scalar tail.
@Suite struct ElementwiseExpTests {
    /// Edge values, then uniform draws over [−`span`, 0].
    static func inputs(_ count: Int, span: Double, seed: UInt64) -> [Double] {
        var rng = Xoshiro256StarStar(seed: seed)
        let edges: [Double] = [0, -0.0, -1e-300, -0.3465, -0.3466, -708.39, -708.4, -744.44, -745, -745.1, -1e4, -.infinity]
        return (0..<count).map { $0 < edges.count ? edges[$0] : -span * rng.uniform() }
    }

    static func kernel(_ x: [Double]) -> [Double] {
        var y = x
        y.withUnsafeMutableBufferPointer { Elementwise.expNonPositive($0) }
        return y
    }

    @Test(arguments: [1.0, 40, 745, 2000])
    func withinTwoUlpOfLibm(span: Double) {
        let x = Self.inputs(4099, span: span, seed: 7)
        for (input, value) in zip(x, Self.kernel(x)) {
            let reference = exp(input)
            if reference == 0 {
                #expect(value == 0, "exp(\(input)) underflows, kernel gave \(value)")
            } else {
                #expect(abs(value - reference) <= 2 * reference.ulp, "exp(\(input)) = \(reference), kernel \(value)")
            }
        }
    }

    @Test func edgeValues() {
        let y = Self.kernel([0, -0.0, .nan, -745.5, -.infinity, -1])
        #expect(y[0] == 1 && y[1] == 1)
        #expect(y[2].isNaN)
        #expect(y[3] == 0 && y[4] == 0)
        #expect(abs(y[5] - exp(-1)) <= exp(-1).ulp)
    }

    @Test(arguments: [1, 3, 4, 5, 9, 1027])
    func laneAndTailAgree(count: Int) {
        let x = Self.inputs(count, span: 745, seed: 8)
        let whole = Self.kernel(x), single = x.flatMap { Self.kernel([$0]) }
        #expect(zip(whole, single).allSatisfy { $0.bitPattern == $1.bitPattern })
    }
}
