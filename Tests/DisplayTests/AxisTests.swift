import Foundation
import Testing
@testable import Display

/// Tick generation: 1-2-5 steps on linear axes, decades and 2…9 minors on log axes.
@Suite struct AxisTests {
    @Test(arguments: [(1.0, 0.2), (10.0, 2.0), (7.0, 1.0), (3.0, 0.5), (100.0, 20.0), (0.013, 0.002), (45.0, 10.0), (0.15, 0.02), (0.16, 0.05)])
    func niceSteps(_ span: Double, _ step: Double) {
        #expect(abs(Axis.niceStep(span: span) - step) <= 1e-12 * step)
    }

    @Test func linearTicksAreMultiplesOfTheStep() {
        let axis = Axis.linear(low: 0, high: 10)
        #expect(axis.majors == [0, 2, 4, 6, 8, 10])
        #expect(axis.labels == ["0", "2", "4", "6", "8", "10"].map(Axis.Label.text))
        #expect(axis.lower < 0 && axis.upper > 10)
        #expect(axis.minors.isEmpty)
    }

    @Test func linearTicksHaveNoRoundingDebris() {
        let axis = Axis.linear(low: 0.1, high: 0.7)
        #expect(axis.labels == ["0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7"].map(Axis.Label.text))
        let negative = Axis.linear(low: -1, high: 1)
        #expect(negative.labels.first == .text("\u{2212}1"))
        #expect(negative.labels.contains(.text("0")))
    }

    @Test func constantDataStillGetsAnAxis() {
        let axis = Axis.linear(low: 5, high: 5)
        #expect(axis.lower < 5 && axis.upper > 5)
        #expect(axis.majors.count >= 2)
        let zero = Axis.linear(low: 0, high: 0)
        #expect(zero.lower == -1 && zero.upper == 1)
    }

    @Test func decadesFrom10To10000() {
        let axis = Axis.logarithmic(low: 10, high: 1e4)
        #expect(axis.majors == [10, 100, 1000, 10000])
        #expect(axis.labels == [("10", "1"), ("10", "2"), ("10", "3"), ("10", "4")].map { Axis.Label.power(base: $0.0, exponent: $0.1) })
        // 2…9 in each of the three full decades, plus the ones in the 4% padding at either end.
        for k in 1...3 {
            for m in 2...9 { #expect(axis.minors.contains(Double(m) * pow(10, Double(k)))) }
        }
        #expect(axis.minors.allSatisfy { $0 >= axis.lower && $0 <= axis.upper })
        #expect(!axis.minors.contains { axis.majors.contains($0) })
    }

    @Test func negativeExponentsUseATrueMinus() {
        let axis = Axis.logarithmic(low: 1e-3, high: 1)
        #expect(axis.labels.first == .power(base: "10", exponent: "\u{2212}3"))
        #expect(axis.majors.count == 4)
    }

    @Test func narrowLogRangesWidenToWholeDecades() {
        let axis = Axis.logarithmic(low: 2, high: 5)
        #expect(axis.lower == 1 && axis.upper == 10)
        #expect(axis.majors == [1, 10])
        #expect(axis.minors == [2, 3, 4, 5, 6, 7, 8, 9])
    }

    @Test func wideLogRangesLabelEveryFewDecades() {
        let axis = Axis.logarithmic(low: 1e-10, high: 1e10)
        #expect(axis.majors.count <= 8 && axis.majors.count >= 4)
        #expect(axis.minors.isEmpty)
        #expect(axis.majors.contains(1))
    }

    @Test func fractionsMapTheRangeToTheUnitInterval() {
        let log = Axis.logarithmic(low: 10, high: 1000)
        #expect(abs(log.fraction(log.lower)) < 1e-12 && abs(log.fraction(log.upper) - 1) < 1e-12)
        #expect(abs(log.fraction(100) - 0.5) < 1e-12)
        let linear = Axis.linear(low: 0, high: 1)
        #expect(abs(linear.fraction(0.5) - 0.5) < 1e-12)
    }
}
