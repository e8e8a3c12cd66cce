extension DiagnosticCatalogTests {
    /// The builtins' own errors (`Diagnostic.Builtin`), and catalogue cases builtins share
    /// with the evaluator and the binder (no row for `writeFailed`, whose reason is the
    /// system's words).
    static let builtinRows: [Row] = [
        Row(diagnostic: "builtin.needs", code: "len(1)", traceback: [
            "TypeError: len needs a vector, list, table or string, not a number", "  at line 1, column 5", "    len(1)", "        ^"]),
        Row(diagnostic: "builtin.needs (elementwise)", code: "sqrt(\"a\")", traceback: [
            "TypeError: sqrt needs a number or a vector, not a string", "  at line 1, column 6", "    sqrt(\"a\")", "         ^"]),
        Row(diagnostic: "builtin.needs (variadic)", code: "max(\"a\", 1)", traceback: [
            "TypeError: max needs numbers or vectors, not a string", "  at line 1, column 5", "    max(\"a\", 1)", "        ^"]),
        Row(diagnostic: "builtin.needs (vector)", code: "cumsum(\"a\")", traceback: [
            "TypeError: cumsum needs a vector (or a list of numbers), not a string", "  at line 1, column 8", "    cumsum(\"a\")", "           ^"]),
        Row(diagnostic: "builtin.needs (truths)", code: "any([none])", traceback: [
            "TypeError: any needs bools or numbers, not none", "  at line 1, column 5", "    any([none])", "        ^"]),
        Row(diagnostic: "builtin.emptyInput", code: "argmin([])", traceback: [
            "ArgumentError: argmin of an empty vector is undefined", "  at line 1, column 8", "    argmin([])", "           ^"]),
        Row(diagnostic: "builtin.emptyInput (none)", code: "max()", traceback: [
            "ArgumentError: max of no numbers is undefined", "  at line 1, column 1", "    max()", "    ^"]),
        Row(diagnostic: "builtin.needsFinite", code: "linspace(0, inf, 3)", traceback: [
            "DomainError: linspace needs finite start and stop", "  at line 1, column 1", "    linspace(0, inf, 3)", "    ^"]),
        Row(diagnostic: "builtin.needsFinite (range)", code: "range(0, inf)", traceback: [
            "DomainError: range needs finite bounds", "  at line 1, column 1", "    range(0, inf)", "    ^"]),
        Row(diagnostic: "builtin.geomspaceBounds", code: "geomspace(0, 1, 3)", traceback: [
            "DomainError: geomspace needs finite, non-zero start and stop of the same sign (got 0 and 1)", "  at line 1, column 11", "    geomspace(0, 1, 3)", "              ^"]),
        Row(diagnostic: "builtin.undefinedAt", code: "log(-1)", traceback: [
            "DomainError: log(-1) is not defined: allowed x > 0", "  at line 1, column 5", "    log(-1)", "        ^"]),
        Row(diagnostic: "builtin.tooManyValues", code: "range(0, 1e8)", traceback: [
            "ResourceError: range would make 100000000 values (limit 10000000)", "  at line 1, column 1", "    range(0, 1e8)", "    ^"]),
        Row(diagnostic: "builtin.sortNeedsColumn", code: "sort(table(a=[1]))", traceback: [
            "ArgumentError: sort of a table needs the column to order by, as in sort(t, by=\"a\")", "  at line 1, column 6", "    sort(table(a=[1]))", "         ^"]),
        Row(diagnostic: "builtin.sortByOnValues", code: "sort([1, 2], by=\"a\")", traceback: [
            "ArgumentError: by= orders the rows of a table; a vector is sorted by its values", "  at line 1, column 14", "    sort([1, 2], by=\"a\")", "                 ^"]),
        Row(diagnostic: "builtin.argOfTable", code: "argmin(table(a=[1]))", traceback: [
            "TypeError: argmin takes a vector; for a table, give a column: t[argmin(t.loss)] is the row where loss is smallest", "  at line 1, column 8", "    argmin(table(a=[1]))", "           ^"]),
        Row(diagnostic: "wrongKind (flag)", code: "sort([1], reverse=1)", traceback: [
            "ArgumentError: sort: reverse must be true or false, not a number", "  at line 1, column 11", "    sort([1], reverse=1)", "              ^"]),
        Row(diagnostic: "outOfRange (step)", code: "range(0, 1, 0)", traceback: [
            "DomainError: step = 0 is out of range: allowed step ≠ 0", "  at line 1, column 13", "    range(0, 1, 0)", "                ^"]),
        Row(diagnostic: "noField (sort)", code: "sort(table(a=[1]), by=\"b\")", traceback: [
            "NameError: the table has no column 'b' (columns: a); did you mean 'a'?", "  at line 1, column 20", "    sort(table(a=[1]), by=\"b\")", "                       ^"]),
        Row(diagnostic: "builtin.columnMixed", code: "table(a=[\"x\", 1])", traceback: [
            "ArgumentError: column a mixes strings with a number", "  at line 1, column 7", "    table(a=[\"x\", 1])", "          ^"]),
        Row(diagnostic: "builtin.columnKind", code: "table(a=none)", traceback: [
            "ArgumentError: column a must be a vector or a list, not none", "  at line 1, column 7", "    table(a=none)", "          ^"]),
        Row(diagnostic: "builtin.columnCount", code: "table(a=[1, 2], b=[1])", traceback: [
            "ArgumentError: column b has 1 values but the columns before it have 2", "  at line 1, column 17", "    table(a=[1, 2], b=[1])", "                    ^"]),
        Row(diagnostic: "builtin.csvPath", code: "save(table(a=[1]), \"t.txt\")", traceback: [
            "ArgumentError: a table saves to a .csv file, not \"t.txt\"", "  at line 1, column 20", "    save(table(a=[1]), \"t.txt\")", "                       ^"]),
        Row(diagnostic: "builtin.saveKind", code: "save(1, \"x.csv\")", traceback: [
            "TypeError: save writes a table (.csv) or a plot (.svg, .png, .pdf), not a number", "  at line 1, column 6", "    save(1, \"x.csv\")", "         ^"]),
        Row(diagnostic: "builtin.plotEmpty", code: "plot()", traceback: [
            "ArgumentError: plot needs something to draw: tables, two vectors, or a schedule", "  at line 1, column 1", "    plot()", "    ^"]),
        Row(diagnostic: "builtin.plotLengths", code: "plot([1, 2], [1])", traceback: [
            "ArgumentError: plot(xs, ys): xs has 2 values but ys has 1", "  at line 1, column 14", "    plot([1, 2], [1])", "                 ^"]),
        Row(diagnostic: "builtin.plotKind", code: "plot(1)", traceback: [
            "ArgumentError: plot takes tables (or two vectors, or schedules), not a number", "  at line 1, column 6", "    plot(1)", "         ^"]),
        Row(diagnostic: "wrongKind (limits)", code: "limits(cell=1)", traceback: [
            "ArgumentError: limits: cell must be true or false, not a number", "  at line 1, column 8", "    limits(cell=1)", "           ^"]),
        Row(diagnostic: "wrongKind (input)", code: "input(\"x\", password=1)", traceback: [
            "ArgumentError: input: password must be true or false, not a number", "  at line 1, column 12", "    input(\"x\", password=1)", "               ^"]),
        Row(diagnostic: "outOfRange (limits)", code: "limits(seconds=-1)", traceback: [
            "DomainError: seconds = -1 is out of range: allowed 0 < seconds ≤ 86400 (one day)", "  at line 1, column 8", "    limits(seconds=-1)", "           ^"]),
    ]
}
