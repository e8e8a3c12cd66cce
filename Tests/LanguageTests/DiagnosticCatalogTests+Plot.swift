extension DiagnosticCatalogTests {
    /// A plot's errors (`Diagnostic.Plot`, with `PlotError` as `.spec`) and the `notAChoice` and
    /// `columnNames` cases it shares.
    static let plotRows: [Row] = [
        Row(diagnostic: "builtin.columnNames (y)", code: "plot(table(x=[1, 2], y=[1, 2], z=[1, 2]), y=[\"y\", 1])", traceback: [
            "ArgumentError: y= lists column names (strings), not a number", "  at line 1, column 43", "    plot(table(x=[1, 2], y=[1, 2], z=[1, 2]), y=[\"y\", 1])", "                                              ^"]),
        Row(diagnostic: "plot.spec.noColumn", code: "plot(table(x=[1], y=[2]), y=\"z\")", traceback: [
            "ArgumentError: no column 'z'; columns are x, y", "  at line 1, column 27", "    plot(table(x=[1], y=[2]), y=\"z\")", "                              ^"]),
        Row(diagnostic: "plot.spec.noColumn (table 2)", code: "plot(table(x=[1], y=[2]), table(x=[1], z=[2]), y=\"y\")", traceback: [
            "ArgumentError: no column 'y' in table 2; columns are x, z", "  at line 1, column 48", "    plot(table(x=[1], y=[2]), table(x=[1], z=[2]), y=\"y\")", "                                                   ^"]),
        Row(diagnostic: "plot.spec.noColumnAt", code: "plot(table(x=[1]))", traceback: [
            "ArgumentError: no column 2 to use as y; columns are x", "  at line 1, column 1", "    plot(table(x=[1]))", "    ^"]),
        Row(diagnostic: "plot.spec.textColumn", code: "plot(table(x=[\"a\"], y=[2]))", traceback: [
            "ArgumentError: column 'x' holds text, not numbers; columns are x, y", "  at line 1, column 1", "    plot(table(x=[\"a\"], y=[2]))", "    ^"]),
        Row(diagnostic: "plot.spec.noRows", code: "plot(table(x=[], y=[]))", traceback: [
            "ArgumentError: nothing to plot: the tables have no rows", "  at line 1, column 1", "    plot(table(x=[], y=[]))", "    ^"]),
        Row(diagnostic: "plot.spec.noFinitePoint", code: "plot(table(x=[1], y=[nan]))", traceback: [
            "ArgumentError: nothing to plot: no point has finite x and y", "  at line 1, column 1", "    plot(table(x=[1], y=[nan]))", "    ^"]),
        Row(diagnostic: "plot.spec.noPointOnLogAxis", code: "plot(table(x=[1], y=[-1]), scale=\"logy\")", traceback: [
            "ArgumentError: nothing to plot on a log y axis: no point has positive, finite y (scale=\"logy\")", "  at line 1, column 28", "    plot(table(x=[1], y=[-1]), scale=\"logy\")", "                               ^"]),
        Row(diagnostic: "plot.spec.fitWithoutData", code: "f = fit([1, 2, 3], [1, 2, 3])\nplot(f, table(x=[1], y=[1]))", traceback: [
            "ArgumentError: a fit is drawn over its data: give the table it was fitted to before it, e.g. plot(runs, f, x=\"N\")", "  at line 2, column 6", "    plot(f, table(x=[1], y=[1]))", "         ^"]),
        Row(diagnostic: "plot.spec.fitAxis", code: runs + "\nf = fit(runs, law=\"chinchilla\")\nplot(runs, f, x=\"loss\")", traceback: [
            "ArgumentError: the fit is of N, D; plot it against one of them, not x=\"loss\"", "  at line 5, column 15", "    plot(runs, f, x=\"loss\")", "                  ^"]),
        Row(diagnostic: "plot.spec.fitNeedsOther", code: runs + "\nf = fit(runs, law=\"chinchilla\")\nplot(table(N=[1e7, 1e8], loss=[3, 2]), f, x=\"N\")", traceback: [
            "ArgumentError: a chinchilla fit drawn against N needs the runs' D: no table plotted has a column 'D'", "  at line 5, column 40", "    plot(table(N=[1e7, 1e8], loss=[3, 2]), f, x=\"N\")", "                                           ^"]),
        Row(diagnostic: "plot.spec.fitTooManyCurves", code: "r = table(N=range(1, 14) * 1e7, D=range(1, 14) * 1e9, loss=3 - range(1, 14) * 0.01)\nf = fit(r, law=\"chinchilla\")\nplot(r, f, x=\"N\")", traceback: [
            "ArgumentError: a chinchilla fit drawn against N gives one curve per value of D, but the runs have 13 (at most 12)", "  at line 3, column 9", "    plot(r, f, x=\"N\")", "            ^"]),

        Row(diagnostic: "plot.yEmpty", code: "plot(table(x=[1, 2], y=[1, 2], z=[1, 2]), y=[])", traceback: [
            "ArgumentError: y= lists no columns", "  at line 1, column 43", "    plot(table(x=[1, 2], y=[1, 2], z=[1, 2]), y=[])", "                                              ^"]),
        Row(diagnostic: "plot.badRange", code: "plot(table(x=[1, 2], y=[1, 2], z=[1, 2]), xlim=[2, 1])", traceback: [
            "DomainError: xlim must be [low, high] with low < high, not [2, 1]", "  at line 1, column 43", "    plot(table(x=[1, 2], y=[1, 2], z=[1, 2]), xlim=[2, 1])", "                                              ^"]),
        Row(diagnostic: "plot.logRange", code: "plot(table(x=[1, 2], y=[1, 2], z=[1, 2]), ylim=[0, 1], scale=\"loglog\")", traceback: [
            "DomainError: ylim = [0, 1] reaches 0 or below on a log axis: allowed low > 0", "  at line 1, column 43", "    plot(table(x=[1, 2], y=[1, 2], z=[1, 2]), ylim=[0, 1], scale=\"loglog\")", "                                              ^"]),
        Row(diagnostic: "plot.badSize", code: "plot(table(x=[1, 2], y=[1, 2], z=[1, 2]), size=[10, 10])", traceback: [
            "DomainError: size = [10, 10] is out of range: allowed [width, height] with 200 ≤ each ≤ 4000 (px)", "  at line 1, column 43", "    plot(table(x=[1, 2], y=[1, 2], z=[1, 2]), size=[10, 10])", "                                              ^"]),
        Row(diagnostic: "notAChoice (style)", code: "plot(table(x=[1, 2], y=[1, 2], z=[1, 2]), style=\"dahsed\")", traceback: [
            "DomainError: style = \"dahsed\" is not allowed: use one of \"line\", \"markers\", \"both\", \"dashed\", \"dashed+markers\"; did you mean 'dashed'?", "  at line 1, column 43", "    plot(table(x=[1, 2], y=[1, 2], z=[1, 2]), style=\"dahsed\")", "                                              ^"]),
        Row(diagnostic: "plot.badColor", code: "plot(table(x=[1, 2], y=[1, 2], z=[1, 2]), color=\"#zz\")", traceback: [
            "DomainError: color = \"#zz\" is not a colour: use #rgb, #rrggbb or a CSS name such as \"crimson\"", "  at line 1, column 43", "    plot(table(x=[1, 2], y=[1, 2], z=[1, 2]), color=\"#zz\")", "                                              ^"]),
        Row(diagnostic: "plot.oneLabel", code: "plot(table(x=[1, 2], y=[1, 2], z=[1, 2]), y=[\"y\", \"z\"], label=\"a\")", traceback: [
            "ArgumentError: label= gives one label but the plot has 2 data series; give a list of 2", "  at line 1, column 57", "    plot(table(x=[1, 2], y=[1, 2], z=[1, 2]), y=[\"y\", \"z\"], label=\"a\")", "                                                            ^"]),
        Row(diagnostic: "plot.seriesStrings", code: "plot(table(x=[1, 2], y=[1, 2], z=[1, 2]), y=[\"y\", \"z\"], label=[\"a\", 1])", traceback: [
            "ArgumentError: label= lists strings, not a number", "  at line 1, column 57", "    plot(table(x=[1, 2], y=[1, 2], z=[1, 2]), y=[\"y\", \"z\"], label=[\"a\", 1])", "                                                            ^"]),
        Row(diagnostic: "plot.seriesCount", code: "plot(table(x=[1, 2], y=[1, 2], z=[1, 2]), y=[\"y\", \"z\"], label=[\"a\", \"b\", \"c\"])", traceback: [
            "ArgumentError: label= lists 3 values but the plot has 2 data series", "  at line 1, column 57", "    plot(table(x=[1, 2], y=[1, 2], z=[1, 2]), y=[\"y\", \"z\"], label=[\"a\", \"b\", \"c\"])", "                                                            ^"]),
        Row(diagnostic: "plot.seriesKind", code: "plot(table(x=[1, 2], y=[1, 2], z=[1, 2]), label=1)", traceback: [
            "ArgumentError: plot: label must be a string or a list of strings, not a number", "  at line 1, column 43", "    plot(table(x=[1, 2], y=[1, 2], z=[1, 2]), label=1)", "                                              ^"]),
    ]
}
