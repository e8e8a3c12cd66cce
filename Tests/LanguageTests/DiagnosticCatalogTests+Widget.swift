extension DiagnosticCatalogTests {
    /// The control builtins' errors (`Diagnostic.Widget`) and the `wrongKind` cases they share.
    static let widgetRows: [Row] = [
        Row(diagnostic: "widget.dropdownEmpty", code: "dropdown([])", traceback: [
            "ArgumentError: dropdown: options must be a non-empty list, e.g. dropdown([\"a\", \"b\"])", "  at line 1, column 10", "    dropdown([])", "             ^"]),
        Row(diagnostic: "widget.dropdownValue", code: "dropdown([\"a\", \"b\"], value=\"c\")", traceback: [
            "DomainError: dropdown: value \"c\" is not one of the options", "  at line 1, column 22", "    dropdown([\"a\", \"b\"], value=\"c\")", "                         ^"]),
        Row(diagnostic: "wrongKind (checkbox)", code: "checkbox(1)", traceback: [
            "ArgumentError: checkbox: value must be true or false, not a number", "  at line 1, column 10", "    checkbox(1)", "             ^"]),
        Row(diagnostic: "widget.exploreByName", code: "f = explore\nf(1)", traceback: [
            "ArgumentError: explore must be called by name, as explore(expr), so that it receives the expression unevaluated", "  at line 2, column 1", "    f(1)", "    ^"]),
        Row(diagnostic: "widget.sliderFinite", code: "slider(0, inf, 1)", traceback: [
            "ArgumentError: slider needs finite min and max", "  at line 1, column 8", "    slider(0, inf, 1)", "           ^"]),
        Row(diagnostic: "widget.sliderOrder", code: "slider(2, 1, 1)", traceback: [
            "DomainError: slider: max = 1 must be greater than min = 2", "  at line 1, column 11", "    slider(2, 1, 1)", "              ^"]),
        Row(diagnostic: "wrongKind (slider)", code: "slider(1, 2, 1, log=1)", traceback: [
            "ArgumentError: slider: log must be true or false, not a number", "  at line 1, column 17", "    slider(1, 2, 1, log=1)", "                    ^"]),
        Row(diagnostic: "widget.sliderLogMin", code: "slider(0, 1, 0.5, log=true)", traceback: [
            "DomainError: slider: log=true needs min > 0 (got min = 0)", "  at line 1, column 8", "    slider(0, 1, 0.5, log=true)", "           ^"]),
        Row(diagnostic: "widget.sliderStep", code: "slider(0, 1, 0.5, step=1e-9)", traceback: [
            "DomainError: slider: step = 1e-09 is out of range: allowed 0.001 ≤ step (at most 1000 steps)", "  at line 1, column 19", "    slider(0, 1, 0.5, step=1e-9)", "                      ^"]),
        Row(diagnostic: "widget.sliderValue", code: "slider(0, 1, 2)", traceback: [
            "DomainError: slider: value = 2 is outside [0, 1]", "  at line 1, column 14", "    slider(0, 1, 2)", "                 ^"]),
    ]
}
