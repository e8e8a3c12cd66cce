import Display
import Language
import Testing

/// plot(...) options from the language: labels, styles, colours, limits, size, legend,
/// several y columns, fits over their data, and every error pinned.
@Suite struct PlotControlLanguageTests {
    let h = Harness()
    static let data = "t = table(N=[1, 2, 3, 4], loss=[4, 3, 2.5, 2.2], train=[3, 2, 1.5, 1.2])\n"

    private func svg(_ code: String) -> String {
        guard case .success(let result?, _) = h.run(Self.data + code).0, case .string(let svg)? = result.data[MIMEType.svg] else { return "" }
        return svg
    }

    private func expectError(_ code: String, _ message: String, column: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let e = h.error(Self.data + code) else { Issue.record("expected an error from \(code)", sourceLocation: sourceLocation); return }
        #expect(e.ename + ": " + e.evalue == message, sourceLocation: sourceLocation)
        #expect(e.line == 2 && e.column == column, sourceLocation: sourceLocation)
    }

    @Test func labelStyleColourSizeLegend() {
        let s = svg("plot(t, x=\"N\", y=\"loss\", label=\"my runs\", style=\"dashed+markers\", color=\"#07b\", size=[400, 300], legend=\"lower left\")")
        #expect(s.contains(">my runs</text>"))
        #expect(s.contains("style=\"color:#07b\""))
        #expect(s.contains("stroke-dasharray=\"7 3\""))
        #expect(s.contains("viewBox=\"0 0 400 300\""))
    }

    @Test func severalYColumns() {
        let s = svg("plot(t, x=\"N\", y=[\"loss\", \"train\"])")
        #expect(s.contains(">loss</text>") && s.contains(">train</text>"))
        #expect(s.contains(">loss, train</text>"))
    }

    @Test func curveFitOverlay() {
        let s = svg("f = fit(t, x=\"N\", y=\"loss\")\nplot(t, f, x=\"N\", y=\"loss\", scale=\"loglog\")")
        #expect(s.contains(">powerlaw fit</text>"))
    }

    @Test func errorsOfPlotControl() {
        expectError("plot(t, x=\"N\", y=[\"loss\", \"train\"], label=\"a\")",
                    "ArgumentError: label= gives one label but the plot has 2 data series; give a list of 2", column: 37)
        expectError("plot(t, x=\"N\", y=\"loss\", style=\"dots\")",
                    "DomainError: style = \"dots\" is not allowed: use one of \"line\", \"markers\", \"both\", \"dashed\", \"dashed+markers\"", column: 26)
        expectError("plot(t, x=\"N\", y=\"loss\", color=\"#12\")",
                    "DomainError: color = \"#12\" is not a colour: use #rgb, #rrggbb or a CSS name such as \"crimson\"", column: 26)
        expectError("plot(t, x=\"N\", y=\"loss\", color=[\"red\", \"blue\"])", "ArgumentError: color= lists 2 values but the plot has 1 data series", column: 26)
        expectError("plot(t, x=\"N\", y=\"loss\", xlim=[3, 1])", "DomainError: xlim must be [low, high] with low < high, not [3, 1]", column: 26)
        expectError("plot(t, x=\"N\", y=\"loss\", scale=\"loglog\", ylim=[0, 1])",
                    "DomainError: ylim = [0, 1] reaches 0 or below on a log axis: allowed low > 0", column: 42)
        expectError("plot(t, x=\"N\", y=\"loss\", size=[100, 300])",
                    "DomainError: size = [100, 300] is out of range: allowed [width, height] with 200 ≤ each ≤ 4000 (px)", column: 26)
        expectError("plot(t, x=\"N\", y=\"loss\", legend=\"top\")",
                    "DomainError: legend = \"top\" is not allowed: use one of \"best\", \"upper right\", \"upper left\", \"lower right\", \"lower left\", \"none\"", column: 26)
        expectError("plot(t, x=\"N\", y=[\"loss\", 1])", "ArgumentError: y= lists column names (strings), not a number", column: 16)
        expectError("plot(fit(t, x=\"N\", y=\"loss\"))", "ArgumentError: plot needs something to draw: tables, two vectors, or a schedule", column: 1)
    }
}
