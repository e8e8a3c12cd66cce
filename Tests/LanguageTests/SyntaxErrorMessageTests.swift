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
        Case(code: "sort([1, 2], by=\"a\")", traceback: [
            "ArgumentError: by= orders the rows of a table; a vector is sorted by its values",
            "  at line 1, column 14",
            "    sort([1, 2], by=\"a\")",
            "                 ^",
        ], line: 1, column: 14),
        Case(code: "sort(table(a=[1]))", traceback: [
            "ArgumentError: sort of a table needs the column to order by, as in sort(t, by=\"a\")",
            "  at line 1, column 6",
            "    sort(table(a=[1]))",
            "         ^",
        ], line: 1, column: 6),
        Case(code: "sort(table(a=[1]), by=\"b\")", traceback: [
            "NameError: the table has no column 'b' (columns: a); did you mean 'a'?",
            "  at line 1, column 20",
            "    sort(table(a=[1]), by=\"b\")",
            "                       ^",
        ], line: 1, column: 20),
        Case(code: "argmin([])", traceback: [
            "ArgumentError: argmin of an empty vector is undefined",
            "  at line 1, column 8",
            "    argmin([])",
            "           ^",
        ], line: 1, column: 8),
        Case(code: "cumsum(\"a\")", traceback: [
            "TypeError: cumsum needs a vector (or a list of numbers), not a string",
            "  at line 1, column 8",
            "    cumsum(\"a\")",
            "           ^",
        ], line: 1, column: 8),
        Case(code: "diff([1, 2], n=-1)", traceback: [
            "DomainError: n = -1 is out of range: allowed a whole number n ≥ 0",
            "  at line 1, column 14",
            "    diff([1, 2], n=-1)",
            "                 ^",
        ], line: 1, column: 14),
        Case(code: "any([none])", traceback: [
            "TypeError: any needs bools or numbers, not none",
            "  at line 1, column 5",
            "    any([none])",
            "        ^",
        ], line: 1, column: 5),
    ]

    @Test(arguments: cases) func pinned(_ c: Case) throws {
        let e = try #require(Harness().error(c.code))
        #expect(e.traceback == c.traceback)
        #expect(e.line == c.line)
        #expect(e.column == c.column)
        #expect(e.ename + ": " + e.evalue == c.traceback[0])
    }
}
