@testable import Display
import NumericCore
import Testing

/// Labels, styles, colours, limits, size, legend placement, bands and the standalone SVG.
@Suite struct PlotControlTests {
    private func plot(_ configure: (inout Plot) -> Void) -> String {
        var p = Plot(series: [Plot.Series(label: "a", xs: [1, 2, 3, 4], ys: [1, 4, 9, 16], style: .markers)])
        configure(&p)
        return p.svg()
    }

    @Test func defaultsLeaveTheSVGAlone() {
        #expect(plot { _ in } == Plot(series: [Plot.Series(label: "a", xs: [1, 2, 3, 4], ys: [1, 4, 9, 16], style: .markers)]).svg())
    }

    @Test func sizeSetsTheViewBox() {
        let svg = plot { $0.width = 300; $0.height = 200 }
        #expect(svg.contains("viewBox=\"0 0 300 200\" width=\"300\" height=\"200\""))
    }

    @Test func limitsFixTheAxesAndHideOutsideMarkers() {
        let svg = plot { $0.xlim = 1.5...3.5; $0.ylim = 0...10 }
        #expect(svg.components(separatedBy: "<circle class=\"marker\"").count - 1 == 2 + 1)  // two points + the legend's
    }

    /// The path's coordinates, in px.
    private func linePoints(_ svg: String) throws -> [(Double, Double)] {
        let start = try #require(svg.range(of: "<path class=\"line\" d=\""))
        let d = svg[start.upperBound...].prefix { $0 != "\"" }
        let numbers = d.split(whereSeparator: { "MLh ".contains($0) }).compactMap { Double($0) }
        return stride(from: 0, to: numbers.count - 1, by: 2).map { (numbers[$0], numbers[$0 + 1]) }
    }

    @Test func linesAreCutAtTheLimitsNotAtTheLastPointInside() throws {
        // y = x² through (3, 9) and (4, 16) with ylim 0…10: the line leaves the top edge at
        // x = 3 + 1/7 (where that segment reaches 10), not at the last point inside, x = 3.
        let inside = try linePoints(plot { $0.series[0].style = .line; $0.xlim = 1...4; $0.ylim = 0...10 })
        #expect(inside.count == 4)  // three points inside and the crossing
        let top = try #require(inside.map(\.1).min())
        #expect(abs(inside[3].1 - top) < 1e-9 && inside[3].1 < inside[2].1)
        let expected = inside[0].0 + (3 + 1.0 / 7 - 1) * (inside[1].0 - inside[0].0)
        #expect(abs(inside[3].0 - expected) < 0.05, "crossing at \(inside[3].0), expected \(expected)")
        // Nothing inside: no path but the legend's glyph.
        let outside = plot { $0.series[0].style = .line; $0.ylim = 100...200 }
        #expect(outside.components(separatedBy: "<path class=\"line\"").count - 1 == 1)
    }

    @Test func fitBandsHaveALegendRow() throws {
        var p = Plot(series: [Plot.Series(label: "fit", xs: [1, 2, 3, 4], ys: [1, 4, 9, 16], style: .line)])
        p.series[0].band = Plot.Series.Band(lower: [0.5, 3, 8, 15], upper: [2, 5, 10, 18], label: "95% bootstrap band")
        let svg = p.svg()
        #expect(p.legendRows().map(\.label) == ["fit", "95% bootstrap band"])
        #expect(svg.contains(">95% bootstrap band</text>"))
        #expect(svg.components(separatedBy: "<rect class=\"band\"").count - 1 == 2)  // the series' row and the band's
    }

    @Test func stylesColoursAndDashes() {
        let svg = plot { p in
            p.series[0].style = .both
            p.series[0].dashed = true
            p.series[0].color = "crimson"
        }
        #expect(svg.contains("<g class=\"series c0\" aria-label=\"a\" style=\"color:crimson\">"))
        #expect(svg.contains("stroke-dasharray=\"7 3\""))
        #expect(svg.contains("<path class=\"line\" d=\"M"))
        #expect(svg.contains("<circle class=\"marker\""))
    }

    @Test func bandIsAPolygonBetweenItsEdges() {
        let svg = plot { p in
            p.series[0].style = .line
            p.series[0].band = Plot.Series.Band(lower: [0.5, 3, 8, 15], upper: [2, 5, 10, 18])
        }
        #expect(svg.contains("<path class=\"band\" d=\"M"))
        #expect(svg.contains("fill-opacity=\"0.18\""))
    }

    @Test func legendPlacement() {
        #expect(!plot { $0.legend = .none }.contains("<g class=\"legend\">"))
        let left = plot { $0.legend = .upperLeft }, right = plot { $0.legend = .upperRight }
        func boxX(_ svg: String) -> Double? {
            guard let r = svg.range(of: "<rect class=\"legend-box\" x=\"") else { return nil }
            return Double(svg[r.upperBound...].prefix { $0 != "\"" })
        }
        #expect(boxX(left)! < boxX(right)!)
    }

    @Test func standaloneSVGHasNoCSSVariables() {
        let p = Plot(series: [Plot.Series(label: "a", xs: [1, 2], ys: [3, 4], style: .line)])
        #expect(p.svg().contains("var("))
        #expect(!p.standaloneSVG().contains("var("))
        #expect(!p.standaloneSVG().contains("@media"))
        #expect(p.standaloneSVG().contains(".bg{fill:#ffffff}"))
    }

    @Test func scalingFitOverlayHasOneCurvePerOtherInputWithBands() throws {
        var request = ScalingFit.Request(law: .chinchilla, inputs: [[1e7, 1e8, 1e9, 1e7, 1e8, 1e9, 1e7, 1e8], [1e9, 1e9, 1e9, 1e10, 1e10, 1e10, 1e11, 1e11]],
                                         inputNames: ["N", "D"], losses: [], outputName: "loss")
        let truth = [1.69, 406.4, 410.7, 0.34, 0.28]
        request.losses = zip(request.inputs[0], request.inputs[1]).map { ScalingLaw.chinchilla.evaluate(truth, at: [$0, $1]) }
        request.bootstrap = 20
        let fit = try ScalingFit.fit(request)
        let runs = Table(columns: [Table.Column("N", request.inputs[0]), Table.Column("D", request.inputs[1]),
                                   Table.Column("loss", request.losses)])
        var p = try Plot(tables: [runs], x: "N", y: "loss", scale: .loglog)
        let data = p.series.count
        try p.overlay(fit, x: "N", tables: [runs])
        #expect(p.series.count == data + 3)
        let labels = [1e9, 1e10, 1e11].map { "D=" + NumberFormat.plain($0) }
        #expect(p.series.suffix(3).map(\.label) == labels)
        // The fitted curves share colour and legend row with the data groups of the same D.
        #expect(p.series.prefix(data).map(\.group) == labels.map(Optional.some))
        #expect(p.series.suffix(3).map(\.group) == labels.map(Optional.some))
        #expect(p.series.suffix(3).allSatisfy { $0.band != nil })
        #expect(throws: PlotError.self) { try p.overlay(fit, x: "loss", tables: [runs]) }
    }
}
