import Testing
@testable import Display

/// `NumberFormat`: what text/plain, table cells and tick labels print.
@Suite struct NumberFormatTests {
    @Test(arguments: [
        (42.0, "42"), (-3.0, "-3"), (1_000_000.0, "1000000"), (0.0, "0"), (-0.0, "0"),
        (1.0 / 3.0, "0.333333"), (1.5e-7, "1.5e-07"), (123_456.7, "123457"), (2.5, "2.5"),
        (1e-5, "1e-05"), (1e20, "1e+20"), (-2.25, "-2.25"), (0.1 + 0.2, "0.3"), (6.02214076e23, "6.02214e+23"),
        (Double.nan, "nan"), (Double.infinity, "inf"), (-Double.infinity, "-inf"),
    ])
    func plain(_ value: Double, _ expected: String) {
        #expect(NumberFormat.plain(value) == expected)
    }

    @Test func cellsMatchPlain() {
        for x in [0.1, 12.0, 1e-9, -7.125] { #expect(NumberFormat.cell(x) == NumberFormat.plain(x)) }
    }

    @Test(arguments: [
        ([0, 0.2, 0.4], 0.2, ["0", "0.2", "0.4"]),
        ([0.5, 0.75, 1], 0.25, ["0.5", "0.75", "1"]),
        ([100, 200, 300], 100, ["100", "200", "300"]),
        ([-2, -1, 1e-17], 1, ["\u{2212}2", "\u{2212}1", "0"]),
        ([0, 2e-5, 4e-5], 2e-5, ["0", "2e-5", "4e-5"]),
        ([1e-5, 1.5e-5, 2e-5], 5e-6, ["1e-5", "1.5e-5", "2e-5"]),
        ([0, 2e5, 4e5, 6e5, 8e5, 1e6], 2e5, ["0", "2e5", "4e5", "6e5", "8e5", "1e6"]),
        ([2.5e6, 3e6], 5e5, ["2.5e6", "3e6"]),
        ([-3e5, 0], 1e5, ["\u{2212}3e5", "0"]),
        ([99_000, 99_500], 500, ["99000", "99500"]),
    ] as [([Double], Double, [String])])
    func ticks(_ values: [Double], _ step: Double, _ expected: [String]) {
        #expect(NumberFormat.ticks(values, step: step) == expected)
    }

    @Test(arguments: [
        (1.0, "1"), (1.5, "1.5"), (1.25, "1.25"), (1.006, "1.01"), (-0.001, "0"), (-12.345, "-12.35"),
        (0.07, "0.07"), (640.0, "640"), (Double.nan, "0"),
    ])
    func coordinate(_ value: Double, _ expected: String) {
        #expect(NumberFormat.coordinate(value) == expected)
    }

    @Test func markupEscapesEverythingXMLNeeds() {
        #expect(Markup.escape("a<b & \"c\" 'd'>") == "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;")
        #expect(Markup.escape("bell\u{7}") == "bell")
    }
}
