import Language
import Testing

/// Every error kind, pinned with its message, line, column and caret.
@Suite struct ErrorMessageTests {
    let h = Harness()

    private func expectError(_ code: String, _ traceback: [String], line: Int, column: Int,
                             sourceLocation: SourceLocation = #_sourceLocation) {
        guard let e = h.error(code) else {
            Issue.record("expected an error from \(code)", sourceLocation: sourceLocation)
            return
        }
        #expect(e.traceback == traceback, sourceLocation: sourceLocation)
        #expect(e.line == line, sourceLocation: sourceLocation)
        #expect(e.column == column, sourceLocation: sourceLocation)
        #expect(e.ename + ": " + e.evalue == traceback[0], sourceLocation: sourceLocation)
    }

    @Test func syntaxErrorUnclosedBracket() {
        expectError("x = 1\ny = (2 + 3", [
            "SyntaxError: '(' was never closed", "  at line 2, column 5", "    y = (2 + 3", "        ^",
        ], line: 2, column: 5)
    }

    @Test func syntaxErrorUnexpectedToken() {
        expectError("x = 2 3", [
            "SyntaxError: unexpected 3 after a complete statement", "  at line 1, column 7", "    x = 2 3", "          ^",
        ], line: 1, column: 7)
    }

    @Test func syntaxErrorUnterminatedString() {
        expectError("print(\"abc)", [
            "SyntaxError: unterminated string (missing closing \")", "  at line 1, column 7", "    print(\"abc)", "          ^",
        ], line: 1, column: 7)
    }

    @Test func syntaxErrorStopsTheCellBeforeAnythingRuns() {
        let (outcome, sink) = h.run("print(1)\nx = )")
        guard case .failure(let e) = outcome else { Issue.record("expected failure"); return }
        #expect(e.ename == "SyntaxError")
        #expect(sink.events.isEmpty)
    }

    @Test func nameErrorWithSuggestion() {
        expectError("xs = [1, 2]\nlen(sx)", [
            "NameError: name 'sx' is not defined; did you mean 'xs'?", "  at line 2, column 5", "    len(sx)", "        ^",
        ], line: 2, column: 5)
    }

    @Test func nameErrorUnknownFunction() {
        expectError("geomspce(1, 10, 3)", [
            "NameError: 'geomspce' is not a builtin, model or function; did you mean 'geomspace'?",
            "  at line 1, column 1", "    geomspce(1, 10, 3)", "    ^",
        ], line: 1, column: 1)
    }

    @Test func argumentErrorUnknownKeywordWithSuggestion() {
        expectError("m = toy(alpah=2)", [
            "ArgumentError: toy has no parameter 'alpah' (parameters: alpha, dim, mode, noise); did you mean 'alpha'?",
            "  at line 1, column 9", "    m = toy(alpah=2)", "            ^",
        ], line: 1, column: 9)
    }

    @Test func argumentErrorMissingRequired() {
        expectError("linspace(1)", [
            "ArgumentError: linspace needs the argument 'stop' (last value); see help(linspace)",
            "  at line 1, column 1", "    linspace(1)", "    ^",
        ], line: 1, column: 1)
    }

    @Test func domainErrorFromParameterRange() {
        expectError("m = toy(\n  alpha=-1)", [
            "DomainError: alpha = -1 is out of range: allowed alpha > 0", "  at line 2, column 3", "      alpha=-1)", "      ^",
        ], line: 2, column: 3)
    }

    @Test func domainErrorFromArithmetic() {
        expectError("y = 1 / 0", [
            "DomainError: division by zero", "  at line 1, column 7", "    y = 1 / 0", "          ^",
        ], line: 1, column: 7)
    }

    @Test func resourceErrorRefusedUpFront() {
        let code = "m = toy(dim=1e6)\nsimulate(m, P=[10, 100])"
        guard let e = h.error(code) else { Issue.record("expected a ResourceError"); return }
        #expect(e.ename == "ResourceError")
        #expect(e.evalue.hasPrefix("simulate(toy) would need about 7450.6 GiB of memory (limit 8 GiB)"))
        #expect(e.traceback.suffix(3) == ["  at line 2, column 1", "    simulate(m, P=[10, 100])", "    ^"])
    }

    @Test func interruptedByMonitor() async {
        let monitor = WorkMonitorFactory.cancelled()
        guard case .failure(let e) = h.run("x = 1", monitor: monitor).0 else { Issue.record("expected failure"); return }
        #expect(e.ename == "Interrupted")
        #expect(e.evalue == "interrupted by the user")
    }

    @Test func typeErrorForArithmeticOnStrings() {
        expectError("\"a\" * 2", [
            "TypeError: cannot apply '*' to a string and a number", "  at line 1, column 5", "    \"a\" * 2", "        ^",
        ], line: 1, column: 5)
    }

    @Test func indexErrorOutOfRange() {
        expectError("v = [1, 2, 3]\nv[3]", [
            "IndexError: index 3 is out of range for a vector of length 3 (allowed -3 … 2)",
            "  at line 2, column 3", "    v[3]", "      ^",
        ], line: 2, column: 3)
    }

    @Test func modelValidationErrorPointsAtItsParameter() {
        expectError("toy(dim=2000, alpha=6)", [
            "DomainError: alpha = 6 is out of range: allowed alpha ≤ 5 (when dim > 1000)", "  at line 1, column 15", "    toy(dim=2000, alpha=6)", "                  ^",
        ], line: 1, column: 15)
    }

    @Test func choiceSuggestsTheClosestOption() {
        let e = h.error("toy(mode=\"fsat\")")
        #expect(e?.evalue == "mode = \"fsat\" is not allowed: use one of \"fast\", \"slow\"; did you mean 'fast'?")
        #expect(e?.ename == "DomainError")
    }
}

import NumericCore

/// Monitors in known states.
enum WorkMonitorFactory {
    /// A monitor that has already been cancelled.
    static func cancelled() -> WorkMonitor {
        let m = WorkMonitor()
        m.cancel()
        return m
    }
}
