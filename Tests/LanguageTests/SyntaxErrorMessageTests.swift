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
        Case(code: "v = linspace(0, 1, 3)\nif v > 0.5:\n    x = 1", traceback: [
            "TypeError: the truth value of a mask with 3 elements is ambiguous; use any(...) or all(...)",
            "  at line 2, column 6",
            "    if v > 0.5:",
            "         ^",
        ], line: 2, column: 6),
        Case(code: "[1, 2] > [1, 2, 3]", traceback: [
            "ArgumentError: sequences of different lengths (2 and 3) cannot be combined with '>'",
            "  at line 1, column 8",
            "    [1, 2] > [1, 2, 3]",
            "           ^",
        ], line: 1, column: 8),
        Case(code: "\"a\" < 1", traceback: [
            "TypeError: '<' is not supported between a string and a number",
            "  at line 1, column 5",
            "    \"a\" < 1",
            "        ^",
        ], line: 1, column: 5),
        Case(code: "none < 1", traceback: [
            "TypeError: '<' is not supported between none and a number",
            "  at line 1, column 6",
            "    none < 1",
            "         ^",
        ], line: 1, column: 6),
        Case(code: "v = [1, 2, 3]\nv[[true, false]]", traceback: [
            "IndexError: a mask of 2 elements cannot select from a vector of 3 elements",
            "  at line 2, column 3",
            "    v[[true, false]]",
            "      ^",
        ], line: 2, column: 3),
        Case(code: "def f(a, b=2): return a\nf(1, 2, 3)", traceback: [
            "ArgumentError: f() takes from 1 to 2 positional arguments but 3 were given",
            "  at line 2, column 9",
            "    f(1, 2, 3)",
            "            ^",
        ], line: 2, column: 9),
        Case(code: "def f(a, b=2): return a\nf(1, c=2)", traceback: [
            "ArgumentError: f() got an unexpected keyword argument 'c' (parameters: a, b); did you mean 'a'?",
            "  at line 2, column 6",
            "    f(1, c=2)",
            "         ^",
        ], line: 2, column: 6),
        Case(code: "def f(a, b=2): return a\nf(1, a=2)", traceback: [
            "ArgumentError: f() got multiple values for argument 'a'",
            "  at line 2, column 6",
            "    f(1, a=2)",
            "         ^",
        ], line: 2, column: 6),
        Case(code: "def f(a, b, c): return a\nf()", traceback: [
            "ArgumentError: f() missing 3 required arguments: 'a', 'b' and 'c'",
            "  at line 2, column 1",
            "    f()",
            "    ^",
        ], line: 2, column: 1),
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
        Case(code: "[y for y in 3]", traceback: [
            "TypeError: cannot loop over a number in 'for y in ...'; give a list, vector, range(...) or string",
            "  at line 1, column 8",
            "    [y for y in 3]",
            "           ^",
        ], line: 1, column: 8),
        Case(code: "[r for r in table(a=[1])]", traceback: [
            "TypeError: cannot loop over a table; loop over a column (for x in t.name) or the row numbers (for i in range(len(t)))",
            "  at line 1, column 8",
            "    [r for r in table(a=[1])]",
            "           ^",
        ], line: 1, column: 8),
        Case(code: "def f():\n    z = z + 1\n    return z\nf()", traceback: [
            "NameError: local variable 'z' is used before it is assigned",
            "  at line 2, column 9",
            "        z = z + 1",
            "            ^",
        ], line: 2, column: 9),
        Case(code: "t = table(a=[1, 2])\nt[\"b\"] = [1, 2, 3]", traceback: [
            "ArgumentError: the new column 'b' has 3 values but the table has 2 rows",
            "  at line 2, column 10",
            "    t[\"b\"] = [1, 2, 3]",
            "             ^",
        ], line: 2, column: 10),
        Case(code: "t = table(a=[1, 2])\nt[0] = 1", traceback: [
            "TypeError: a table's columns are set by name, as in t[\"z\"] = values, not by a number",
            "  at line 2, column 3",
            "    t[0] = 1",
            "      ^",
        ], line: 2, column: 3),
        Case(code: "v = [1, 2]\nv[5] = 1", traceback: [
            "IndexError: index 5 is out of range for a vector of length 2",
            "  at line 2, column 3",
            "    v[5] = 1",
            "      ^",
        ], line: 2, column: 3),
        Case(code: "5 // 0", traceback: [
            "DomainError: division by zero",
            "  at line 1, column 3",
            "    5 // 0",
            "      ^",
        ], line: 1, column: 3),
        Case(code: "5 % 0", traceback: [
            "DomainError: division by zero",
            "  at line 1, column 3",
            "    5 % 0",
            "      ^",
        ], line: 1, column: 3),
        Case(code: "x = 3\nx[\"a\"] = 1", traceback: [
            "TypeError: a number does not support item assignment; only tables (columns), lists and vectors do",
            "  at line 2, column 1",
            "    x[\"a\"] = 1",
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
        Case(code: "1 in 2", traceback: [
            "TypeError: 'in' needs a list, vector, mask, string, row or table on its right, not a number",
            "  at line 1, column 3",
            "    1 in 2",
            "      ^",
        ], line: 1, column: 3),
    ]

    @Test(arguments: cases) func pinned(_ c: Case) throws {
        let e = try #require(Harness().error(c.code))
        #expect(e.traceback == c.traceback)
        #expect(e.line == c.line)
        #expect(e.column == c.column)
        #expect(e.ename + ": " + e.evalue == c.traceback[0])
    }
}
