import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import NumericCore
import Testing
@testable import Display

/// Any numbers at all, however extreme, give a well-formed SVG without traps and
/// without NaN or infinity leaking into an attribute.
@Suite struct PlotRobustnessTests {
    /// Awkward values: signed zeros, subnormals, the extremes, NaN, infinities.
    static let awkward: [Double] = [0, -0.0, 5e-324, 1e-308, 1e308, -1e308, .greatestFiniteMagnitude, .nan,
                                    .infinity, -.infinity, 1, 1 + 1e-15, 1e15, -1e-300]

    @Test func randomAwkwardSeriesRenderAsWellFormedSVG() {
        var rng = Xoshiro256StarStar(seed: 20261130)
        func value() -> Double {
            rng.uniform() < 0.5 ? Self.awkward[Int(rng.next() % UInt64(Self.awkward.count))]
                                : (rng.uniform() - 0.5) * pow(10, Double(Int(rng.next() % 40)) - 20)
        }
        for round in 0..<300 {
            let count = Int(rng.next() % 6)
            let series = (0..<Int(1 + rng.next() % 3)).map { k in
                Plot.Series(label: "s\(k)", xs: (0..<count).map { _ in value() }, ys: (0..<count).map { _ in value() },
                            errors: k == 1 ? (0..<count).map { _ in value() } : nil, style: k == 0 ? .line : .markers)
            }
            let plot = Plot(series: series, scale: Plot.Scale.allCases[round % 4], title: "round \(round)")
            let svg = plot.svg()
            #expect(XMLParser(data: Data(svg.utf8)).parse(), "round \(round)")
            let attributes = svg.split(separator: "\"").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
            #expect(!attributes.contains { $0.lowercased().contains("nan") || $0.lowercased().contains("inf") },
                    "round \(round)")
        }
    }
}
