/// Where everything goes in a plot's 640 × 420 SVG viewBox: the axes' ranges and the
/// plot area's edges, from the points that can be drawn on the chosen scale.
struct PlotLayout {
    /// The viewBox size.
    static let width = 640.0
    static let height = 420.0
    /// Font sizes in px (tick labels, axis labels, title, legend).
    static let tickFont = 11.0
    static let labelFont = 13.0
    static let legendFont = 12.0
    /// Major and minor tick lengths in px (ticks point outwards).
    static let majorTick = 5.0
    static let minorTick = 3.0

    var xAxis: Axis
    var yAxis: Axis
    /// The plot area's edges in px.
    var left: Double
    var right: Double
    var top: Double
    var bottom: Double

    /// The layout for `plot`'s drawable points (and their error bars).
    init(_ plot: Plot) {
        let scale = plot.scale
        var xs: [Double] = [], ys: [Double] = []
        for series in plot.series {
            for point in series.drawablePoints(scale) {
                xs.append(point.x)
                ys.append(point.y)
                if let e = point.error, e.isFinite, e > 0 {
                    ys.append(point.y + e)
                    // On a log axis a bar reaching far below its point would stretch the axis
                    // by decades; such bars are clipped at the bottom instead.
                    if !scale.logY || point.y - e >= point.y * 0.1 { ys.append(point.y - e) }
                }
            }
        }
        let defaultLow = 1.0, defaultHigh = scale.logY ? 10.0 : 1.0
        xAxis = Axis.make(low: xs.min() ?? (scale.logX ? 1 : 0), high: xs.max() ?? (scale.logX ? 10 : 1), log: scale.logX)
        yAxis = Axis.make(low: ys.min() ?? (scale.logY ? defaultLow : 0), high: ys.max() ?? defaultHigh, log: scale.logY)

        let yLabelWidth = yAxis.labels.map { Self.width(of: $0) }.max() ?? 0
        left = 10 + (plot.ylabel.map { $0.isEmpty ? 0 : 22 } ?? 0) + yLabelWidth + Self.majorTick + 5
        let lastXLabel = xAxis.labels.last.map { Self.width(of: $0) } ?? 0
        right = Self.width - max(18, lastXLabel / 2 + 6)
        top = plot.title.map { $0.isEmpty ? 16 : 40 } ?? 16
        bottom = Self.height - (30 + (plot.xlabel.map { $0.isEmpty ? 0 : 20 } ?? 0))
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
        var index: Int
        var x: Double
        var y: Double
        var error: Double?
    }

    /// The points with finite coordinates (positive ones on log axes), in order.
    func drawablePoints(_ scale: Plot.Scale) -> [Point] {
        var points: [Point] = []
        for index in 0..<min(xs.count, ys.count) {
            let (x, y) = (xs[index], ys[index])
            guard x.isFinite, y.isFinite, !scale.logX || x > 0, !scale.logY || y > 0 else { continue }
            let error = errors.flatMap { index < $0.count ? $0[index] : nil }
            points.append(Point(index: index, x: x, y: y, error: error))
        }
        return points
    }
}
