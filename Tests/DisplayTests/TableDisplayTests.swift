import JSON
import NumericCore
import Testing
@testable import Display

/// Table rendering: aligned text, HTML, and the pandas-shaped Table Schema resource.
@Suite struct TableDisplayTests {
    let table = Table(columns: [
        .init("P", [10, 100, 1000]),
        .init("test", [0.5, 1.0 / 3.0, 1.5e-7]),
        .init("optimizer", strings: ["sgd", "adam", "a<b"]),
    ], caption: "theory", role: .theory)

    @Test func plainAlignsColumnsLikePandas() {
        let expected = """
            theory
                  P      test  optimizer
            0    10       0.5  sgd
            1   100  0.333333  adam
            2  1000   1.5e-07  a<b
            """
        #expect(TableDisplay.plain(table) == expected)
    }

    @Test func plainTruncatesLongTablesInTheMiddle() {
        let long = Table(columns: [.init("n", (0..<100).map(Double.init))])
        let lines = TableDisplay.plain(long).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 1 + 5 + 1 + 5 + 2)
        #expect(lines[1] == "0      0")
        #expect(lines[6] == "...  ...")
        #expect(lines[7] == "95    95")
        #expect(lines[11] == "99    99")
        #expect(lines.last == "[100 rows x 1 columns]")
        // 60 rows is not yet long.
        let sixty = Table(columns: [.init("n", (0..<60).map(Double.init))])
        #expect(TableDisplay.plain(sixty).split(separator: "\n").count == 61)
    }

    @Test func plainHandlesEmptyTables() {
        #expect(TableDisplay.plain(Table(columns: [])) == "Empty table (no columns)")
        #expect(TableDisplay.plain(Table(columns: [.init("a", []), .init("b", [])], caption: "c")) == "c\nEmpty table (no rows)\nColumns: a, b")
    }

    @Test func htmlHasCaptionHeaderAlignedNumbersAndEscapedText() {
        let html = TableDisplay.html(table)
        #expect(html.hasPrefix("<table class=\"solvable-table\">\n<caption>theory</caption>\n<thead>"))
        #expect(html.contains("<th class=\"num\" style=\"text-align: right; font-variant-numeric: tabular-nums;\">P</th>"))
        #expect(html.contains("<td class=\"num\" style=\"text-align: right; font-variant-numeric: tabular-nums;\">0.333333</td>"))
        #expect(html.contains("<td style=\"text-align: left;\">a&lt;b</td>"))
        #expect(!html.contains("a<b"))
        #expect(html.components(separatedBy: "<tr>").count - 1 == 4)
        #expect(html.hasSuffix("</tbody>\n</table>"))
    }

    @Test func htmlShowsEveryRowUpToSixtyThenHeadAndTailAsPandas() {
        let sixty = Table(columns: [.init("n", (0..<60).map(Double.init))])
        #expect(TableDisplay.html(sixty).components(separatedBy: "<tr>").count - 1 == 61)
        let long = Table(columns: [.init("n", (0..<100).map(Double.init))])
        let html = TableDisplay.html(long)
        // Header, rows 0–4, the "…" row, rows 95–99.
        #expect(html.components(separatedBy: "<tr>").count - 1 == 12)
        #expect(html.contains("<tr><th>…</th><td>…</td></tr>"))
        #expect(html.contains("<tr><th>95</th>") && !html.contains("<tr><th>50</th>"))
        #expect(html.hasSuffix("</table>\n<p>100 rows × 1 columns</p>"))
        #expect(TableDisplay.dataResource(long)["data"]?.arrayValue?.count == TableDisplay.maxPlainRows)
    }

    @Test func dataResourceIsShapedAsPandasWritesIt() throws {
        let t = Table(columns: [.init("P", [10, 100]), .init("test", [0.1, .nan]), .init("kind", strings: ["a", "b"])])
        // What pandas.DataFrame({"P": [10.0, 100.0], "test": [0.1, float("nan")], "kind": ["a", "b"]})
        //   .to_json(orient="table") writes (checked with pandas 3.1, which also adds
        //   "extDtype": "str" to its new string dtype's field; pandas 2.x does not).
        let pandas = """
            {"schema":{"fields":[{"name":"index","type":"integer"},{"name":"P","type":"number"},\
            {"name":"test","type":"number"},{"name":"kind","type":"string"}],"primaryKey":["index"],\
            "pandas_version":"1.4.0"},"data":[{"index":0,"P":10.0,"test":0.1,"kind":"a"},\
            {"index":1,"P":100.0,"test":null,"kind":"b"}]}
            """
        #expect(TableDisplay.dataResource(t) == (try JSONParser.parse(pandas)))
        let written = JSONWriter.string(TableDisplay.dataResource(t))
        #expect(written.contains("\"P\":10.0"))
        #expect(written.contains("\"test\":null"))
    }

    @Test func dataResourceKeepsExactDoubles() throws {
        let values = [1.0 / 3.0, 1e-300, 123456789.123456789, -0.1]
        let t = Table(columns: [.init("x", values)])
        let parsed = try JSONParser.parse(JSONWriter.string(TableDisplay.dataResource(t)))
        for (row, value) in values.enumerated() {
            #expect(parsed["data"]?.arrayValue?[row]["x"]?.doubleValue == value)
        }
    }

    @Test func anIndexColumnMovesTheRowIndexToLevel0() {
        let t = Table(columns: [.init("index", [5])])
        let resource = TableDisplay.dataResource(t)
        #expect(resource["schema"]?["primaryKey"] == ["level_0"])
        #expect(resource["data"]?.arrayValue?[0]["level_0"] == .int(0))
        #expect(resource["data"]?.arrayValue?[0]["index"] == .double(5))
    }

    @Test func bundleCarriesAllThreeTypes() {
        let bundle = TableDisplay.bundle(table)
        #expect(Set(bundle.data.keys) == [MIMEType.plain, MIMEType.html, MIMEType.dataResource])
        #expect(bundle.plainText == TableDisplay.plain(table))
    }
}
