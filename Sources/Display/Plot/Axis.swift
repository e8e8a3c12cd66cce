import Foundation

/// One axis of a plot: its range, its tick positions and their labels. Linear axes
/// get "nice" 1-2-5 ticks; logarithmic axes get a tick and a `10^k` label at each
/// decade and minor ticks at 2…9 times each decade.
struct Axis: Equatable {
    /// A major tick label: plain text (`0.25`, `−3`) or a power of ten drawn as
    /// `10` with a raised exponent.
    enum Label: Equatable {
        case text(String)
        case power(base: String, exponent: String)
    }

    /// Whether values map through log10.
    var isLog: Bool
    /// The lower end of the range shown, in data units (positive on a log axis).
    var lower: Double
    /// The upper end of the range shown, in data units.
    var upper: Double
    /// Labelled tick positions, in data units, ascending.
    var majors: [Double]
    /// Unlabelled tick positions, in data units, ascending.
    var minors: [Double]
    /// One label per major tick.
    var labels: [Label]

    /// `value` mapped to [0, 1] across the axis (log10 first on a log axis).
    func fraction(_ value: Double) -> Double {
        if isLog { return (log10(value) - log10(lower)) / (log10(upper) - log10(lower)) }
        return (value - lower) / (upper - lower)
    }

    /// Whether `value` can be placed on this axis at all (finite, and positive on a log axis).
    func accepts(_ value: Double) -> Bool { value.isFinite && (!isLog || value > 0) }

    /// An axis for data spanning `[low, high]`: padded by 4% of the span on each side.
    static func make(low: Double, high: Double, log isLog: Bool) -> Axis {
        isLog ? logarithmic(low: low, high: high) : linear(low: low, high: high)
    }

    /// A linear axis with 1-2-5 ticks, about five to eight of them.
    static func linear(low: Double, high: Double) -> Axis {
        var (lo, hi) = (low, high)
        if !(lo.isFinite && hi.isFinite) { (lo, hi) = (0, 1) }
        // A span beyond the largest double (-1e308 to 1e308) is halved at both ends.
        if !(hi - lo).isFinite { (lo, hi) = (lo / 2, hi / 2) }
        if lo == hi {
            let half = lo == 0 ? 1 : abs(lo) * 0.1
            (lo, hi) = (lo - half, hi + half)
        } else {
            let pad = (hi - lo) * 0.04
            (lo, hi) = (lo - pad, hi + pad)
        }
        let step = niceStep(span: hi - lo)
        let ticks = linearTicks(lower: lo, upper: hi, step: step)
        return Axis(isLog: false, lower: lo, upper: hi, majors: ticks, minors: [],
                    labels: NumberFormat.ticks(ticks, step: step).map(Label.text))
    }

    /// The 1-2-5 step that puts about five intervals across `span` (four to eight ticks).
    static func niceStep(span: Double) -> Double {
        let raw = span / 5
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let normalized = raw / magnitude
        // Round to the nearest of 1, 2, 5, 10 on a log scale (cut at their geometric means).
        let factor: Double = normalized < 2.0.squareRoot() ? 1 : normalized < 10.0.squareRoot() ? 2
            : normalized < 50.0.squareRoot() ? 5 : 10
        return factor * magnitude
    }

    /// Multiples of `step` inside `[lower, upper]`, each computed as `k · step` so no
    /// rounding error accumulates.
    static func linearTicks(lower: Double, upper: Double, step: Double) -> [Double] {
        let first = (lower / step - 1e-9).rounded(.up)
        let last = (upper / step + 1e-9).rounded(.down)
        guard first <= last, last - first < 1000 else { return [] }
        return stride(from: first, through: last, by: 1).map { $0 == 0 ? 0 : $0 * step }
    }

    /// A log axis: padded by 4% of its span in decades, widened to whole decades when it
    /// would hold fewer than two decade ticks, with every `stride`-th decade labelled
    /// (at most eight labels) and minor ticks at 2…9 when every decade is labelled.
    static func logarithmic(low: Double, high: Double) -> Axis {
        var (lo, hi) = (log10(low), log10(high))
        if !(lo.isFinite && hi.isFinite) { (lo, hi) = (0, 1) }
        if lo == hi { (lo, hi) = (lo - 0.5, hi + 0.5) }
        let pad = (hi - lo) * 0.04
        (lo, hi) = (lo - pad, hi + pad)
        if decades(lower: lo, upper: hi, stride: 1).count < 2 {
            (lo, hi) = (lo.rounded(.down), hi.rounded(.up))
        }
        // Keep 10^lo and 10^hi finite and non-zero at the ends of the double range.
        (lo, hi) = (max(lo, -323), min(hi, 308))
        let count = decades(lower: lo, upper: hi, stride: 1).count
        let stride = max(1, Int((Double(count) / 8).rounded(.up)))
        let exponents = decades(lower: lo, upper: hi, stride: stride)
        let (lower, upper) = (pow(10, lo), pow(10, hi))
        return Axis(isLog: true, lower: lower, upper: upper,
                    majors: exponents.map { pow(10, Double($0)) },
                    minors: stride == 1 ? minorTicks(lower: lower, upper: upper) : [],
                    labels: exponents.map { .power(base: "10", exponent: NumberFormat.minus(String($0))) })
    }

    /// The integer exponents k with 10^k inside `[lower, upper]` (in log10 units) and
    /// k divisible by `stride`.
    static func decades(lower: Double, upper: Double, stride: Int) -> [Int] {
        let first = Int((lower - 1e-9).rounded(.up))
        let last = Int((upper + 1e-9).rounded(.down))
        guard first <= last else { return [] }
        return (first...last).filter { $0 % stride == 0 }
    }

    /// m · 10^k for m = 2…9 inside `[lower, upper]`.
    static func minorTicks(lower: Double, upper: Double) -> [Double] {
        let first = Int(log10(lower).rounded(.down))
        let last = Int(log10(upper).rounded(.up))
        var ticks: [Double] = []
        for k in first...max(first, last) {
            for m in 2...9 {
                let value = Double(m) * pow(10, Double(k))
                if value >= lower * (1 - 1e-12) && value <= upper * (1 + 1e-12) { ticks.append(value) }
            }
        }
        return ticks
    }
}
