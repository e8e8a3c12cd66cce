extension DiagnosticCatalogTests {
    /// The evaluator's own errors (`Diagnostic.Evaluation`), one row or more per case
    /// (none for `unknownOperator`, which the parser lets no cell reach, nor for `stackFull`,
    /// whose depth depends on the thread's stack; `recursionLimit` comes first).
    static let evaluationRows: [Row] = [
        Row(diagnostic: "evaluation.undefinedName", code: "alpha = 1\nalpah", traceback: [
            "NameError: name 'alpah' is not defined; did you mean 'alpha'?", "  at line 2, column 1", "    alpah", "    ^"]),
        Row(diagnostic: "evaluation.noField (table)", code: "t = table(ab=[1])\nt.ac", traceback: [
            "NameError: the table has no column 'ac' (columns: ab); did you mean 'ab'?", "  at line 2, column 3", "    t.ac", "      ^"]),
        Row(diagnostic: "evaluation.noField (row)", code: "t = table(ab=[1])\nt[0].ac", traceback: [
            "NameError: the row has no field 'ac' (fields: ab); did you mean 'ab'?", "  at line 2, column 6", "    t[0].ac", "         ^"]),
        Row(diagnostic: "evaluation.noField (model)", code: "m = ridge()\nm.lamda", traceback: [
            "NameError: ridge has no parameter 'lamda' (parameters: alpha, beta, noise, dim, lambda, spectrum, target); did you mean 'lambda'?", "  at line 2, column 3", "    m.lamda", "      ^"], catalog: true),
        Row(diagnostic: "evaluation.noField (claim)", code: "c = claim(\"x\", 1, expect=1, tol=0.1)\nc.pas", traceback: [
            "NameError: a claim has no field 'pas' (fields: text, measured, expect, pass); did you mean 'pass'?", "  at line 2, column 3", "    c.pas", "      ^"]),
        Row(diagnostic: "evaluation.noFields", code: "x = 1\nx.a", traceback: [
            "TypeError: a number has no fields (asked for 'a')", "  at line 2, column 3", "    x.a", "      ^"]),
        Row(diagnostic: "evaluation.notWholeIndex", code: "[1, 2][0.5]", traceback: [
            "TypeError: an index must be a whole number, not 0.5", "  at line 1, column 8", "    [1, 2][0.5]", "           ^"]),
        Row(diagnostic: "evaluation.notWholeIndex (type)", code: "[1, 2][none]", traceback: [
            "TypeError: an index must be a whole number, not none", "  at line 1, column 8", "    [1, 2][none]", "           ^"]),
        Row(diagnostic: "evaluation.notWholeIndex (assignment)", code: "v = [1, 2]\nv[0.5] = 1", traceback: [
            "TypeError: an index must be a whole number, not 0.5", "  at line 2, column 3", "    v[0.5] = 1", "      ^"]),
        Row(diagnostic: "evaluation.indexOutOfRange", code: "[1, 2][5]", traceback: [
            "IndexError: index 5 is out of range for a vector of length 2 (allowed -2 … 1)", "  at line 1, column 8", "    [1, 2][5]", "           ^"]),
        Row(diagnostic: "evaluation.indexOutOfRange (assignment)", code: "v = [1, 2]\nv[5] = 1", traceback: [
            "IndexError: index 5 is out of range for a vector of length 2", "  at line 2, column 3", "    v[5] = 1", "      ^"]),
        Row(diagnostic: "evaluation.cannotIndex", code: "x = 1\nx[0]", traceback: [
            "TypeError: a number cannot be indexed", "  at line 2, column 3", "    x[0]", "      ^"]),
        Row(diagnostic: "evaluation.maskLength", code: "v = [1, 2, 3]\nv[[true, false]]", traceback: [
            "IndexError: a mask of 2 elements cannot select from a vector of 3 elements", "  at line 2, column 3", "    v[[true, false]]", "      ^"]),
        Row(diagnostic: "evaluation.cannotMask", code: "x = 1\nx[[true]]", traceback: [
            "TypeError: a number cannot be indexed with a mask", "  at line 2, column 3", "    x[[true]]", "      ^"]),
        Row(diagnostic: "evaluation.columnKey", code: "t = table(a=[1, 2])\nt[0] = 1", traceback: [
            "TypeError: a table's columns are set by name, as in t[\"z\"] = values, not by a number", "  at line 2, column 3", "    t[0] = 1", "      ^"]),
        Row(diagnostic: "evaluation.noItemAssignment", code: "x = 3\nx[\"a\"] = 1", traceback: [
            "TypeError: a number does not support item assignment; only tables (columns), lists and vectors do", "  at line 2, column 1", "    x[\"a\"] = 1", "    ^"]),
        Row(diagnostic: "evaluation.columnLength", code: "t = table(a=[1, 2])\nt[\"b\"] = [1, 2, 3]", traceback: [
            "ArgumentError: the new column 'b' has 3 values but the table has 2 rows", "  at line 2, column 10", "    t[\"b\"] = [1, 2, 3]", "             ^"]),
        Row(diagnostic: "evaluation.columnValues", code: "t = table(a=[1])\nt[\"b\"] = none", traceback: [
            "TypeError: a column holds numbers or strings, not none", "  at line 2, column 10", "    t[\"b\"] = none", "             ^"]),
        Row(diagnostic: "evaluation.columnValues (list)", code: "t = table(a=[1])\nt[\"b\"] = [\"x\", 1]", traceback: [
            "TypeError: a column holds numbers or strings, not a list holding a number", "  at line 2, column 10", "    t[\"b\"] = [\"x\", 1]", "             ^"]),
        Row(diagnostic: "evaluation.nestedTooDeeply", code: "x = " + String(repeating: "[", count: 120) + String(repeating: "]", count: 120), traceback: [
            "ResourceError: lists nested more than 100 deep are not supported", "  at line 1, column 24", "    x = " + String(repeating: "[", count: 120) + String(repeating: "]", count: 120), "    " + String(repeating: " ", count: 23) + "^"]),
        Row(diagnostic: "evaluation.badOperands", code: "none + 1", traceback: [
            "TypeError: cannot apply '+' to none and a number", "  at line 1, column 6", "    none + 1", "         ^"]),
        Row(diagnostic: "evaluation.badOperands (negate)", code: "x = -none", traceback: [
            "TypeError: cannot negate none", "  at line 1, column 5", "    x = -none", "        ^"]),
        Row(diagnostic: "evaluation.lengthMismatch (vectors)", code: "[1, 2] + [1, 2, 3]", traceback: [
            "ArgumentError: vectors of different lengths (2 and 3) cannot be combined with '+'", "  at line 1, column 8", "    [1, 2] + [1, 2, 3]", "           ^"]),
        Row(diagnostic: "evaluation.lengthMismatch (sequences)", code: "[1, 2] > [1, 2, 3]", traceback: [
            "ArgumentError: sequences of different lengths (2 and 3) cannot be combined with '>'", "  at line 1, column 8", "    [1, 2] > [1, 2, 3]", "           ^"]),
        Row(diagnostic: "evaluation.divisionByZero", code: "5 // 0", traceback: [
            "DomainError: division by zero", "  at line 1, column 3", "    5 // 0", "      ^"]),
        Row(diagnostic: "evaluation.divisionByZero (remainder)", code: "5 % 0", traceback: [
            "DomainError: division by zero", "  at line 1, column 3", "    5 % 0", "      ^"]),
        Row(diagnostic: "evaluation.negativeToFractionalPower", code: "(-8) ^ 0.5", traceback: [
            "DomainError: a negative number (-8) to a fractional power (0.5) is not a real number", "  at line 1, column 6", "    (-8) ^ 0.5", "         ^"]),
        Row(diagnostic: "evaluation.zeroToNegativePower", code: "0 ^ -1", traceback: [
            "DomainError: 0 to a negative power (-1) is infinite", "  at line 1, column 3", "    0 ^ -1", "      ^"]),
        Row(diagnostic: "evaluation.ambiguousTruth", code: "v = linspace(0, 1, 3)\nif v > 0.5:\n    x = 1", traceback: [
            "TypeError: the truth value of a mask with 3 elements is ambiguous; use any(...) or all(...)", "  at line 2, column 6", "    if v > 0.5:", "         ^"]),
        Row(diagnostic: "evaluation.ambiguousTableTruth", code: "t = table(a=[1])\nif t:\n    x = 1", traceback: [
            "TypeError: the truth value of a table is ambiguous; test len(t) > 0, or a column with any(...) or all(...)", "  at line 2, column 4", "    if t:", "       ^"]),
        Row(diagnostic: "evaluation.cannotCompare", code: "x = table(a=[1]) == table(a=[1])", traceback: [
            "TypeError: cannot compare a table with a table", "  at line 1, column 18", "    x = table(a=[1]) == table(a=[1])", "                     ^"]),
        Row(diagnostic: "evaluation.unsupportedOperator", code: "none < 1", traceback: [
            "TypeError: '<' is not supported between none and a number", "  at line 1, column 6", "    none < 1", "         ^"]),
        Row(diagnostic: "evaluation.badContainer", code: "1 in 2", traceback: [
            "TypeError: 'in' needs a list, vector, mask, string, row or table on its right, not a number", "  at line 1, column 3", "    1 in 2", "      ^"]),
        Row(diagnostic: "evaluation.loopOverTable", code: "[r for r in table(a=[1])]", traceback: [
            "TypeError: cannot loop over a table; loop over a column (for x in t.name) or the row numbers (for i in range(len(t)))", "  at line 1, column 8", "    [r for r in table(a=[1])]", "           ^"]),
        Row(diagnostic: "evaluation.cannotLoop", code: "[y for y in 3]", traceback: [
            "TypeError: cannot loop over a number in 'for y in ...'; give a list, vector, range(...) or string", "  at line 1, column 8", "    [y for y in 3]", "           ^"]),
        Row(diagnostic: "evaluation.usedBeforeAssignment", code: "def f():\n    z = z + 1\n    return z\nf()", traceback: [
            "NameError: local variable 'z' is used before it is assigned", "  at line 2, column 9", "        z = z + 1", "            ^"]),
        Row(diagnostic: "evaluation.functionPositional", code: "def f(a, b=2): return a\nf(1, 2, 3)", traceback: [
            "ArgumentError: f() takes from 1 to 2 positional arguments but 3 were given", "  at line 2, column 9", "    f(1, 2, 3)", "            ^"]),
        Row(diagnostic: "evaluation.functionPositional (exact)", code: "def f(a): return a\nf(1, 2)", traceback: [
            "ArgumentError: f() takes 1 positional argument but 2 were given", "  at line 2, column 6", "    f(1, 2)", "         ^"]),
        Row(diagnostic: "evaluation.functionKeyword", code: "def f(a, b=2): return a\nf(1, c=2)", traceback: [
            "ArgumentError: f() got an unexpected keyword argument 'c' (parameters: a, b); did you mean 'a'?", "  at line 2, column 6", "    f(1, c=2)", "         ^"]),
        Row(diagnostic: "evaluation.functionKeyword (none)", code: "def f(): return 1\nf(a=1)", traceback: [
            "ArgumentError: f() got an unexpected keyword argument 'a' (it takes no arguments)", "  at line 2, column 3", "    f(a=1)", "      ^"]),
        Row(diagnostic: "evaluation.functionDuplicate", code: "def f(a, b=2): return a\nf(1, a=2)", traceback: [
            "ArgumentError: f() got multiple values for argument 'a'", "  at line 2, column 6", "    f(1, a=2)", "         ^"]),
        Row(diagnostic: "evaluation.functionMissing", code: "def f(a, b, c): return a\nf()", traceback: [
            "ArgumentError: f() missing 3 required arguments: 'a', 'b' and 'c'", "  at line 2, column 1", "    f()", "    ^"]),
        Row(diagnostic: "evaluation.functionMissing (one)", code: "def f(a): return a\nf()", traceback: [
            "ArgumentError: f() missing 1 required argument: 'a'", "  at line 2, column 1", "    f()", "    ^"]),
        Row(diagnostic: "evaluation.recursionLimit", code: "def f(n): return f(n + 1)\nf(0)", traceback: [
            "RecursionError: maximum recursion depth 200 exceeded in f", "  at line 1, column 18", "    def f(n): return f(n + 1)", "                     ^"]),
        Row(diagnostic: "evaluation.exploreArity", code: "explore()", traceback: [
            "ArgumentError: explore takes one expression with controls in it, e.g. explore(plot(theory(ridge(alpha=slider(1, 3, 1.5), ...), ...)))", "  at line 1, column 1", "    explore()", "    ^"]),
        Row(diagnostic: "evaluation.exploreNested", code: "explore(explore(1))", traceback: [
            "ArgumentError: explore cannot be nested inside another explore", "  at line 1, column 9", "    explore(explore(1))", "            ^"]),
        Row(diagnostic: "evaluation.exploreNoControl", code: "explore(1)", traceback: [
            "ArgumentError: explore: the expression has no control; write slider(min, max, value), dropdown([...]) or checkbox(value) as a parameter value", "  at line 1, column 9", "    explore(1)", "            ^"]),
        Row(diagnostic: "evaluation.noHelp", code: "alpha = 1\n?alpah", traceback: [
            "NameError: no help for 'alpah': it is not a builtin, model or variable; did you mean 'alpha'?", "  at line 2, column 2", "    ?alpah", "     ^"]),
    ]
}
