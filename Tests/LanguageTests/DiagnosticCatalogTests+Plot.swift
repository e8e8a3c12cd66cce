extension DiagnosticCatalogTests {
    /// A plot's control errors (`Diagnostic.Plot`) and the `notAChoice` case its style shares.
    static let plotRows: [Row] = [
        Row(diagnostic: "plot.yNames", code: "plot(table(x=[1, 2], y=[1, 2], z=[1, 2]), y=[\"y\", 1])", traceback: [
            "ArgumentError: y= lists column names (strings), not a number", "  at line 1, column 43", "    plot(table(x=[1, 2], y=[1, 2], z=[1, 2]), y=[\"y\", 1])", "                                              ^"]),
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
