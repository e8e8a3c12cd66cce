extension DiagnosticCatalogTests {
    /// The resource policy's errors (`Diagnostic.Resource`). `timeLimit` and `interrupted`
    /// depend on the clock or a second thread, so `BudgetTests` pins them instead; no model
    /// takes the `budget=` that `overBudget` reads.
    static let resourceRows: [Row] = [
        Row(diagnostic: "resource.sessionMemory", code: "limits(memory=2e6, cell=true)\nv = linspace(0, 1, n=1e6)", traceback: [
            "ResourceError: the value of v would bring the session's values to 7.6 MiB of memory (limit 1.9 MiB; variables hold 0 MiB); make smaller values, or raise the limit with limits(memory=1e9) for the session, or add cell=true for this cell only", "  at line 2, column 1", "    v = linspace(0, 1, n=1e6)", "    ^"]),
        Row(diagnostic: "resource.workMemory", code: "limits(memory=1e6, cell=true)\nsimulate(ridge(dim=4000), P=[4000])", traceback: [
            "ResourceError: simulate(ridge) would need about 366.3 MiB of memory (limit 1 MiB); reduce the dimension, sample sizes, trials or grid, or raise the limit with limits(memory=1e9) for the session, or add cell=true for this cell only", "  at line 2, column 1", "    simulate(ridge(dim=4000), P=[4000])", "    ^"], catalog: true),
        Row(diagnostic: "resource.workTime", code: "limits(seconds=1, cell=true)\nsimulate(ridge(dim=4000), P=[4000], trials=100)", traceback: [
            "ResourceError: simulate(ridge) would take about 817 s (limit 1 s); reduce the dimension, sample sizes, trials or grid, or raise the limit with limits(seconds=1080) for the session, or add cell=true for this cell only", "  at line 2, column 1", "    simulate(ridge(dim=4000), P=[4000], trials=100)", "    ^"], catalog: true),
    ]
}
