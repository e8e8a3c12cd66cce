import Foundation

// MARK: - Axes with ranges given by the user

extension Axis {
    /// An axis spanning exactly `range` (`xlim=`, `ylim=`), unpadded: 1-2-5 ticks inside it
    /// on a linear axis; decade ticks (and minor ticks 2…9 when every decade is labelled)
    /// inside it on a log axis.
    static func fixed(_ range: ClosedRange<Double>, log isLog: Bool) -> Axis {
        let (lo, hi) = (range.lowerBound, range.upperBound)
        guard isLog else {
            let step = niceStep(span: hi - lo)
            let ticks = linearTicks(lower: lo, upper: hi, step: step)
            return Axis(isLog: false, lower: lo, upper: hi, majors: ticks, minors: [],
                        labels: NumberFormat.ticks(ticks, step: step).map(Label.text))
        }
        let (a, b) = (log10(lo), log10(hi))
        let count = decades(lower: a, upper: b, stride: 1).count
        let stride = max(1, Int((Double(count) / 8).rounded(.up)))
        let exponents = decades(lower: a, upper: b, stride: stride)
        return Axis(isLog: true, lower: lo, upper: hi, majors: exponents.map { pow(10, Double($0)) },
                    minors: stride == 1 ? minorTicks(lower: lo, upper: hi) : [],
                    labels: exponents.map { .power(base: "10", exponent: NumberFormat.minus(String($0))) })
    }
}
