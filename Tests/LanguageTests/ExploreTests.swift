import Display
import JSON
import Language
import NumericCore
import Testing

/// Controls are their value outside `explore`; `explore` receives its expression
/// unevaluated, records the controls, and re-evaluates it with new values.
@Suite struct ExploreTests {
    static let curve = "plot(theory(ridge(alpha=%@, beta=1.2, noise=0.1, dim=1000, lambda=1e-3), P=geomspace(10, 1e4, 40)), x=\"P\", y=\"test\", scale=\"loglog\")"

    static func code(_ alpha: String) -> String { curve.replacingOccurrences(of: "%@", with: alpha) }

    /// The SVG a cell shows as its result.
    static func svg(_ code: String) -> String? {
        guard case .success(let bundle?, _) = Session().execute(code, sink: RecordingSink(), monitor: WorkMonitor()) else { return nil }
        return bundle.data[MIMEType.svg]?.stringValue
    }

    /// The explore display of `code`, from a fresh session kept for re-evaluation.
    static func explore(_ code: String) -> (Session, MIMEBundle)? {
        let session = Session()
        let sink = RecordingSink()
        guard case .success(nil, _) = session.execute(code, sink: sink, monitor: WorkMonitor()) else { return nil }
        for case .display(let bundle, _, _) in sink.events where bundle.data[Session.exploreMIMEType] != nil {
            return (session, bundle)
        }
        return nil
    }

    @Test func outsideExploreAControlIsItsValue() {
        #expect(Self.svg(Self.code("slider(1, 3, 1.5)")) == Self.svg(Self.code("1.5")))
        let session = Session()
        guard case .success(let b?, _) = session.execute("[dropdown([\"a\", \"b\"], value=\"b\"), checkbox(true), slider(0, 10)]",
                                                          sink: RecordingSink(), monitor: WorkMonitor()) else {
            Issue.record("cell failed"); return
        }
        #expect(b.plainText == "[\"b\", true, 5]")
    }

    @Test func exploreRecordsLabelledControlsAndRedrawsAsTheDirectCall() throws {
        let (session, bundle) = try #require(Self.explore("explore(" + Self.code("slider(1, 3, 1.5)") + ")"))
        let explore = try #require(bundle.data[Session.exploreMIMEType])
        let control = try #require(explore["controls"]?.arrayValue?.first)
        #expect(control["label"] == "alpha" && control["kind"] == "slider")
        #expect(control["min"]?.doubleValue == 1 && control["max"]?.doubleValue == 3 && control["value"]?.doubleValue == 1.5)
        #expect(bundle.data[MIMEType.svg]?.stringValue == Self.svg(Self.code("1.5")))
        // Re-evaluated at 2.5, the view is the plot drawn with alpha=2.5 in another session.
        let redrawn = session.reexplore(explore["id"]?.intValue ?? -1, settings: [2.5], sink: RecordingSink(), monitor: WorkMonitor())
        guard case .success(let view) = redrawn else { Issue.record("\(redrawn)"); return }
        #expect(view.data[MIMEType.svg]?.stringValue == Self.svg(Self.code("2.5")))
        #expect(view.data[MIMEType.svg]?.stringValue != bundle.data[MIMEType.svg]?.stringValue)
        #expect(view.data[Session.exploreMIMEType]?["controls"]?.arrayValue?.first?["value"]?.doubleValue == 2.5)
    }

    @Test func dropdownAndCheckboxSettingsAreIndexAndBool() throws {
        let (session, bundle) = try #require(Self.explore("explore([dropdown([\"x\", \"y\", \"z\"]), checkbox(false)])"))
        let controls = try #require(bundle.data[Session.exploreMIMEType]?["controls"]?.arrayValue)
        #expect(controls.map { $0["kind"] } == ["dropdown", "checkbox"])
        #expect(controls[0]["options"] == ["\"x\"", "\"y\"", "\"z\""] || controls[0]["options"] == ["x", "y", "z"])
        guard case .success(let view) = session.reexplore(0, settings: [2, true], sink: RecordingSink(), monitor: WorkMonitor()) else {
            Issue.record("reexplore failed"); return
        }
        #expect(view.plainText == "[\"z\", true]")
    }

    @Test func badControlsAndSettingsAreClearErrors() throws {
        let cases: [(String, String, Int)] = [
            ("x = slider(3, 1)", "must be greater than min", 15),
            ("slider(1, 3, 7)", "outside [1, 3]", 14),
            ("slider(0, 1, log=true)", "needs min > 0", 8),
            ("slider(0, 1, step=1e-9)", "at most 1000 steps", 14),
            ("explore(abs(-2))", "has no control", 9),
            ("explore(x=slider(1, 2))", "takes one expression", 1),
            ("explore(explore(slider(1, 2)))", "cannot be nested", 9),
            ("dropdown([])", "non-empty list", 10),
        ]
        for (code, message, column) in cases {
            guard case .failure(let error) = Session().execute(code, sink: RecordingSink(), monitor: WorkMonitor()) else {
                Issue.record("\(code) did not fail"); continue
            }
            #expect(error.evalue.contains(message), "\(code): \(error.evalue)")
            #expect(error.column == column, "\(code): column \(String(describing: error.column))")
        }
        let (session, _) = try #require(Self.explore("explore(slider(1, 3, 2))"))
        guard case .failure(let error) = session.reexplore(0, settings: [9], sink: RecordingSink(), monitor: WorkMonitor()) else {
            Issue.record("out of range accepted"); return
        }
        #expect(error.evalue.contains("outside the slider's range [1, 3]"))
        guard case .failure(let missing) = session.reexplore(5, settings: [], sink: RecordingSink(), monitor: WorkMonitor()) else {
            Issue.record("unknown explore accepted"); return
        }
        #expect(missing.evalue.contains("no explore with id 5"))
    }

    /// A control in a function defined in another cell is keyed by that cell and its
    /// offset there: one at the same offset of the explore's own cell is another control,
    /// keeps its own value and does not take a keyword label from this cell.
    @Test func controlsAtTheSameOffsetOfDifferentCellsStayApart() throws {
        let definition = "pair = lambda x, y: [x, y]\nf = lambda a: a + slider(0, 10, 1)"
        let offset = try #require(definition.range(of: "slider")).lowerBound.utf16Offset(in: definition)
        let head = "explore(pair(f(0), y="
        let cell = head + String(repeating: " ", count: offset - head.count) + "slider(0, 5, 2)))"
        #expect(try #require(cell.range(of: "slider")).lowerBound.utf16Offset(in: cell) == offset)
        let session = Session()
        guard case .success = session.execute(definition, sink: RecordingSink(), monitor: WorkMonitor()) else {
            Issue.record("definition failed"); return
        }
        let sink = RecordingSink()
        guard case .success = session.execute(cell, sink: sink, monitor: WorkMonitor()) else { Issue.record("explore failed"); return }
        let shown = sink.events.compactMap { event -> JSONValue? in
            if case .display(let bundle, _, _) = event { return bundle.data[Session.exploreMIMEType] }
            return nil
        }
        let controls = try #require(shown.first?["controls"]?.arrayValue)
        #expect(controls.map { $0["label"] } == ["control 1", "y"])
        #expect(controls.map { $0["value"]?.doubleValue } == [1, 2])
        guard case .success(let view) = session.reexplore(0, settings: [7, 4], sink: RecordingSink(), monitor: WorkMonitor()) else {
            Issue.record("reexplore failed"); return
        }
        #expect(view.plainText == "[7, 4]")
    }
}
