extension DiagnosticCatalogTests {
    /// A 4 × 4 grid of noise-free runs from E=1.69, A=406.4, B=410.7, α=0.34, β=0.28 (lines 1–3 of a row's cell).
    static let runs = "ns = [1e7, 1e8, 1e9, 1e10, 1e7, 1e8, 1e9, 1e10, 1e7, 1e8, 1e9, 1e10, 1e7, 1e8, 1e9, 1e10]\nds = [1e9, 1e9, 1e9, 1e9, 1e10, 1e10, 1e10, 1e10, 1e11, 1e11, 1e11, 1e11, 1e12, 1e12, 1e12, 1e12]\nruns = table(N=ns, D=ds, loss=1.69 + 406.4 * ns^(-0.34) + 410.7 * ds^(-0.28))"

    /// The scaling-law fit's errors (`Diagnostic.ScalingFit`), the fit's column errors
    /// (`Diagnostic.Builtin`) and fields (`Evaluation.noFitField`), and the shared cases they use.
    static let scalingFitRows: [Row] = [
        Row(diagnostic: "scalingFit.scalingOnly", code: "fit(table(x=[1, 2], y=[1, 2]), law=\"linear\", holdout=1)", traceback: [
            "ArgumentError: holdout= applies to the scaling laws (law=\"chinchilla\" or \"offset_powerlaw\"), not to law=\"linear\"", "  at line 1, column 46", "    fit(table(x=[1, 2], y=[1, 2]), law=\"linear\", holdout=1)", "                                                 ^"]),
        Row(diagnostic: "scalingFit.needsTable", code: "fit([1, 2], [1, 2], law=\"chinchilla\")", traceback: [
            "ArgumentError: a chinchilla fit takes a table of runs, not a vector", "  at line 1, column 5", "    fit([1, 2], [1, 2], law=\"chinchilla\")", "        ^"]),
        Row(diagnostic: "scalingFit.curveOnly", code: runs + "\nfit(runs, law=\"chinchilla\", max=1)", traceback: [
            "ArgumentError: max= does not apply to a chinchilla fit; give a table and x=, y= column names", "  at line 4, column 29", "    fit(runs, law=\"chinchilla\", max=1)", "                                ^"]),
        Row(diagnostic: "scalingFit.inputCount", code: runs + "\nfit(runs, law=\"chinchilla\", x=\"N\")", traceback: [
            "ArgumentError: the chinchilla law takes two columns, x=[\"N\", \"D\"] (parameters, tokens), not 1", "  at line 4, column 29", "    fit(runs, law=\"chinchilla\", x=\"N\")", "                                ^"]),
        Row(diagnostic: "scalingFit.inputCount (one)", code: runs + "\nfit(runs, law=\"offset_powerlaw\", x=[\"N\", \"D\"])", traceback: [
            "ArgumentError: the offset_powerlaw law takes one column, x=\"N\", not 2", "  at line 4, column 34", "    fit(runs, law=\"offset_powerlaw\", x=[\"N\", \"D\"])", "                                     ^"]),
        Row(diagnostic: "scalingFit.deltaWithMSE", code: runs + "\nfit(runs, law=\"chinchilla\", loss=\"mse\", delta=1)", traceback: [
            "ArgumentError: delta= is the Huber threshold; it does not apply to loss=\"mse\"", "  at line 4, column 41", "    fit(runs, law=\"chinchilla\", loss=\"mse\", delta=1)", "                                            ^"]),
        Row(diagnostic: "outOfRange (delta)", code: runs + "\nfit(runs, law=\"chinchilla\", delta=0)", traceback: [
            "DomainError: delta = 0 is out of range: allowed delta > 0", "  at line 4, column 29", "    fit(runs, law=\"chinchilla\", delta=0)", "                                ^"]),
        Row(diagnostic: "scalingFit.tooManyResamples", code: runs + "\nfit(runs, law=\"chinchilla\", bootstrap=1e6)", traceback: [
            "ResourceError: bootstrap = 1000000 is too many resamples (limit 100000)", "  at line 4, column 29", "    fit(runs, law=\"chinchilla\", bootstrap=1e6)", "                                ^"]),
        Row(diagnostic: "scalingFit.holdout", code: runs + "\nfit(runs, law=\"chinchilla\", holdout=16)", traceback: [
            "DomainError: holdout = 16 is out of range: the table has 16 runs, allowed 0 ≤ holdout ≤ 10", "  at line 4, column 29", "    fit(runs, law=\"chinchilla\", holdout=16)", "                                ^"]),
        Row(diagnostic: "scalingFit.failed", code: runs + "\nfit(table(N=ns, D=ns * 0 + 5, loss=ns), law=\"chinchilla\")", traceback: [
            "DomainError: cannot fit the chinchilla law: every run has the same D; its exponent cannot be fitted", "  at line 4, column 5", "    fit(table(N=ns, D=ns * 0 + 5, loss=ns), law=\"chinchilla\")", "        ^"]),
        Row(diagnostic: "wrongKind (fit x)", code: runs + "\nfit(runs, law=\"chinchilla\", x=3)", traceback: [
            "ArgumentError: fit: x must be a column name or a list of them, not a number", "  at line 4, column 29", "    fit(runs, law=\"chinchilla\", x=3)", "                                ^"]),
        Row(diagnostic: "builtin.columnNames (x)", code: runs + "\nfit(runs, law=\"chinchilla\", x=[\"N\", 2])", traceback: [
            "ArgumentError: x= lists column names (strings), not a number", "  at line 4, column 29", "    fit(runs, law=\"chinchilla\", x=[\"N\", 2])", "                                ^"]),
        Row(diagnostic: "builtin.noColumn (scaling)", code: runs + "\nfit(runs, law=\"chinchilla\", y=\"los\")", traceback: [
            "ArgumentError: the table has no column 'los' (columns: N, D, loss); did you mean 'loss'?", "  at line 4, column 29", "    fit(runs, law=\"chinchilla\", y=\"los\")", "                                ^"]),
        Row(diagnostic: "builtin.noColumn (curve)", code: "fit(table(x=[1, 2], y=[1, 2]), x=\"xx\")", traceback: [
            "ArgumentError: the table has no column 'xx' (columns: x, y); did you mean 'x'?", "  at line 1, column 32", "    fit(table(x=[1, 2], y=[1, 2]), x=\"xx\")", "                                   ^"]),
        Row(diagnostic: "builtin.textColumn", code: "fit(table(x=[1, 2], y=[\"a\", \"b\"]))", traceback: [
            "ArgumentError: column 'y' holds strings, not numbers", "  at line 1, column 5", "    fit(table(x=[1, 2], y=[\"a\", \"b\"]))", "        ^"]),
        Row(diagnostic: "scalingFit.optimalNeedsFit", code: "optimal([1], C=[1e21])", traceback: [
            "ArgumentError: optimal takes a chinchilla fit, fit(runs, law=\"chinchilla\", ...), not a vector", "  at line 1, column 9", "    optimal([1], C=[1e21])", "            ^"]),
        Row(diagnostic: "scalingFit.optimalNeedsChinchilla", code: runs + "\noptimal(fit(table(N=ns, loss=1 + ns^(-0.3)), law=\"offset_powerlaw\", x=\"N\"), C=[1e21])", traceback: [
            "ArgumentError: optimal needs a chinchilla fit of N and D; this fit is offset_powerlaw, of one variable", "  at line 4, column 9", "    optimal(fit(table(N=ns, loss=1 + ns^(-0.3)), law=\"offset_powerlaw\", x=\"N\"), C=[1e21])", "            ^"]),
        Row(diagnostic: "outOfRange (C)", code: runs + "\noptimal(fit(runs, law=\"chinchilla\"), C=[1e21, -1])", traceback: [
            "DomainError: C = -1 is out of range: allowed C > 0 (FLOPs)", "  at line 4, column 38", "    optimal(fit(runs, law=\"chinchilla\"), C=[1e21, -1])", "                                         ^"]),
        Row(diagnostic: "evaluation.noFitField (intervals)", code: runs + "\nf = fit(runs, law=\"chinchilla\")\nf.E_low", traceback: [
            "NameError: a chinchilla fit has no field 'E_low' (fields: E, A, B, alpha, beta, n, objective, law, bootstrap, seed); intervals need fit(..., bootstrap=1000)", "  at line 5, column 3", "    f.E_low", "      ^"]),
        Row(diagnostic: "evaluation.noFitField (holdout)", code: runs + "\nf = fit(runs, law=\"chinchilla\")\nf.holdout_error", traceback: [
            "NameError: a chinchilla fit has no field 'holdout_error' (fields: E, A, B, alpha, beta, n, objective, law, bootstrap, seed); a hold-out check needs fit(..., holdout=k)", "  at line 5, column 3", "    f.holdout_error", "      ^"]),
        Row(diagnostic: "evaluation.noFitField", code: runs + "\nf = fit(runs, law=\"chinchilla\")\nf.alpah", traceback: [
            "NameError: a chinchilla fit has no field 'alpah' (fields: E, A, B, alpha, beta, n, objective, law, bootstrap, seed); did you mean 'alpha'?", "  at line 5, column 3", "    f.alpah", "      ^"]),

    ]
}
