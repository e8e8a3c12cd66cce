import JSON

extension Plot {
    /// The figure as a standalone SVG document (640 × 420 viewBox): title, framed plot
    /// area with ticks, grid and tick labels, axis labels, the series, and a legend.
    /// Deterministic: the same plot always gives the same bytes. Uses no element ids,
    /// and its stylesheet is scoped to `svg.solvable-plot`, so several plots can be
    /// inlined in one HTML page.
    public func svg() -> String {
        let layout = PlotLayout(self)
        var out = SVGWriter()
        let (w, h) = (width, height)
        let name = title.flatMap { $0.isEmpty ? nil : $0 } ?? "plot"
        out.line("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"solvable-plot\" viewBox=\"0 0 \(out.n(w)) \(out.n(h))\" "
            + "width=\"\(out.n(w))\" height=\"\(out.n(h))\" role=\"img\" aria-label=\"\(Markup.escape(name))\">")
        out.line("<style>\n\(PlotStyle.css)\n</style>")
        out.line("<rect class=\"bg\" width=\"\(out.n(w))\" height=\"\(out.n(h))\"/>")
        drawAxes(layout, into: &out)
        drawSeries(layout, into: &out)
        drawLegend(layout, into: &out)
        drawLabels(layout, into: &out)
        out.line("</svg>")
        return out.text
    }

    /// One line for `text/plain`: `<Plot: 2 series, loglog, "Ridge learning curve">`.
    public var summary: String {
        "<Plot: \(series.count) series, \(scale.rawValue)\(title.map { ", \"\($0)\"" } ?? "")>"
    }

    /// `image/svg+xml` plus the one-line `text/plain` summary.
    public var bundle: MIMEBundle {
        MIMEBundle(plain: summary, [MIMEType.svg: .string(svg())])
    }

    /// The title and the axis labels.
    private func drawLabels(_ layout: PlotLayout, into out: inout SVGWriter) {
        let centerX = (layout.left + layout.right) / 2
        if let title, !title.isEmpty {
            out.line("<text class=\"title\" x=\"\(out.n(centerX))\" y=\"26\" text-anchor=\"middle\">\(Markup.escape(title))</text>")
        }
        if let xlabel, !xlabel.isEmpty {
            out.line("<text class=\"label\" x=\"\(out.n(centerX))\" y=\"\(out.n(height - 12))\" "
                + "text-anchor=\"middle\">\(Markup.escape(xlabel))</text>")
        }
        if let ylabel, !ylabel.isEmpty {
            let centerY = (layout.top + layout.bottom) / 2
            out.line("<text class=\"label\" transform=\"translate(22 \(out.n(centerY))) rotate(-90)\" "
                + "text-anchor=\"middle\">\(Markup.escape(ylabel))</text>")
        }
    }
}

/// Accumulates SVG text, with numbers formatted the one deterministic way.
struct SVGWriter {
    /// The document so far.
    private(set) var text = ""

    /// Appends `line` and a newline.
    mutating func line(_ line: String) {
        text += line
        text += "\n"
    }

    /// A coordinate as written into the SVG (at most two decimals).
    func n(_ x: Double) -> String { NumberFormat.coordinate(x) }
}
