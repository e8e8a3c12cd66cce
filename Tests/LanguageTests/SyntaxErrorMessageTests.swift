import Language
import Testing

/// Every error of the Python-style syntax (issue 14.2), pinned: kind, message, line,
/// column and caret. Constructs the language leaves out are named as unsupported.
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
        Case(code: "for x in [1, 2]: print(x)", traceback: [
            "SyntaxError: 'for' statements are not supported; use a list comprehension [... for x in xs]",
            "  at line 1, column 1",
            "    for x in [1, 2]: print(x)",
            "    ^",
        ], line: 1, column: 1),
        Case(code: "while true:", traceback: [
            "SyntaxError: 'while' loops are not supported; use a list comprehension [... for x in xs] or a recursive function",
            "  at line 1, column 1",
            "    while true:",
            "    ^",
        ], line: 1, column: 1),
        Case(code: "class A:", traceback: [
            "SyntaxError: 'class' definitions are not supported; use def for functions and table(...) for data",
            "  at line 1, column 1",
            "    class A:",
            "    ^",
        ], line: 1, column: 1),
        Case(code: "import numpy", traceback: [
            "SyntaxError: 'import' is not supported; every builtin and model is already available (see help())",
            "  at line 1, column 1",
            "    import numpy",
            "    ^",
        ], line: 1, column: 1),
        Case(code: "from math import pi", traceback: [
            "SyntaxError: 'from' is not supported; every builtin and model is already available (see help())",
            "  at line 1, column 1",
            "    from math import pi",
            "    ^",
        ], line: 1, column: 1),
        Case(code: "try:", traceback: [
            "SyntaxError: 'try' (exception handling) is not supported",
            "  at line 1, column 1",
            "    try:",
            "    ^",
        ], line: 1, column: 1),
        Case(code: "with open(\"f\") as f:", traceback: [
            "SyntaxError: 'with' statements are not supported",
            "  at line 1, column 1",
            "    with open(\"f\") as f:",
            "    ^",
        ], line: 1, column: 1),
        Case(code: "raise 1", traceback: [
            "SyntaxError: 'raise' is not supported",
            "  at line 1, column 1",
            "    raise 1",
            "    ^",
        ], line: 1, column: 1),
        Case(code: "del x", traceback: [
            "SyntaxError: 'del' is not supported; assign the name a new value instead",
            "  at line 1, column 1",
            "    del x",
            "    ^",
        ], line: 1, column: 1),
        Case(code: "x = 1\nglobal x", traceback: [
            "SyntaxError: 'global' declarations are not supported; a function reads the session's names but binds its own",
            "  at line 2, column 1",
            "    global x",
            "    ^",
        ], line: 2, column: 1),
        Case(code: "def f():\n    yield 1", traceback: [
            "SyntaxError: 'yield' (generators) is not supported; return a list instead",
            "  at line 2, column 5",
            "        yield 1",
            "        ^",
        ], line: 2, column: 5),
        Case(code: "assert 1 == 1", traceback: [
            "SyntaxError: 'assert' is not supported; state a check with claim(text, measured, expect=..., tol=...)",
            "  at line 1, column 1",
            "    assert 1 == 1",
            "    ^",
        ], line: 1, column: 1),
        Case(code: "break", traceback: [
            "SyntaxError: 'break' is not supported: the language has no loops (use a list comprehension)",
            "  at line 1, column 1",
            "    break",
            "    ^",
        ], line: 1, column: 1),
        Case(code: "x = {\"a\": 1}", traceback: [
            "SyntaxError: dictionaries and sets ('{ }') are not supported; use a table or a list",
            "  at line 1, column 5",
            "    x = {\"a\": 1}",
            "        ^",
        ], line: 1, column: 5),
        Case(code: "@cache\ndef f(): return 1", traceback: [
            "SyntaxError: decorators ('@') are not supported",
            "  at line 1, column 1",
            "    @cache",
            "    ^",
        ], line: 1, column: 1),
        Case(code: "return 1", traceback: [
            "SyntaxError: 'return' outside function",
            "  at line 1, column 1",
            "    return 1",
            "    ^",
        ], line: 1, column: 1),
        Case(code: "def f(x):\n    return x\n  y = 2", traceback: [
            "SyntaxError: unindent does not match any outer indentation level",
            "  at line 3, column 3",
            "      y = 2",
            "      ^",
        ], line: 3, column: 3),
        Case(code: "x = 1\n    y = 2", traceback: [
            "SyntaxError: unexpected indent",
            "  at line 2, column 5",
            "        y = 2",
            "        ^",
        ], line: 2, column: 5),
        Case(code: "def f():", traceback: [
            "SyntaxError: expected an indented block after function definition on line 1, found end of input",
            "  at line 1, column 9",
            "    def f():",
            "            ^",
        ], line: 1, column: 9),
        Case(code: "def f()\n    return 1", traceback: [
            "SyntaxError: expected ':' after the parameters of 'f', found end of line",
            "  at line 1, column 8",
            "    def f()",
            "           ^",
        ], line: 1, column: 8),
        Case(code: "def f(a=1, b): return a", traceback: [
            "SyntaxError: parameter without a default follows parameter with a default",
            "  at line 1, column 12",
            "    def f(a=1, b): return a",
            "               ^",
        ], line: 1, column: 12),
        Case(code: "def f(a, a): return a", traceback: [
            "SyntaxError: duplicate parameter 'a'",
            "  at line 1, column 10",
            "    def f(a, a): return a",
            "             ^",
        ], line: 1, column: 10),
        Case(code: "def f(*args): return 1", traceback: [
            "SyntaxError: '*args' parameters are not supported",
            "  at line 1, column 7",
            "    def f(*args): return 1",
            "          ^",
        ], line: 1, column: 7),
        Case(code: "def f(**kw): return 1", traceback: [
            "SyntaxError: '**kwargs' parameters are not supported",
            "  at line 1, column 7",
            "    def f(**kw): return 1",
            "          ^",
        ], line: 1, column: 7),
        Case(code: "def for(x): return x", traceback: [
            "SyntaxError: expected a function name after 'def', found for",
            "  at line 1, column 5",
            "    def for(x): return x",
            "        ^",
        ], line: 1, column: 5),
        Case(code: "if = 3", traceback: [
            "SyntaxError: cannot assign to 'if': it is a keyword",
            "  at line 1, column 1",
            "    if = 3",
            "    ^",
        ], line: 1, column: 1),
        Case(code: "x = 1 if 2", traceback: [
            "SyntaxError: expected 'else' in the conditional expression 'a if condition else b', found end of input",
            "  at line 1, column 11",
            "    x = 1 if 2",
            "              ^",
        ], line: 1, column: 11),
        Case(code: "x = [y for y in]", traceback: [
            "SyntaxError: expected an expression, found ']'",
            "  at line 1, column 16",
            "    x = [y for y in]",
            "                   ^",
        ], line: 1, column: 16),
        Case(code: "x = [y for 1 in [1]]", traceback: [
            "SyntaxError: expected a variable name after 'for', found 1",
            "  at line 1, column 12",
            "    x = [y for 1 in [1]]",
            "               ^",
        ], line: 1, column: 12),
        Case(code: "x = [a for a, b in [1]]", traceback: [
            "SyntaxError: unpacking several names in a comprehension (for a, b in ...) is not supported; loop over one name",
            "  at line 1, column 13",
            "    x = [a for a, b in [1]]",
            "                ^",
        ], line: 1, column: 13),
        Case(code: "x = (1, 2)", traceback: [
            "SyntaxError: tuples are not supported; use a list [a, b]",
            "  at line 1, column 7",
            "    x = (1, 2)",
            "          ^",
        ], line: 1, column: 7),
        Case(code: "v = [1, 2, 3]\nv[0:2]", traceback: [
            "SyntaxError: slices (a[i:j]) are not supported; index with a mask or use a comprehension",
            "  at line 2, column 4",
            "    v[0:2]",
            "       ^",
        ], line: 2, column: 4),
        Case(code: "x is none", traceback: [
            "SyntaxError: 'is' is not supported; compare with == or !=",
            "  at line 1, column 3",
            "    x is none",
            "      ^",
        ], line: 1, column: 3),
        Case(code: "t = table(a=[1])\nt.b = 2", traceback: [
            "SyntaxError: cannot assign to the field 'b'; add or replace a column with t[\"b\"] = values",
            "  at line 2, column 3",
            "    t.b = 2",
            "      ^",
        ], line: 2, column: 3),
        Case(code: "f(x) = 3", traceback: [
            "SyntaxError: cannot assign to this expression; assignments look like name = value",
            "  at line 1, column 6",
            "    f(x) = 3",
            "         ^",
        ], line: 1, column: 6),
        Case(code: "x = 1\nelse:", traceback: [
            "SyntaxError: 'else' without a matching 'if'",
            "  at line 2, column 1",
            "    else:",
            "    ^",
        ], line: 2, column: 1),
        Case(code: "def f(x):\nreturn x", traceback: [
            "SyntaxError: expected an indented block after function definition on line 1, found return",
            "  at line 2, column 1",
            "    return x",
            "    ^",
        ], line: 2, column: 1),
        Case(code: "sum(x for x in [1, 2], 3)", traceback: [
            "SyntaxError: a generator argument must be the only argument; put it in brackets: [... for x in xs]",
            "  at line 1, column 5",
            "    sum(x for x in [1, 2], 3)",
            "        ^",
        ], line: 1, column: 5),
        Case(code: "x = 1 +", traceback: [
            "SyntaxError: expected an expression, found end of input",
            "  at line 1, column 8",
            "    x = 1 +",
            "           ^",
        ], line: 1, column: 8),
        Case(code: "x = lambda", traceback: [
            "NameError: name 'lambda' is not defined",
            "  at line 1, column 5",
            "    x = lambda",
            "        ^",
        ], line: 1, column: 5),
        Case(code: "x += 1\ny = 2 +=", traceback: [
            "SyntaxError: unexpected += after a complete statement",
            "  at line 2, column 7",
            "    y = 2 +=",
            "          ^",
        ], line: 2, column: 7),
        Case(code: "lambda x: x(1", traceback: [
            "SyntaxError: '(' was never closed",
            "  at line 1, column 12",
            "    lambda x: x(1",
            "               ^",
        ], line: 1, column: 12),
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
        Case(code: "print(f\"x {1}\")", traceback: [
            "SyntaxError: f-strings are not supported; give print the parts: print(\"loss\", x)",
            "  at line 1, column 7",
            "    print(f\"x {1}\")",
            "          ^",
        ], line: 1, column: 7),
        Case(code: "x = r'a\\b'", traceback: [
            "SyntaxError: raw strings (r\"...\") are not supported; write a backslash as \\\\",
            "  at line 1, column 5",
            "    x = r'a\\b'",
            "        ^",
        ], line: 1, column: 5),
        Case(code: "a, b = 1, 2", traceback: [
            "SyntaxError: tuples are not supported (as in a, b = 1, 2); assign one name at a time, or use a list [a, b]",
            "  at line 1, column 2",
            "    a, b = 1, 2",
            "     ^",
        ], line: 1, column: 2),
        Case(code: "x = 1, 2", traceback: [
            "SyntaxError: tuples are not supported (as in a, b = 1, 2); assign one name at a time, or use a list [a, b]",
            "  at line 1, column 6",
            "    x = 1, 2",
            "         ^",
        ], line: 1, column: 6),
        Case(code: "b\"ab\"", traceback: [
            "SyntaxError: bytes literals (b\"...\") are not supported",
            "  at line 1, column 1",
            "    b\"ab\"",
            "    ^",
        ], line: 1, column: 1),
        Case(code: "u\"x\"", traceback: [
            "SyntaxError: the u\"...\" prefix is not needed: strings are Unicode",
            "  at line 1, column 1",
            "    u\"x\"",
            "    ^",
        ], line: 1, column: 1),
        Case(code: "x = \"\"\"never closed", traceback: [
            "SyntaxError: unterminated triple-quoted string (missing closing \"\"\")",
            "  at line 1, column 5",
            "    x = \"\"\"never closed",
            "        ^",
        ], line: 1, column: 5),
        Case(code: "t = table(a=[1], b=[2])\nt[(t.a > 1) & (t.b < 2)]", traceback: [
            "SyntaxError: '&' is not supported; write 'and', which works elementwise on masks: t[t.a > 1 and t.b < 2]",
            "  at line 2, column 13",
            "    t[(t.a > 1) & (t.b < 2)]",
            "                ^",
        ], line: 2, column: 13),
        Case(code: "v = [1]\nv[(v > 0) | (v < 2)]", traceback: [
            "SyntaxError: '|' is not supported; write 'or', which works elementwise on masks: t[t.a > 1 or t.b < 2]",
            "  at line 2, column 11",
            "    v[(v > 0) | (v < 2)]",
            "              ^",
        ], line: 2, column: 11),
        Case(code: "v = [1]\nv[~(v > 0)]", traceback: [
            "SyntaxError: '~' is not supported; write 'not', which works elementwise on masks: t[t.a > 1 and not t.b]",
            "  at line 2, column 3",
            "    v[~(v > 0)]",
            "      ^",
        ], line: 2, column: 3),
    ]

    @Test(arguments: cases) func pinned(_ c: Case) throws {
        let e = try #require(Harness().error(c.code))
        #expect(e.traceback == c.traceback)
        #expect(e.line == c.line)
        #expect(e.column == c.column)
        #expect(e.ename + ": " + e.evalue == c.traceback[0])
    }
}
