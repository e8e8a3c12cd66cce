import NumericCore
import Testing
@testable import Display

/// `Plot(tables:...)`: series from tables, the sweep-grouping rule, and its errors.
@Suite struct PlotTablesTests {
    let theory = Table(columns: [.init("P", [10, 100, 1000]), .init("test", [1, 0.1, 0.01])],
                       caption: "theory", role: .theory)
    let simulation = Table(columns: [
        .init("P", [10, 100]), .init("test", [1.1, 0.09]), .init("test_se", [0.1, 0.01]), .init("train", [0.5, 0.05]),
    ], caption: "simulation", role: .simulation)

    @Test func theoryIsALineAndSimulationMarkersWithErrors() throws {
        let plot = try Plot(tables: [theory, simulation], x: "P", y: "test", scale: .loglog, title: "Ridge")
        #expect(plot.series.map(\.style) == [.line, .markers])
        #expect(plot.series.map(\.label) == ["theory", "simulation"])
        #expect(plot.series[0].errors == nil)
        #expect(plot.series[1].errors == [0.1, 0.01])
        #expect(plot.xlabel == "P" && plot.ylabel == "test")
        #expect(plot.summary == "<Plot: 2 series, loglog, \"Ridge\">")
    }

    @Test func defaultColumnsAndLabels() throws {
        let bare = Table(columns: [.init("a", [1, 2]), .init("b", [3, 4])])
        let one = try Plot(tables: [bare], x: nil, y: nil)
        #expect(one.series.map(\.label) == [""])
        #expect(one.series[0].xs == [1, 2] && one.series[0].ys == [3, 4])
        #expect(one.xlabel == "a" && one.ylabel == "b")
        let two = try Plot(tables: [bare, bare], x: nil, y: nil, xlabel: "A")
        #expect(two.series.map(\.label) == ["series 1", "series 2"])
        #expect(two.xlabel == "A")
    }

    @Test func missingColumnListsTheColumnsThereAre() {
        #expect(throws: PlotError.noColumn("train", parameter: "y", context: " in table 1", columns: ["P", "test"])) {
            try Plot(tables: [theory, simulation], x: "P", y: "train")
        }
        #expect(throws: PlotError.noColumn("R", parameter: "x", context: "", columns: ["P", "test"])) {
            try Plot(tables: [theory], x: "R", y: "test")
        }
        let single = Table(columns: [.init("P", [1])])
        #expect(throws: PlotError.noColumnAt(index: 1, parameter: "y", context: "", columns: ["P"])) {
            try Plot(tables: [single], x: nil, y: nil)
        }
    }

    @Test func textColumnsCannotBePlotted() {
        let t = Table(columns: [.init("opt", strings: ["sgd"]), .init("loss", [1])])
        #expect(throws: PlotError.textColumn("opt", parameter: "x", context: "", columns: ["opt", "loss"])) {
            try Plot(tables: [t], x: "opt", y: "loss")
        }
    }

    @Test func emptyInputIsAnError() {
        #expect(throws: PlotError.noTables) {
            try Plot(tables: [], x: "P", y: "test")
        }
        let empty = Table(columns: [.init("P", []), .init("test", [])])
        #expect(throws: PlotError.noRows) {
            try Plot(tables: [empty], x: "P", y: "test")
        }
    }

    @Test func logAxesDropNonPositivePointsButNeedOne() throws {
        let mixed = Table(columns: [.init("x", [-1, 0, 1, 2]), .init("y", [1, 1, 0, 4])])
        let plot = try Plot(tables: [mixed], x: "x", y: "y", scale: .loglog)
        #expect(plot.series[0].drawablePoints(.loglog).map(\.index) == [3])
        let negative = Table(columns: [.init("x", [1, 2]), .init("y", [-1, 0])])
        #expect(throws: PlotError.noPointOnLogAxis(axes: "y", scale: "logy")) {
            try Plot(tables: [negative], x: "x", y: "y", scale: .logy)
        }
        #expect(throws: PlotError.self) { try Plot(tables: [negative], x: "x", y: "y", scale: .loglog) }
        #expect((try? Plot(tables: [negative], x: "x", y: "y", scale: .logx)) != nil)
    }

    /// A long table over P × noise, as a two-parameter sweep returns it.
    static func sweep(role: Table.Role, caption: String?, swept first: Bool = false) -> Table {
        let ps: [Double] = [10, 100, 1000]
        let noises: [Double] = [0.1, 0.5]
        var p: [Double] = [], noise: [Double] = [], test: [Double] = [], se: [Double] = []
        for n in noises {
            for x in ps {
                p.append(x); noise.append(n); test.append(n + 1 / x); se.append(0.01)
            }
        }
        let columns: [Table.Column] = [.init("P", p), .init("noise", noise), .init("test", test), .init("test_se", se)]
        return Table(columns: first ? [columns[1], columns[0], columns[2], columns[3]] : columns,
                     caption: caption, role: role)
    }

    @Test func aSweptSecondParameterGivesOneSeriesPerValue() throws {
        let plot = try Plot(tables: [Self.sweep(role: .simulation, caption: "simulation")], x: "P", y: "test")
        #expect(plot.series.map(\.label) == ["noise=0.1", "noise=0.5"])
        #expect(plot.series.map(\.group) == ["noise=0.1", "noise=0.5"])
        #expect(plot.series[1].xs == [10, 100, 1000])
        #expect(plot.series[1].ys == [0.5 + 0.1, 0.5 + 0.01, 0.5 + 0.001])
        #expect(plot.series[1].errors == [0.01, 0.01, 0.01])
        // Column order does not matter.
        let first = try Plot(tables: [Self.sweep(role: .theory, caption: nil, swept: true)], x: "P", y: "test")
        #expect(first.series.map(\.label) == ["noise=0.1", "noise=0.5"])
        #expect(first.series.allSatisfy { $0.errors == nil && $0.style == .line })
    }

    @Test func theoryAndSimulationOfTheSameValueShareAColourAndALegendRow() throws {
        let plot = try Plot(tables: [Self.sweep(role: .theory, caption: "theory"),
                                     Self.sweep(role: .simulation, caption: "simulation")], x: "P", y: "test")
        #expect(plot.series.count == 4)
        #expect(plot.colourSlots() == [0, 1, 0, 1])
        let rows = plot.legendRows()
        #expect(rows.map(\.label) == ["noise=0.1", "noise=0.5"])
        #expect(rows.allSatisfy { $0.hasLine && $0.hasMarker && $0.hasErrors })
    }

    @Test func columnsThatAreNotSweepsStayOneSeries() throws {
        // An output column with few values but no shared x between its groups.
        let curve = Table(columns: [.init("P", [1, 2, 3, 4]), .init("test", [4, 3, 2, 1]), .init("phase", [0, 0, 1, 1])])
        #expect(try Plot(tables: [curve], x: "P", y: "test").series.count == 1)
        // More than 12 distinct values.
        let xs = (0..<26).map { Double($0 % 2) }
        let many = Table(columns: [.init("P", xs), .init("test", xs), .init("k", (0..<26).map { Double($0 / 2) })])
        #expect(SweepGrouping.groups(in: many, x: "P", y: "test", xs: xs) == nil)
        #expect(try Plot(tables: [many], x: "P", y: "test").series.count == 1)
        // A group of one row is not a curve.
        let lonely = Table(columns: [.init("P", [1, 2, 1]), .init("test", [1, 2, 3]), .init("k", [0, 0, 1])])
        #expect(try Plot(tables: [lonely], x: "P", y: "test").series.count == 1)
        // `_se` columns and the y column never split a table.
        let se = Table(columns: [.init("P", [1, 2, 1, 2]), .init("test", [1, 1, 2, 2]), .init("test_se", [0.1, 0.1, 0.2, 0.2])])
        #expect(try Plot(tables: [se], x: "P", y: "test").series.count == 1)
    }

    @Test func stringSweepsAndTwelveGroupsWork() throws {
        let t = Table(columns: [.init("step", [1, 2, 1, 2]), .init("loss", [3, 2, 4, 1]),
                               .init("optimizer", strings: ["sgd", "sgd", "adam", "adam"])])
        #expect(try Plot(tables: [t], x: "step", y: "loss").series.map(\.label) == ["optimizer=sgd", "optimizer=adam"])
        let xs = (0..<24).map { Double($0 % 2) }
        let twelve = Table(columns: [.init("x", xs), .init("y", xs), .init("k", (0..<24).map { Double($0 / 2) })])
        #expect(try Plot(tables: [twelve], x: "x", y: "y").series.count == 12)
    }
}

/// Palette slots beyond the seven colours switch to dashed lines and open markers.
@Suite struct PaletteTests {
    @Test func slotsCycleColoursThenStyles() {
        #expect(PlotStyle.classes(slot: 0) == "c0")
        #expect(PlotStyle.classes(slot: 6) == "c6")
        #expect(PlotStyle.classes(slot: 7) == "c0 alt")
        #expect(PlotStyle.classes(slot: 11) == "c4 alt")
    }

    @Test func twelveSweepValuesGetTwelveDistinctLooks() throws {
        let xs = (0..<24).map { Double($0 % 2) }
        let t = Table(columns: [.init("x", xs), .init("y", xs), .init("k", (0..<24).map { Double($0 / 2) })])
        let plot = try Plot(tables: [t], x: "x", y: "y")
        #expect(Set(plot.colourSlots().map(PlotStyle.classes)).count == 12)
        #expect(plot.svg().contains("<g class=\"series c4 alt\" aria-label=\"k=11\">"))
    }
}
