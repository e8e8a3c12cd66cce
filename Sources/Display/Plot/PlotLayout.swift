/// Where everything goes in a plot's 640 × 420 SVG viewBox: the axes' ranges and the
/// plot area's edges, from the points that can be drawn on the chosen scale.
struct PlotLayout {
    /// The viewBox width.
    static let width = 640.0
    /// The viewBox height.
    static let height = 420.0
    /// Tick-label font size in px (as in the stylesheet).
    static let tickFont = 11.0
    /// Legend font size in px (as in the stylesheet).
    static let legendFont = 12.0
    /// Major tick length in px (ticks point outwards).
    static let majorTick = 5.0
    /// Minor tick length in px.
    static let minorTick = 3.0

    /// The horizontal axis.
    var xAxis: Axis
    /// The vertical axis.
    var yAxis: Axis
    /// The plot area's left edge in px.
    var left: Double
    /// The plot area's right edge in px.
    var right: Double
    /// The plot area's top edge in px.
    var top: Double
    /// The plot area's bottom edge in px.
    var bottom: Double

    /// The layout for `plot`'s drawable points (and their error bars).
    init(_ plot: Plot) {
        let scale = plot.scale
        var xs: [Double] = [], ys: [Double] = []
        for series in plot.series {
            for point in series.drawablePoints(scale, plot.xlim, plot.ylim) {
                xs.append(point.x)
                ys.append(point.y)
                if let band = series.band {
                    for edge in [band.lower, band.upper] where point.index < edge.count {
                        let v = edge[point.index]
                        if v.isFinite, !scale.logY || v > 0, plot.ylim?.contains(v) ?? true { ys.append(v) }
                    }
                }
                if let e = point.error, e.isFinite, e > 0, (point.y + e).isFinite {
                    ys.append(point.y + e)
                    // On a log axis a bar reaching far below its point would stretch the axis
                    // by decades; such bars are clipped at the bottom instead.
                    if !scale.logY || point.y - e >= point.y * 0.1 { ys.append(point.y - e) }
                }
            }
        }
        // Without any drawable point: [0, 1] on a linear axis, [1, 10] on a log axis.
        let (xLow, xHigh) = scale.logX ? (1.0, 10.0) : (0.0, 1.0)
        let (yLow, yHigh) = scale.logY ? (1.0, 10.0) : (0.0, 1.0)
        xAxis = plot.xlim.map { Axis.fixed($0, log: scale.logX) }
            ?? Axis.make(low: xs.min() ?? xLow, high: xs.max() ?? xHigh, log: scale.logX)
        yAxis = plot.ylim.map { Axis.fixed($0, log: scale.logY) }
            ?? Axis.make(low: ys.min() ?? yLow, high: ys.max() ?? yHigh, log: scale.logY)

        let yLabelWidth = yAxis.labels.map { Self.width(of: $0) }.max() ?? 0
        left = 10 + (plot.ylabel.map { $0.isEmpty ? 0 : 22 } ?? 0) + yLabelWidth + Self.majorTick + 5
        let lastXLabel = xAxis.labels.last.map { Self.width(of: $0) } ?? 0
        right = plot.width - max(18, lastXLabel / 2 + 6)
        top = plot.title.map { $0.isEmpty ? 16 : 40 } ?? 16
        bottom = plot.height - (30 + (plot.xlabel.map { $0.isEmpty ? 0 : 20 } ?? 0))
        // Frame edges on half pixels, so the 1 px frame is crisp at 100% zoom.
        (left, right) = (left.rounded(.down) + 0.5, right.rounded(.down) + 0.5)
        (top, bottom) = (top + 0.5, bottom + 0.5)
    }

    /// The x pixel of data value `x`.
    func px(_ x: Double) -> Double { left + xAxis.fraction(x) * (right - left) }
    /// The y pixel of data value `y` (SVG's y grows downwards).
    func py(_ y: Double) -> Double { bottom - yAxis.fraction(y) * (bottom - top) }

    /// An estimate of a string's rendered width at `fontSize` (average glyph ≈ 0.58 em),
    /// used only to leave room for labels.
    static func width(of text: String, fontSize: Double = tickFont) -> Double {
        Double(text.count) * fontSize * 0.58
    }

    /// The estimated width of a tick label.
    static func width(of label: Axis.Label) -> Double {
        switch label {
        case .text(let text): return width(of: text)
        case .power(let base, let exponent):
            return width(of: base) + width(of: exponent, fontSize: tickFont * 0.75)
        }
    }
}

extension Plot.Series {
    /// One point that can be drawn on a given scale.
    struct Point {
        /// Its position in the series (a gap in these breaks a line).
        var index: Int
        var x: Double
        var y: Double
        /// Its standard error, if the series has error bars.
        var error: Double?
    }

    /// The points with finite coordinates (positive ones on log axes, inside the limits
    /// if given), in order.
    func drawablePoints(_ scale: Plot.Scale, _ xlim: ClosedRange<Double>? = nil, _ ylim: ClosedRange<Double>? = nil) -> [Point] {
        var points: [Point] = []
        for index in 0..<min(xs.count, ys.count) {
            let (x, y) = (xs[index], ys[index])
            guard x.isFinite, y.isFinite, !scale.logX || x > 0, !scale.logY || y > 0 else { continue }
            if let xlim, !xlim.contains(x) { continue }
            if let ylim, !ylim.contains(y) { continue }
            let error = errors.flatMap { index < $0.count ? $0[index] : nil }
            points.append(Point(index: index, x: x, y: y, error: error))
        }
        return points
    }
}
