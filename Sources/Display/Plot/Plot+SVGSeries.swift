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
            let points = s.drawablePoints(scale, xlim, ylim)
            guard !points.isEmpty else { continue }
            let label = s.label.isEmpty ? "" : " aria-label=\"\(Markup.escape(s.label))\""
            out.line("<g class=\"series \(PlotStyle.classes(slot: slot))\"\(label)\(Self.colourAttribute(s))>")
            if let band = s.band { drawBand(band, points, layout, into: &out) }
            switch s.style {
            case .line: drawLine(points, dashed: s.dashed, layout, into: &out)
            case .markers: drawMarkers(points, layout, into: &out)
            case .both:
                drawLine(points, dashed: s.dashed, layout, into: &out)
                drawMarkers(points, layout, into: &out)
            }
            out.line("</g>")
        }
    }

    /// A polyline through consecutive drawable points; a lone point becomes a dot.
    private func drawLine(_ points: [Series.Point], dashed: Bool, _ layout: PlotLayout, into out: inout SVGWriter) {
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
        out.line("<path class=\"line\" d=\"\(d)\"\(dashed ? Self.dashAttribute : "")/>")
    }

    /// The inline dash pattern of a dashed line (inline, so the shared stylesheet stays the same).
    static let dashAttribute = " stroke-dasharray=\"7 3\""

    /// ` style="color:…"` for a series with its own colour, else "".
    static func colourAttribute(_ s: Series) -> String {
        s.color.map { " style=\"color:\(Markup.escape($0))\"" } ?? ""
    }

    /// A translucent polygon between the band's edges at the drawable points' xs.
    private func drawBand(_ band: Series.Band, _ points: [Series.Point], _ layout: PlotLayout, into out: inout SVGWriter) {
        let usable = points.filter { p in
            p.index < band.lower.count && p.index < band.upper.count
                && layout.yAxis.accepts(band.lower[p.index]) && layout.yAxis.accepts(band.upper[p.index])
        }
        guard usable.count >= 2 else { return }
        func clamp(_ y: Double) -> Double { min(layout.bottom, max(layout.top, layout.py(y))) }
        var d = ""
        for (i, p) in usable.enumerated() {
            d += (i == 0 ? "M" : "L") + "\(out.n(layout.px(p.x))) \(out.n(clamp(band.upper[p.index])))"
        }
        for p in usable.reversed() { d += "L\(out.n(layout.px(p.x))) \(out.n(clamp(band.lower[p.index])))" }
        out.line("<path class=\"band\" d=\"\(d)Z\" fill=\"currentColor\" fill-opacity=\"0.18\" stroke=\"none\"/>")
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
