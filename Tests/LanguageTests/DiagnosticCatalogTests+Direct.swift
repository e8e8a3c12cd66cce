import JSON
@testable import Language
import Models
import NumericCore
import Testing

/// Catalogue cases no cell can raise — programming errors surfaced rather than crashes,
/// and the settings a front end sends back for an explore — pinned in full all the same.
extension DiagnosticCatalogTests {
    /// A case built directly, and the traceback a user would see (no position).
    struct DirectRow: Sendable, CustomTestStringConvertible {
        var diagnostic: String
        var error: LanguageError
        var traceback: [String]
        var testDescription: String { diagnostic }
    }

    static let directRows: [DirectRow] = [
        DirectRow(diagnostic: "model.missing", error: LanguageError(.model(.missing("dim")), at: nil),
                  traceback: ["ArgumentError: missing parameter 'dim'"]),
        DirectRow(diagnostic: "computationFailed", error: LanguageError(.computationFailed(reason: "LAPACK info 3"), at: nil),
                  traceback: ["ArgumentError: the computation failed: LAPACK info 3"]),
        DirectRow(diagnostic: "notPassable", error: LanguageError(.notPassable(parameter: "wait"), at: nil),
                  traceback: ["ArgumentError: wait is not a model parameter of a kind the language can pass"]),
        DirectRow(diagnostic: "evaluation.unsweepableResult",
                  error: LanguageError(.evaluation(.unsweepableResult(typeName: "a schedule")), at: nil),
                  traceback: ["ArgumentError: this operation returns a schedule, which cannot be swept"]),
        DirectRow(diagnostic: "plot.spec.noTables", error: LanguageError(.plot(.spec(.noTables)), at: nil),
                  traceback: ["ArgumentError: nothing to plot: give at least one table"]),
        DirectRow(diagnostic: "evaluation.sweepColumns", error: LanguageError(.evaluation(.sweepColumns(missing: "test_se")), at: nil),
                  traceback: ["ArgumentError: sweep results differ: a table lacks column 'test_se'"]),
    ]

    @Test(arguments: directRows)
    func rendersDirectly(_ row: DirectRow) {
        #expect(row.error.traceback(source: "") == row.traceback)
    }

    /// A front end's redraw of an explore: the settings it sends, and the error it gets back.
    struct SettingRow: Sendable, CustomTestStringConvertible {
        var diagnostic: String
        var id: Int
        var settings: [JSONValue]
        var traceback: [String]
        var testDescription: String { diagnostic }
    }

    /// Settings for `explore([slider(1, 3, 2), dropdown(["a"]), checkbox(true)])`, explore 0.
    static let settingRows: [SettingRow] = [
        SettingRow(diagnostic: "widget.sliderSetting", id: 0, settings: ["x", 0, true],
                   traceback: ["ArgumentError: control 1: a slider takes a number, not \"x\""]),
        SettingRow(diagnostic: "widget.sliderSettingRange", id: 0, settings: [9, 0, true],
                   traceback: ["ArgumentError: control 1 = 9 is outside the slider's range [1, 3]"]),
        SettingRow(diagnostic: "widget.dropdownIndex", id: 0, settings: [2, 5, true],
                   traceback: ["ArgumentError: control 2: option index 5 is not in 0..<1"]),
        SettingRow(diagnostic: "widget.checkboxSetting", id: 0, settings: [2, 0, 3],
                   traceback: ["ArgumentError: control 3: a checkbox takes true or false, not 3"]),
        SettingRow(diagnostic: "widget.settingCount", id: 0, settings: [2],
                   traceback: ["ArgumentError: explore 0 has 3 controls, got 1 values"]),
        SettingRow(diagnostic: "widget.noExplore", id: 7, settings: [],
                   traceback: ["NameError: no explore with id 7 in this session"]),
    ]

    @Test(arguments: settingRows)
    func rendersSettingErrors(_ row: SettingRow) throws {
        let harness = Harness()
        guard case .success = harness.run("explore([slider(1, 3, 2), dropdown([\"a\"]), checkbox(true)])").0 else {
            Issue.record("the explore did not run"); return
        }
        let redrawn = harness.session.reexplore(row.id, settings: row.settings, sink: RecordingSink(), monitor: WorkMonitor())
        guard case .failure(let error) = redrawn else { Issue.record("\(row.settings) accepted"); return }
        #expect(error.traceback == row.traceback)
    }
}
