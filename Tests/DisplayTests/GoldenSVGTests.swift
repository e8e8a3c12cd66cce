import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Display

/// The SVG renderer against committed golden files (byte for byte), plus properties
/// every figure must have. Re-record with `SOLVABLE_RECORD=1 swift test --filter GoldenSVGTests`
/// after a deliberate change, and look at the new files before committing them.
@Suite struct GoldenSVGTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let recording = ProcessInfo.processInfo.environment["SOLVABLE_RECORD"] == "1"

    @Test(arguments: ["linear.svg", "loglog-errorbars.svg", "grid-sweep.svg", "limits-clipped.svg", "fit-band.svg"])
    func matchesGoldenFile(_ name: String) throws {
        let plot = try #require(try GoldenFigures.all().first { $0.name == name }).plot
        let svg = plot.svg()
        let url = Self.directory.appendingPathComponent(name)
        if Self.recording {
            try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
            try svg.write(to: url, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        if svg != golden {
            let (new, old) = (svg.split(separator: "\n", omittingEmptySubsequences: false),
                              golden.split(separator: "\n", omittingEmptySubsequences: false))
            let line = (0..<min(new.count, old.count)).first { new[$0] != old[$0] } ?? min(new.count, old.count)
            Issue.record("""
                \(name) differs from its golden file at line \(line + 1) \
                (re-record with SOLVABLE_RECORD=1 if the change is intended):
                golden:   \(line < old.count ? old[line] : "<end>")
                rendered: \(line < new.count ? new[line] : "<end>")
                """)
        }
    }

    @Test func sameInputGivesIdenticalBytes() throws {
        for (_, plot) in try GoldenFigures.all() { #expect(plot.svg() == plot.svg()) }
    }

    @Test(arguments: ["linear.svg", "loglog-errorbars.svg", "grid-sweep.svg", "limits-clipped.svg", "fit-band.svg"])
    func goldenFileParsesAsXML(_ name: String) throws {
        let data = try Data(contentsOf: Self.directory.appendingPathComponent(name))
        let collector = ElementCollector()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        #expect(parser.parse(), "\(name): \(parser.parserError.map(String.init(describing:)) ?? "")")
        #expect(collector.elements.first == "svg")
        #expect(collector.elements.contains("style"))
        #expect(collector.elements.filter { $0 == "text" }.count >= 8)
    }

    @Test func logLogFigureHasDecadesMinorTicksErrorBarsAndLegend() throws {
        let svg = try GoldenFigures.logLog().svg()
        #expect(svg.contains(">10<tspan dy=\"-5\" font-size=\"8.5\">\u{2212}2</tspan></text>"))
        #expect(svg.contains("<path class=\"ticks minor\""))
        #expect(svg.contains("<path class=\"err\""))
        #expect(svg.components(separatedBy: "<circle class=\"marker\"").count - 1 == 12 + 1)
        #expect(svg.contains(">theory</text>") && svg.contains(">simulation</text>"))
        #expect(svg.contains("@media (prefers-color-scheme:dark)"))
        #expect(!svg.contains(" id=\""))
    }

    @Test func gridSweepHasOneLegendRowPerValue() throws {
        let svg = try GoldenFigures.gridSweep().svg()
        for label in ["noise=0.01", "noise=0.1", "noise=0.5"] { #expect(svg.contains(">\(label)</text>")) }
        #expect(svg.contains("class=\"series c2\""))
        #expect(!svg.contains("class=\"series c3\""))
    }

    @Test func textIsEscaped() {
        let plot = Plot(series: [.init(label: "a<b & \"c\"", xs: [1, 2], ys: [1, 2], style: .line)],
                        title: "<script>", xlabel: "x & y", ylabel: nil)
        let svg = plot.svg()
        #expect(!svg.contains("<script>"))
        #expect(svg.contains("&lt;script&gt;") && svg.contains("a&lt;b &amp; &quot;c&quot;") && svg.contains("x &amp; y"))
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse())
    }

    @Test func emptyAndDegenerateSeriesStillRender() {
        let cases = [
            Plot(series: []),
            Plot(series: [.init(label: "", xs: [1], ys: [1], style: .line)], scale: .loglog),
            Plot(series: [.init(label: "gaps", xs: [1, .nan, 3], ys: [.infinity, 2, 3], errors: [1, 1, .nan], style: .markers)]),
            Plot(series: [.init(label: "neg", xs: [-1, 0], ys: [-1, 0], style: .line)], scale: .loglog),
        ]
        for plot in cases {
            let svg = plot.svg()
            #expect(XMLParser(data: Data(svg.utf8)).parse())
            let numbers = svg.split(separator: "\"").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
            #expect(!numbers.contains { $0.lowercased().contains("nan") || $0.lowercased().contains("inf") })
        }
    }

    @Test func linesBreakAtMissingPoints() {
        let plot = Plot(series: [.init(label: "", xs: [1, 2, 3, 4, 5], ys: [1, 2, .nan, 4, 5], style: .line)])
        let path = plot.svg().split(separator: "\n").first { $0.hasPrefix("<path class=\"line\"") }
        #expect(path?.components(separatedBy: "M").count == 3)
    }

    @Test func bundleHasSVGAndSummary() throws {
        let bundle = try GoldenFigures.logLog().bundle
        #expect(bundle.plainText == "<Plot: 2 series, loglog, \"Ridge learning curve\">")
        #expect(bundle.data[MIMEType.svg]?.stringValue?.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\"") == true)
    }
}

/// Records element names in document order.
final class ElementCollector: NSObject, XMLParserDelegate {
    var elements: [String] = []

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        elements.append(elementName)
    }
}
