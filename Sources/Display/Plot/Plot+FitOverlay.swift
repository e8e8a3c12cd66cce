import Foundation
import NumericCore

// MARK: - Fitted laws drawn over their data

extension Plot {
    /// The legend row of a scaling fit's band: pointwise 2.5 and 97.5 percentiles of the
    /// bootstrapped curves.
    static let bootstrapBandLabel = "95% bootstrap band"

    /// Points along an overlaid law.
    static let overlayPoints = 120

    /// The xs an overlay is drawn at: the plot's x limits, else the span of the series
    /// already drawn, spaced evenly (in log x on a log axis).
    func overlayXs() throws(PlotError) -> [Double] {
        let xs = series.flatMap { $0.drawablePoints(scale, xlim, ylim).map(\.x) }
        guard let low = xlim?.lowerBound ?? xs.min(), let high = xlim?.upperBound ?? xs.max(), low < high else {
            throw .fitWithoutData
        }
        let n = Self.overlayPoints
        return (0..<n).map { i in
            let t = Double(i) / Double(n - 1)
            return scale.logX ? exp(log(low) + t * (log(high) - log(low))) : low + t * (high - low)
        }
    }

    /// Adds a least-squares curve fit as a line over the series' x range.
    public mutating func overlay(_ fit: CurveFit) throws(PlotError) {
        let xs = try overlayXs()
        series.append(Series(label: "\(fit.law.rawValue) fit", xs: xs, ys: xs.map(fit.evaluate), style: .line))
    }

    /// Adds a scaling-law fit as lines with their 95% bootstrap bands (when it has
    /// resamples) against the plot's x column `x`. A chinchilla fit is drawn at each value
    /// of its other input found in `tables` (at most 12), as `D=value` series, so that
    /// they share colour and legend row with the data's `D=value` groups.
    public mutating func overlay(_ fit: ScalingFit, x: String, tables: [Table]) throws(PlotError) {
        let xs = try overlayXs()
        guard let position = fit.inputNames.firstIndex(of: x) else {
            throw .fitAxis(inputs: fit.inputNames, x: x)
        }
        var others: [(label: String?, value: Double)] = [(nil, .nan)]
        if fit.law == .chinchilla {
            let other = fit.inputNames[1 - position]
            var values: [Double] = []
            for table in tables {
                for v in table.numbers(other) ?? [] where !values.contains(v) { values.append(v) }
            }
            guard !values.isEmpty else {
                throw .fitNeedsOther(x: x, other: other)
            }
            guard values.count <= SweepGrouping.maxGroups else {
                throw .fitTooManyCurves(x: x, other: other, count: values.count, limit: SweepGrouping.maxGroups)
            }
            others = values.map { ("\(other)=\(NumberFormat.plain($0))", $0) }
        }
        for (label, value) in others {
            func inputs(_ xv: Double) -> [Double] {
                fit.law == .chinchilla ? (position == 0 ? [xv, value] : [value, xv]) : [xv]
            }
            var line = Series(label: label ?? "\(fit.law.rawValue) fit", xs: xs, ys: xs.map { fit.predict(inputs($0)) },
                              style: .line, group: label)
            if !fit.samples.isEmpty {
                let intervals = xs.map { xv in
                    ScalingFit.percentileInterval(fit.samples.map { fit.law.evaluate($0, at: inputs(xv)) })!
                }
                line.band = Series.Band(lower: intervals.map(\.low), upper: intervals.map(\.high), label: Self.bootstrapBandLabel)
            }
            series.append(line)
        }
    }
}
