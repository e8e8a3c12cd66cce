import Language
import Testing

/// Every case of the diagnostics catalogue (`Diagnostic`; its `Syntax` cases in
/// `syntaxRows`, `Evaluation` in `evaluationRows`, `Resource` in `resourceRows`, `Builtin`
/// in `builtinRows`, `Widget` in `widgetRows`, `Plot` in `plotRows`, `ScalingFit` in
/// `scalingFitRows`, `model` in `modelRows`; front-end settings in `settingRows`, cases no cell
/// can raise in `directRows`), pinned in full as a user sees it: kind, text, line, column, the
/// quoted line with its caret, and the suggestion.
@Suite struct DiagnosticCatalogTests {
    /// One case: the catalogue entry, a cell that raises it, and the whole traceback.
    struct Row: Sendable, CustomTestStringConvertible {
        var diagnostic: String
        var code: String
        var traceback: [String]
        /// Over the full model catalogue rather than the toy models.
        var catalog = false
        var testDescription: String { diagnostic }
    }

    static let rows: [Row] = [
        Row(diagnostic: "notCallable", code: "lnspace(0, 1)", traceback: [
            "NameError: 'lnspace' is not a builtin, model or function; did you mean 'linspace'?",
            "  at line 1, column 1", "    lnspace(0, 1)", "    ^"]),
        Row(diagnostic: "notAFunction", code: "x = 1\nx(2)", traceback: [
            "TypeError: 'x' is a number, not a function",
            "  at line 2, column 1", "    x(2)", "    ^"]),
        Row(diagnostic: "cannotCall", code: "[1, 2][0](2)", traceback: [
            "TypeError: a number cannot be called",
            "  at line 1, column 7", "    [1, 2][0](2)", "          ^"]),
        Row(diagnostic: "tooManyPositional", code: "linspace(0, 1, 5, 6)", traceback: [
            "ArgumentError: linspace takes at most 3 positional arguments (got 4); see help(linspace)",
            "  at line 1, column 19", "    linspace(0, 1, 5, 6)", "                      ^"]),
        Row(diagnostic: "duplicateArgument", code: "linspace(0, 1, start=2)", traceback: [
            "ArgumentError: linspace got two values for 'start'",
            "  at line 1, column 16", "    linspace(0, 1, start=2)", "                   ^"]),
        Row(diagnostic: "unknownParameter", code: "toy(alpah=2)", traceback: [
            "ArgumentError: toy has no parameter 'alpah' (parameters: alpha, dim, mode, noise); did you mean 'alpha'?",
            "  at line 1, column 5", "    toy(alpah=2)", "        ^"]),
        Row(diagnostic: "unknownParameter (operation)", code: "theory(toy(), P=[1], dimm=3)", traceback: [
            "ArgumentError: theory(toy) has no parameter 'dimm' (parameters: P and the model's alpha, dim, mode, noise); did you mean 'dim'?",
            "  at line 1, column 22", "    theory(toy(), P=[1], dimm=3)", "                         ^"]),
        Row(diagnostic: "unknownParameter (no keywords)", code: "clear(wiat=true)", traceback: [
            "ArgumentError: clear has no parameter 'wiat' (parameters: wait); did you mean 'wait'?",
            "  at line 1, column 7", "    clear(wiat=true)", "          ^"]),
        Row(diagnostic: "missingArgument", code: "linspace(0)", traceback: [
            "ArgumentError: linspace needs the argument 'stop' (last value); see help(linspace)",
            "  at line 1, column 1", "    linspace(0)", "    ^"]),
        Row(diagnostic: "missingArgument (operation)", code: "theory(toy())", traceback: [
            "ArgumentError: theory(toy) needs the argument 'P' (sample sizes); see help(theory)",
            "  at line 1, column 1", "    theory(toy())", "    ^"]),
        Row(diagnostic: "needsModel", code: "theory(1, P=[1])", traceback: [
            "ArgumentError: theory needs a model as its first argument, not a number",
            "  at line 1, column 8", "    theory(1, P=[1])", "           ^"]),
        Row(diagnostic: "needsModel (none)", code: "theory(P=[1])", traceback: [
            "ArgumentError: theory needs a model as its first argument, e.g. theory(m, ...)",
            "  at line 1, column 1", "    theory(P=[1])", "    ^"]),
        Row(diagnostic: "noOperation", code: "frontier(ridge())", traceback: [
            "ArgumentError: ridge has no operation 'frontier'; it has theory, simulate",
            "  at line 1, column 1", "    frontier(ridge())", "    ^"], catalog: true),
        Row(diagnostic: "singleValueHere", code: "toy(alpha=[1, 2])", traceback: [
            "ArgumentError: alpha takes a single value here; to sweep it, give the list in an operation, e.g. theory(m, alpha=[...])",
            "  at line 1, column 5", "    toy(alpha=[1, 2])", "        ^"]),
        Row(diagnostic: "wrongKind", code: "toy(alpha=\"x\")", traceback: [
            "ArgumentError: alpha must be a number, not a string",
            "  at line 1, column 5", "    toy(alpha=\"x\")", "        ^"]),
        Row(diagnostic: "wrongKind (builtin)", code: "linspace(\"a\", 1)", traceback: [
            "ArgumentError: linspace: start must be a number, not a string",
            "  at line 1, column 10", "    linspace(\"a\", 1)", "             ^"]),
        Row(diagnostic: "outOfRange", code: "toy(alpha=-1)", traceback: [
            "DomainError: alpha = -1 is out of range: allowed alpha > 0",
            "  at line 1, column 5", "    toy(alpha=-1)", "        ^"]),
        Row(diagnostic: "outOfRange (entry)", code: "theory(toy(), P=[1, -1])", traceback: [
            "DomainError: P = -1 (entry 1) is out of range: allowed P > 0",
            "  at line 1, column 15", "    theory(toy(), P=[1, -1])", "                  ^"]),
        Row(diagnostic: "outOfRange (whole)", code: "toy(dim=2.5)", traceback: [
            "DomainError: dim = 2.5 is out of range: allowed a whole number dim ≥ 1",
            "  at line 1, column 5", "    toy(dim=2.5)", "        ^"]),
        Row(diagnostic: "notAChoice", code: "toy(mode=\"fsat\")", traceback: [
            "DomainError: mode = \"fsat\" is not allowed: use one of \"fast\", \"slow\"; did you mean 'fast'?",
            "  at line 1, column 5", "    toy(mode=\"fsat\")", "        ^"]),
        Row(diagnostic: "tooLarge", code: "linspace(0, 1, 1e12)", traceback: [
            "ResourceError: n = 1000000000000 is too large for linspace: allowed 1 ≤ n ≤ 10000000",
            "  at line 1, column 16", "    linspace(0, 1, 1e12)", "                   ^"]),
        Row(diagnostic: "cannotSweep", code: "theory(toy(), P=[1], noise=[0, 1])", traceback: [
            "ArgumentError: noise cannot be swept; give a single value",
            "  at line 1, column 22", "    theory(toy(), P=[1], noise=[0, 1])", "                         ^"]),
        Row(diagnostic: "emptySweep", code: "theory(toy(), P=[1], alpha=[])", traceback: [
            "ArgumentError: alpha is an empty list; a sweep needs at least one value",
            "  at line 1, column 22", "    theory(toy(), P=[1], alpha=[])", "                         ^"]),
        Row(diagnostic: "sweepTooLarge", code: "theory(toy(), P=[1], alpha=linspace(1, 2, 400), dim=linspace(1, 400, 400))", traceback: [
            "ResourceError: the sweep has 160000 points (400 alpha × 400 dim); the limit is 100000 points: sweep fewer values",
            "  at line 1, column 1", "    theory(toy(), P=[1], alpha=linspace(1, 2, 400), dim=linspace(1, 400, 400))", "    ^"]),
    ]

    @Test(arguments: rows + syntaxRows + evaluationRows + resourceRows + builtinRows + widgetRows + plotRows + scalingFitRows + modelRows)
    func rendersInFull(_ row: Row) throws {
        let harness = row.catalog ? Harness(session: Session()) : Harness()
        let error = try #require(harness.error(row.code), "\(row.code) did not fail")
        #expect(error.traceback == row.traceback)
        #expect(error.ename + ": " + error.evalue == row.traceback[0])
        let place = row.traceback[1]
        #expect(place == "  at line \(error.line ?? 0), column \(error.column ?? 0)")
    }
}
