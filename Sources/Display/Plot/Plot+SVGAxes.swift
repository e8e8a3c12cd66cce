extension Plot {
    /// Grid lines at the major ticks, the frame, outward ticks on the bottom and left
    /// edges, and the tick labels (decades as `10` with a raised exponent).
    func drawAxes(_ layout: PlotLayout, into out: inout SVGWriter) {
        let (l, r, t, b) = (layout.left, layout.right, layout.top, layout.bottom)
        let xMajors = layout.xAxis.majors.map(layout.px)
        let yMajors = layout.yAxis.majors.map(layout.py)
        let xMinors = layout.xAxis.minors.map(layout.px)
        let yMinors = layout.yAxis.minors.map(layout.py)

        var grid = ""
        for x in xMajors { grid += "M\(out.n(x)) \(out.n(t))V\(out.n(b))" }
        for y in yMajors { grid += "M\(out.n(l)) \(out.n(y))H\(out.n(r))" }
        if !grid.isEmpty { out.line("<path class=\"grid\" d=\"\(grid)\"/>") }

        var majors = ""
        for x in xMajors { majors += "M\(out.n(x)) \(out.n(b))v\(out.n(PlotLayout.majorTick))" }
        for y in yMajors { majors += "M\(out.n(l)) \(out.n(y))h\(out.n(-PlotLayout.majorTick))" }
        if !majors.isEmpty { out.line("<path class=\"ticks\" d=\"\(majors)\"/>") }
        var minors = ""
        for x in xMinors { minors += "M\(out.n(x)) \(out.n(b))v\(out.n(PlotLayout.minorTick))" }
        for y in yMinors { minors += "M\(out.n(l)) \(out.n(y))h\(out.n(-PlotLayout.minorTick))" }
        if !minors.isEmpty { out.line("<path class=\"ticks minor\" d=\"\(minors)\"/>") }
        out.line("<rect class=\"frame\" x=\"\(out.n(l))\" y=\"\(out.n(t))\" width=\"\(out.n(r - l))\" height=\"\(out.n(b - t))\"/>")

        out.line("<g class=\"tick-labels\">")
        let xBaseline = b + PlotLayout.majorTick + PlotLayout.tickFont + 2
        for (x, label) in zip(xMajors, layout.xAxis.labels) {
            out.line("<text x=\"\(out.n(x))\" y=\"\(out.n(xBaseline))\" text-anchor=\"middle\">\(Self.markup(label))</text>")
        }
        let yRight = l - PlotLayout.majorTick - 3
        for (y, label) in zip(yMajors, layout.yAxis.labels) {
            out.line("<text x=\"\(out.n(yRight))\" y=\"\(out.n(y + 4))\" text-anchor=\"end\">\(Self.markup(label))</text>")
        }
        out.line("</g>")
    }

    /// A tick label's text content: plain, or a base with a raised, smaller exponent
    /// (`dy` rather than `baseline-shift`, which not every renderer supports).
    static func markup(_ label: Axis.Label) -> String {
        switch label {
        case .text(let text):
            return Markup.escape(text)
        case .power(let base, let exponent):
            return "\(Markup.escape(base))<tspan dy=\"-5\" font-size=\"8.5\">\(Markup.escape(exponent))</tspan>"
        }
    }
}
