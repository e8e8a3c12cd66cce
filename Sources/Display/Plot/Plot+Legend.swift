extension Plot {
    /// One legend row: a label with the glyphs of the series it stands for.
    struct LegendRow: Equatable {
        var label: String
        var slot: Int
        var hasLine = false
        var hasMarker = false
        var hasErrors = false
        var hasBand = false
        var dashed = false
        var colour: String?

        /// A row standing for bands alone (no line or marker).
        var isBandOnly: Bool { hasBand && !hasLine && !hasMarker }
    }

    /// Legend rows in series order. Series with an empty label are left out; series
    /// that share both a group and a label share a row (a swept theory line and its
    /// simulation markers), drawn as a line through a marker.
    func legendRows() -> [LegendRow] {
        var rows: [LegendRow] = []
        var rowOfKey: [String: Int] = [:]
        for (s, slot) in zip(series, colourSlots()) where !s.label.isEmpty {
            let key = s.group.map { "\($0)\u{0}\(s.label)" }
            let index: Int
            if let key, let existing = rowOfKey[key] {
                index = existing
            } else {
                index = rows.count
                rows.append(LegendRow(label: s.label, slot: slot, dashed: s.dashed, colour: s.color))
                if let key { rowOfKey[key] = index }
            }
            if s.band != nil { rows[index].hasBand = true }
            switch s.style {
            case .line: rows[index].hasLine = true
            case .markers:
                rows[index].hasMarker = true
                if s.errors != nil { rows[index].hasErrors = true }
            case .both:
                rows[index].hasLine = true
                rows[index].hasMarker = true
            }
        }
        for (s, slot) in zip(series, colourSlots()) {
            guard let label = s.band?.label, !rows.contains(where: { $0.label == label && $0.isBandOnly }) else { continue }
            rows.append(LegendRow(label: label, slot: slot, hasBand: true, colour: Self.bandLegendColour))
        }
        return rows
    }

    /// The neutral colour of a band's own legend row (it stands for every curve's band).
    static let bandLegendColour = "#888888"

    /// The legend box, in whichever corner of the plot area covers the fewest points
    /// (top right, top left, bottom right, bottom left on ties).
    func drawLegend(_ layout: PlotLayout, into out: inout SVGWriter) {
        let rows = legendRows()
        guard !rows.isEmpty else { return }
        let rowHeight = 18.0, glyph = 24.0, pad = 8.0, inset = 8.0
        let textWidth = rows.map { PlotLayout.width(of: $0.label, fontSize: PlotLayout.legendFont) }.max() ?? 0
        let width = pad + glyph + 6 + textWidth + pad + 4
        let height = pad + Double(rows.count) * rowHeight
        let corners = [
            (layout.right - inset - width, layout.top + inset),
            (layout.left + inset, layout.top + inset),
            (layout.right - inset - width, layout.bottom - inset - height),
            (layout.left + inset, layout.bottom - inset - height),
        ]
        let x0: Double, y0: Double
        switch legend {
        case .none: return
        case .upperRight: (x0, y0) = corners[0]
        case .upperLeft: (x0, y0) = corners[1]
        case .lowerRight: (x0, y0) = corners[2]
        case .lowerLeft: (x0, y0) = corners[3]
        case .best:
            let pixels = coveredPixels(layout)
            (x0, y0) = corners.min { a, b in
                covered(pixels, x: a.0, y: a.1, width: width, height: height)
                    < covered(pixels, x: b.0, y: b.1, width: width, height: height)
            } ?? corners[0]
        }

        out.line("<g class=\"legend\">")
        out.line("<rect class=\"legend-box\" x=\"\(out.n(x0))\" y=\"\(out.n(y0))\" width=\"\(out.n(width))\" "
            + "height=\"\(out.n(height))\" rx=\"3\"/>")
        for (i, row) in rows.enumerated() {
            let yc = y0 + pad / 2 + rowHeight * (Double(i) + 0.5)
            let gx = x0 + pad
            let colour = row.colour.map { " style=\"color:\(Markup.escape($0))\"" } ?? ""
            out.line("<g class=\"\(PlotStyle.classes(slot: row.slot))\"\(colour)>")
            if row.hasBand {
                out.line("<rect class=\"band\" x=\"\(out.n(gx))\" y=\"\(out.n(yc - 6))\" width=\"\(out.n(glyph))\" height=\"12\" "
                    + "fill=\"currentColor\" fill-opacity=\"0.18\" stroke=\"none\"/>")
            }
            if row.hasLine {
                out.line("<path class=\"line\" d=\"M\(out.n(gx)) \(out.n(yc))h\(out.n(glyph))\"\(row.dashed ? Self.dashAttribute : "")/>")
            }
            if row.hasErrors {
                let cx = gx + glyph / 2, cap = Self.capHalfWidth
                out.line("<path class=\"err\" d=\"M\(out.n(cx)) \(out.n(yc - 6))v12M\(out.n(cx - cap)) \(out.n(yc - 6))"
                    + "h\(out.n(2 * cap))M\(out.n(cx - cap)) \(out.n(yc + 6))h\(out.n(2 * cap))\"/>")
            }
            if row.hasMarker {
                out.line("<circle class=\"marker\" cx=\"\(out.n(gx + glyph / 2))\" cy=\"\(out.n(yc))\" "
                    + "r=\"\(out.n(Self.markerRadius))\"/>")
            }
            out.line("</g>")
            out.line("<text x=\"\(out.n(gx + glyph + 6))\" y=\"\(out.n(yc + 4))\">\(Markup.escape(row.label))</text>")
        }
        out.line("</g>")
    }

    /// Pixels the data occupies: every point, plus points along each line segment.
    private func coveredPixels(_ layout: PlotLayout) -> [(Double, Double)] {
        var pixels: [(Double, Double)] = []
        for s in series {
            let points = s.drawablePoints(scale, xlim, ylim).map { ($0.index, layout.px($0.x), layout.py($0.y)) }
            for (i, point) in points.enumerated() {
                pixels.append((point.1, point.2))
                guard s.style != .markers, i + 1 < points.count, points[i + 1].0 == point.0 + 1 else { continue }
                let next = points[i + 1]
                for step in 1..<8 {
                    let t = Double(step) / 8
                    pixels.append((point.1 + t * (next.1 - point.1), point.2 + t * (next.2 - point.2)))
                }
            }
        }
        return pixels
    }

    /// How many of `pixels` fall inside the box (grown by 4 px).
    private func covered(_ pixels: [(Double, Double)], x: Double, y: Double, width: Double, height: Double) -> Int {
        pixels.reduce(0) { count, p in
            p.0 >= x - 4 && p.0 <= x + width + 4 && p.1 >= y - 4 && p.1 <= y + height + 4 ? count + 1 : count
        }
    }
}
