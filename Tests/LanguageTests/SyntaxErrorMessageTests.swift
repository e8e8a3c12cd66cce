import Language
import Testing

/// The errors Python-style code raises when it runs (issue 14.2), pinned: kind, message,
/// line, column and caret. Its syntax errors are pinned in `DiagnosticCatalogTests`.
@Suite struct SyntaxErrorMessageTests {
    /// One cell and the traceback it must give.
    struct Case: Sendable, CustomTestStringConvertible {
        var code: String
        var traceback: [String]
        var line: Int
        var column: Int
        var testDescription: String { code }
    }

    static let cases: [Case] = [
        Case(code: "x = lambda", traceback: [
            "NameError: name 'lambda' is not defined",
            "  at line 1, column 5",
            "    x = lambda",
            "        ^",
        ], line: 1, column: 5),
        Case(code: "\"a\" < 1", traceback: [
            "TypeError: '<' is not supported between a string and a number",
            "  at line 1, column 5",
            "    \"a\" < 1",
            "        ^",
        ], line: 1, column: 5),
        Case(code: "def f(a): return a\nf(b=1)", traceback: [
            "ArgumentError: f() got an unexpected keyword argument 'b' (parameters: a); did you mean 'a'?",
            "  at line 2, column 3",
            "    f(b=1)",
            "      ^",
        ], line: 2, column: 3),
        Case(code: "x = 1\nx(2)", traceback: [
            "TypeError: 'x' is a number, not a function",
            "  at line 2, column 1",
            "    x(2)",
            "    ^",
        ], line: 2, column: 1),
        Case(code: "diff([1, 2], n=-1)", traceback: [
            "DomainError: n = -1 is out of range: allowed a whole number n ≥ 0",
            "  at line 1, column 14",
            "    diff([1, 2], n=-1)",
            "                 ^",
        ], line: 1, column: 14),
    ]

    @Test(arguments: cases) func pinned(_ c: Case) throws {
        let e = try #require(Harness().error(c.code))
        #expect(e.traceback == c.traceback)
        #expect(e.line == c.line)
        #expect(e.column == c.column)
        #expect(e.ename + ": " + e.evalue == c.traceback[0])
    }
}
