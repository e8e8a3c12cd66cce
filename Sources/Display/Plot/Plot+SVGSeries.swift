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

    /// Every series in order: lines as one path broken where points are missing and cut
    /// at the plot area's edges (a line leaving the axes, as with `xlim`/`ylim`); markers,
    /// only those inside the limits, as circles over their ±1 standard-error bars.
    func drawSeries(_ layout: PlotLayout, into out: inout SVGWriter) {
        let slots = colourSlots()
        for (s, slot) in zip(series, slots) {
            let points = s.drawablePoints(scale, xlim, ylim)
            let linePoints = s.style == .markers ? [] : s.drawablePoints(scale)
            guard !points.isEmpty || !linePoints.isEmpty else { continue }
            let label = s.label.isEmpty ? "" : " aria-label=\"\(Markup.escape(s.label))\""
            out.line("<g class=\"series \(PlotStyle.classes(slot: slot))\"\(label)\(Self.colourAttribute(s))>")
            if let band = s.band { drawBand(band, points, layout, into: &out) }
            if s.style != .markers { drawLine(linePoints, dashed: s.dashed, layout, into: &out) }
            if s.style != .line { drawMarkers(points, layout, into: &out) }
            out.line("</g>")
        }
    }

    /// A polyline through consecutive drawable points, each segment clipped to the plot
    /// area; a lone point inside it becomes a dot. Nothing is drawn if no part is inside.
    private func drawLine(_ points: [Series.Point], dashed: Bool, _ layout: PlotLayout, into out: inout SVGWriter) {
        var d = ""
        var pen: String?
        func text(_ p: (Double, Double)) -> String { "\(out.n(p.0)) \(out.n(p.1))" }
        for (i, point) in points.enumerated() {
            let here = (layout.px(point.x), layout.py(point.y))
            let joinsPrevious = i > 0 && points[i - 1].index == point.index - 1
            let joinsNext = i + 1 < points.count && points[i + 1].index == point.index + 1
            if !joinsPrevious && !joinsNext {
                if layout.contains(here) { d += "M\(text(here))h0" }
                pen = nil
                continue
            }
            guard joinsNext else { continue }
            let next = points[i + 1]
            guard let (a, b) = layout.clip(from: here, to: (layout.px(next.x), layout.py(next.y))) else {
                pen = nil
                continue
            }
            let start = text(a), end = text(b)
            if pen != start { d += "M\(start)" }
            d += "L\(end)"
            pen = end
        }
        guard !d.isEmpty else { return }
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
