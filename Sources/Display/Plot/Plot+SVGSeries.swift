extension Plot {
    /// Marker radius and error-bar cap half-width in px.
    static let markerRadius = 3.5
    static let capHalfWidth = 3.0

    /// The palette slot of each series: series sharing a non-nil `group` share a slot,
    /// others get the next one (`PlotStyle.classes` maps slots to colours and styles).
    func colourSlots() -> [Int] {
        var slotOfGroup: [String: Int] = [:]
        var next = 0
        return series.map { s in
            if let group = s.group, let slot = slotOfGroup[group] { return slot }
            let slot = next
            next += 1
            if let group = s.group { slotOfGroup[group] = slot }
            return slot
        }
    }

    /// Every series in order: lines as one path broken where points are missing;
    /// markers as circles over their ±1 standard-error bars.
    func drawSeries(_ layout: PlotLayout, into out: inout SVGWriter) {
        let slots = colourSlots()
        for (s, slot) in zip(series, slots) {
            let points = s.drawablePoints(scale)
            guard !points.isEmpty else { continue }
            let label = s.label.isEmpty ? "" : " aria-label=\"\(Markup.escape(s.label))\""
            out.line("<g class=\"series \(PlotStyle.classes(slot: slot))\"\(label)>")
            switch s.style {
            case .line: drawLine(points, layout, into: &out)
            case .markers: drawMarkers(points, layout, into: &out)
            }
            out.line("</g>")
        }
    }

    /// A polyline through consecutive drawable points; a lone point becomes a dot.
    private func drawLine(_ points: [Series.Point], _ layout: PlotLayout, into out: inout SVGWriter) {
        var d = ""
        var previous = -2
        var runLength = 0
        for point in points {
            let xy = "\(out.n(layout.px(point.x))) \(out.n(layout.py(point.y)))"
            if point.index == previous + 1 {
                d += "L\(xy)"
                runLength += 1
            } else {
                if runLength == 1 { d += "h0" }
                d += "M\(xy)"
                runLength = 1
            }
            previous = point.index
        }
        if runLength == 1 { d += "h0" }
        out.line("<path class=\"line\" d=\"\(d)\"/>")
    }

    /// Error bars (capped, clipped to the plot area) and then circles on top.
    private func drawMarkers(_ points: [Series.Point], _ layout: PlotLayout, into out: inout SVGWriter) {
        var bars = ""
        for point in points {
            guard let e = point.error, e.isFinite, e > 0 else { continue }
            let x = layout.px(point.x)
            let high = max(layout.top, layout.py(point.y + e))
            let lowValue = point.y - e
            let reachesBottom = scale.logY ? lowValue <= layout.yAxis.lower : lowValue < layout.yAxis.lower
            let low = reachesBottom ? layout.bottom : min(layout.bottom, layout.py(lowValue))
            let cap = Self.capHalfWidth
            bars += "M\(out.n(x)) \(out.n(low))V\(out.n(high))"
            bars += "M\(out.n(x - cap)) \(out.n(high))h\(out.n(2 * cap))"
            if !reachesBottom { bars += "M\(out.n(x - cap)) \(out.n(low))h\(out.n(2 * cap))" }
        }
        if !bars.isEmpty { out.line("<path class=\"err\" d=\"\(bars)\"/>") }
        for point in points {
            out.line("<circle class=\"marker\" cx=\"\(out.n(layout.px(point.x)))\" cy=\"\(out.n(layout.py(point.y)))\" "
                + "r=\"\(out.n(Self.markerRadius))\"/>")
        }
    }
}
