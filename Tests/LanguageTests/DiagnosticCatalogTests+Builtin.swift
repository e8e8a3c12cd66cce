extension DiagnosticCatalogTests {
    /// The builtins' own errors (`Diagnostic.Builtin`), and catalogue cases builtins share
    /// with the evaluator and the binder (no row for `writeFailed`, `loadFailed`, `noRenderer` and
    /// `renderFailed`, whose words depend on the system and the tools installed).
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
        Row(diagnostic: "builtin.fitTableYs", code: "fit(table(a=[1, 2], b=[1, 2]), [1, 2])", traceback: [
            "ArgumentError: fit(table, ...) takes the y column as y=\"name\"", "  at line 1, column 32", "    fit(table(a=[1, 2], b=[1, 2]), [1, 2])", "                                   ^"]),
        Row(diagnostic: "builtin.fitKind", code: "fit(1)", traceback: [
            "ArgumentError: fit takes a table, or two vectors fit(xs, ys), not a number", "  at line 1, column 5", "    fit(1)", "        ^"]),
        Row(diagnostic: "builtin.fitLengths", code: "fit([1, 2, 3], [1, 2])", traceback: [
            "ArgumentError: xs has 3 values but ys has 2", "  at line 1, column 16", "    fit([1, 2, 3], [1, 2])", "                   ^"]),
        Row(diagnostic: "builtin.fitFailed", code: "fit([1, 2, 3], [1, 2, 3], min=10)", traceback: [
            "DomainError: cannot fit a powerlaw: a fit needs at least 3 points (got 0) to estimate standard errors (after min/max: 0 of 3 points)", "  at line 1, column 27", "    fit([1, 2, 3], [1, 2, 3], min=10)", "                              ^"]),
        Row(diagnostic: "builtin.claimNeedsTolerance", code: "claim(\"x\", 1, expect=1)", traceback: [
            "ArgumentError: claim needs a tolerance: tol= (absolute) or rtol= (relative)", "  at line 1, column 1", "    claim(\"x\", 1, expect=1)", "    ^"]),
        Row(diagnostic: "outOfRange (claim)", code: "claim(\"x\", 1, expect=inf, tol=1)", traceback: [
            "DomainError: expect = inf is out of range: allowed a finite number (a claim checks |measured − expect| ≤ tolerance; for a divergence, claim 1/x with expect=0)", "  at line 1, column 15", "    claim(\"x\", 1, expect=inf, tol=1)", "                  ^"]),
        Row(diagnostic: "outOfRange (tolerance)", code: "claim(\"x\", 1, expect=1, tol=-1)", traceback: [
            "DomainError: tol = -1 is out of range: allowed tol ≥ 0", "  at line 1, column 25", "    claim(\"x\", 1, expect=1, tol=-1)", "                            ^"]),
        Row(diagnostic: "builtin.unknownEvidence", code: "claim(\"x\", 1, expect=1, tol=1, evidence=\"vibes\")", traceback: [
            "ArgumentError: evidence = \"vibes\" is not a kind of evidence: use one of \"simulation\", \"exponent\", \"paper\", \"limit\", \"consistency\"", "  at line 1, column 32", "    claim(\"x\", 1, expect=1, tol=1, evidence=\"vibes\")", "                                   ^"]),
        Row(diagnostic: "builtin.badSeparator", code: "load(\"x.csv\", sep=\"ab\")", traceback: [
            "DomainError: sep = \"ab\" is not allowed: use one character other than a quote or a newline, e.g. \",\" or \"\\t\"", "  at line 1, column 15", "    load(\"x.csv\", sep=\"ab\")", "                  ^"]),
        Row(diagnostic: "builtin.unreadable", code: "load(\"no-such-file.csv\")", traceback: [
            "IOError: cannot read \"no-such-file.csv\": no such file", "  at line 1, column 6", "    load(\"no-such-file.csv\")", "         ^"]),
        Row(diagnostic: "wrongKind (clear)", code: "clear(wait=1)", traceback: [
            "ArgumentError: clear: wait must be true or false, not a number", "  at line 1, column 7", "    clear(wait=1)", "          ^"]),
        Row(diagnostic: "evaluation.noHelp (help)", code: "alpha = 1\nhelp(\"alpah\")", traceback: [
            "NameError: no help for 'alpah': it is not a builtin, model or variable; did you mean 'alpha'?", "  at line 2, column 6", "    help(\"alpah\")", "         ^"]),
        Row(diagnostic: "builtin.figurePath", code: "save(plot([1, 2], [1, 2]), \"p.txt\")", traceback: [
            "ArgumentError: a plot saves to a .svg, .png or .pdf file, not \"p.txt\"", "  at line 1, column 28", "    save(plot([1, 2], [1, 2]), \"p.txt\")", "                               ^"]),
        Row(diagnostic: "builtin.inputUnavailable", code: "input()", traceback: [
            "IOError: input: there is no front end to type into here (input() needs a Jupyter front end)", "  at line 1, column 1", "    input()", "    ^"]),

    ]
}
