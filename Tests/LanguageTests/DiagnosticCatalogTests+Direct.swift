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
        DirectRow(diagnostic: "model.notIncreasing",
                  error: LanguageError(.model(.notIncreasing(owner: "refine", parameter: "run", column: "t", row: 3, value: 5, previous: 7)), at: nil),
                  traceback: ["ArgumentError: refine: column 't' of run must increase (row 3: 5 after 7)"]),
        DirectRow(diagnostic: "model.badEntry",
                  error: LanguageError(.model(.badEntry(owner: "refine", parameter: "run", column: "gnorm2", row: 2, value: -1,
                                                        allowed: "positive and finite")), at: nil),
                  traceback: ["ArgumentError: refine: column 'gnorm2' of run must be positive and finite (row 2: -1)"]),
        DirectRow(diagnostic: "model.notSolved",
                  error: LanguageError(.model(.notSolved(task: "icl theory", unknown: "the effective ridge",
                                                         at: [.init("tau", 0.5), .init("lambda", 1e-3)], cause: nil, parameter: nil)), at: nil),
                  traceback: ["ArgumentError: icl theory: the effective ridge did not converge at tau = 0.5, lambda = 0.001"]),
        DirectRow(diagnostic: "model.notSolved (cause)",
                  error: LanguageError(.model(.notSolved(task: "deepfeat theory", unknown: "the κ₀ equation", at: [.init("P", 100)],
                                                         cause: "no sign change", parameter: nil)), at: nil),
                  traceback: ["ArgumentError: deepfeat theory: the κ₀ equation did not converge at P = 100 (no sign change)"]),
        DirectRow(diagnostic: "model.decompositionFailed",
                  error: LanguageError(.model(.decompositionFailed(matrix: "Gram matrix of the ridge solve", size: 40, cause: "LAPACK info 3",
                                                                   remedy: "try lambda > 0")), at: nil),
                  traceback: ["ArgumentError: the eigendecomposition of the 40 × 40 Gram matrix of the ridge solve failed (LAPACK info 3); try lambda > 0"]),
        DirectRow(diagnostic: "model.tooLarge (memory)",
                  error: LanguageError(.model(.tooLarge(work: "simulate(flow)", needs: .bytes(6e9), limit: .bytes(4e9),
                                                        at: [.init("dim", 2000), .init("N", 1e5), .init("P", .infinity)],
                                                        remedy: "lower dim, N or P")), at: nil),
                  traceback: ["ResourceError: simulate(flow) needs about 5.6 GiB of memory at dim = 2000, N = 100000, P = inf (limit 3.7 GiB): lower dim, N or P"]),
        DirectRow(diagnostic: "model.overLimits",
                  error: LanguageError(.model(.overLimits(estimate: WorkEstimate(bytes: 16 * 1_073_741_824, seconds: 1), limits: .standard,
                                                          remedy: "use a smaller dim, P or N, fewer trials, or the theory")), at: nil),
                  traceback: ["ResourceError: this needs about 16 GiB of memory (limit 8 GiB): use a smaller dim, P or N, fewer trials, or the theory"]),
        DirectRow(diagnostic: "model.misdeclared", error: LanguageError(.model(.misdeclared(parameter: nil, problem: .notFromParameterSet)), at: nil),
                  traceback: ["ArgumentError: parameters can only be read from a ParameterSet"]),
        DirectRow(diagnostic: "model.misdeclared (not an option)",
                  error: LanguageError(.model(.misdeclared(parameter: "x", problem: .notAnOption)), at: nil),
                  traceback: ["ArgumentError: a ParameterGroup may hold only @Option and @OptionGroup properties"]),
        DirectRow(diagnostic: "model.misdeclared (unreadable)",
                  error: LanguageError(.model(.misdeclared(parameter: nil, problem: .unreadable(reason: "keyNotFound"))), at: nil),
                  traceback: ["ArgumentError: could not read the parameters: keyNotFound"]),
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
