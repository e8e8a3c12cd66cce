import Display
import Language
import NumericCore
import Testing

/// `fit(runs, law="chinchilla" | "offset_powerlaw", ...)` and `optimal(f, C=...)` from the
/// language: fields, tables, help, and every error pinned with its message and column.
@Suite struct ScalingFitLanguageTests {
    let h = Harness()

    /// A 4 × 4 grid of noise-free runs from E=1.69, A=406.4, B=410.7, α=0.34, β=0.28.
    static let runs = """
        ns = [1e7, 1e8, 1e9, 1e10, 1e7, 1e8, 1e9, 1e10, 1e7, 1e8, 1e9, 1e10, 1e7, 1e8, 1e9, 1e10]
        ds = [1e9, 1e9, 1e9, 1e9, 1e10, 1e10, 1e10, 1e10, 1e11, 1e11, 1e11, 1e11, 1e12, 1e12, 1e12, 1e12]
        runs = table(N=ns, D=ds, loss=1.69 + 406.4 * ns^(-0.34) + 410.7 * ds^(-0.28))
        """

    private func expectError(_ code: String, _ message: String, column: Int, line: Int? = nil,
                             sourceLocation: SourceLocation = #_sourceLocation) {
        let cell = Self.runs + "\n" + code
        guard let e = h.error(cell) else {
            Issue.record("expected an error from \(code)", sourceLocation: sourceLocation)
            return
        }
        #expect(e.ename + ": " + e.evalue == message, sourceLocation: sourceLocation)
        #expect(e.line == (line ?? 4 + code.split(separator: "\n", omittingEmptySubsequences: false).count - 1), sourceLocation: sourceLocation)
        #expect(e.column == column, sourceLocation: sourceLocation)
    }

    @Test func fieldsAndDisplay() {
        let base = Self.runs + "\nf = fit(runs, law=\"chinchilla\", x=[\"N\", \"D\"], y=\"loss\")\n"
        #expect(abs(h.number(base + "f.alpha") - 0.34) < 1e-4)
        #expect(abs(h.number(base + "f.B") / 410.7 - 1) < 1e-3)
        #expect(h.number(base + "f.n") == 16)
        let shown = h.plain(base + "f")
        #expect(shown.hasPrefix("chinchilla fit of loss on N, D: L = E + A/N^alpha + B/D^beta (16 runs, huber δ=0.001, no bootstrap)"), "\(shown)")
        #expect(shown.contains("  beta = 0.28"))
    }

    /// `optimal` is also the ensemble model's operation: a model first picks the operation,
    /// a fit picks the builtin (random-feature-ensembles calls the former).
    @Test func optimalOfAModelIsTheModelsOperation() {
        let catalog = Harness(session: Session())
        let table = catalog.plain("optimal(ensemble(alpha=1.5, beta=1.2, noise=0.1, dim=200), K=[1, 2], total=64, P=100)")
        #expect(table.contains("lambda") && table.contains("test"), "\(table)")
        #expect(h.number(Self.runs + "\nf = fit(runs, law=\"chinchilla\")\noptimal(f, C=[1e21]).N[0]") > 0)
    }

    @Test func bootstrapGivesIntervalsAndProgress() {
        let code = Self.runs + "\nf = fit(runs, law=\"chinchilla\", bootstrap=20, seed=3)\n[f.alpha_low <= f.alpha, f.alpha <= f.alpha_high, f.bootstrap]"
        let (outcome, sink) = h.run(code)
        guard case .success(let result, _) = outcome else { Issue.record("\(outcome)"); return }
        #expect(result?.plainText == "[true, true, 20]")
        let progress = sink.events.compactMap { event -> String? in
            if case .display(let b, let id?, _) = event { _ = id; return b.plainText }
            return nil
        }
        #expect(progress.last?.hasPrefix("bootstrap chinchilla fit") == true && progress.last?.contains("(20/20)") == true, "\(progress)")
    }

    @Test func optimalGivesATableWithIntervals() {
        let base = Self.runs + "\nf = fit(runs, law=\"chinchilla\", bootstrap=10, seed=1)\n"
        #expect(h.plain(base + "columns(optimal(f, C=[1e21, 1e23]))")
                == "[\"C\", \"N\", \"N_low\", \"N_high\", \"D\", \"D_low\", \"D_high\", \"loss\", \"loss_low\", \"loss_high\"]")
        let budget = h.number(base + "o = optimal(f, C=[1e23])\n6 * o.N[0] * o.D[0]")
        #expect(abs(budget / 1e23 - 1) < 1e-12)
        #expect(h.plain(Self.runs + "\ncolumns(optimal(fit(runs, law=\"chinchilla\"), C=1e22))") == "[\"C\", \"N\", \"D\", \"loss\"]")
    }

    @Test func holdoutFields() {
        let code = Self.runs + "\nf = fit(runs, law=\"chinchilla\", holdout=3)\n[f.n, f.holdout_n, f.holdout_max_error < 1e-4]"
        #expect(h.plain(code) == "[13, 3, true]")
    }

    @Test func offsetPowerLaw() {
        let code = "x = [1e6, 1e7, 1e8, 1e9, 1e10, 1e11]\nt = table(C=x, loss=2 + 30 * x^(-0.25))\nf = fit(t, law=\"offset_powerlaw\", x=\"C\")\n[f.E, f.A, f.alpha]"
        #expect(h.plain(code) == "[2, 30, 0.25]")
    }

    @Test func helpListsTheFields() {
        let (_, sink) = h.run("help(fit)")
        let help = sink.displays.map(\.plainText).joined()
        for field in ["E_low", "beta_high", "holdout_error", "bootstrap=", "offset_powerlaw"] {
            #expect(help.contains(field), "help(fit) lacks \(field)")
        }
    }

    @Test func errorsOfTheScalingFit() {
        expectError("fit(runs, law=\"powerlaw\", x=\"N\", y=\"loss\", bootstrap=10)",
                    "ArgumentError: bootstrap= applies to the scaling laws (law=\"chinchilla\" or \"offset_powerlaw\"), not to law=\"powerlaw\"", column: 44)
        expectError("fit(ns, ds, law=\"chinchilla\")", "ArgumentError: a chinchilla fit takes a table of runs, not a vector", column: 5)
        expectError("fit(runs, law=\"chinchilla\", min=1e8)",
                    "ArgumentError: min= does not apply to a chinchilla fit; give a table and x=, y= column names", column: 29)
        expectError("fit(runs, law=\"chinchilla\", x=\"N\")",
                    "ArgumentError: the chinchilla law takes two columns, x=[\"N\", \"D\"] (parameters, tokens), not 1", column: 29)
        expectError("fit(runs, law=\"offset_powerlaw\", x=[\"N\", \"D\"])",
                    "ArgumentError: the offset_powerlaw law takes one column, x=\"N\", not 2", column: 34)
        expectError("fit(runs, law=\"chinchilla\", x=[\"N\", 2])", "ArgumentError: x= lists column names (strings), not a number", column: 29)
        expectError("fit(runs, law=\"chinchilla\", x=3)", "ArgumentError: fit: x must be a column name or a list of them, not a number", column: 29)
        expectError("fit(runs, law=\"chinchilla\", x=[\"N\", \"DD\"])",
                    "ArgumentError: the table has no column 'DD' (columns: N, D, loss); did you mean 'D'?", column: 29)
        expectError("fit(runs, law=\"chinchilla\", y=\"los\")",
                    "ArgumentError: the table has no column 'los' (columns: N, D, loss); did you mean 'loss'?", column: 29)
        expectError("fit(table(N=[1, 2], D=[1, 2], loss=[\"a\", \"b\"]), law=\"chinchilla\")",
                    "ArgumentError: column 'loss' holds strings, not numbers", column: 5)
        expectError("fit(runs, law=\"chinchilla\", loss=\"mae\")",
                    "DomainError: loss = \"mae\" is not allowed: use one of \"huber\", \"mse\"; did you mean 'mse'?", column: 29)
        expectError("fit(runs, law=\"chinchilla\", loss=\"mse\", delta=0.1)",
                    "ArgumentError: delta= is the Huber threshold; it does not apply to loss=\"mse\"", column: 41)
        expectError("fit(runs, law=\"chinchilla\", delta=0)", "DomainError: delta = 0 is out of range: allowed delta > 0", column: 29)
        expectError("fit(runs, law=\"chinchilla\", bootstrap=1e6)",
                    "ResourceError: bootstrap = 1000000 is too many resamples (limit 100000)", column: 29)
        expectError("fit(runs, law=\"chinchilla\", bootstrap=2.5)",
                    "DomainError: bootstrap = 2.5 is out of range: allowed a whole number bootstrap ≥ 0", column: 29)
        expectError("fit(runs, law=\"chinchilla\", seed=-1)", "DomainError: seed = -1 is out of range: allowed a whole number seed ≥ 0", column: 29)
        expectError("fit(runs, law=\"chinchilla\", holdout=16)",
                    "DomainError: holdout = 16 is out of range: the table has 16 runs, allowed 0 ≤ holdout ≤ 10", column: 29)
        expectError("fit(runs, law=\"chinchilla\", holdout=12)",
                    "DomainError: cannot fit the chinchilla law: the chinchilla law has 5 unknowns and needs at least 6 runs, but 4 remain after holding out 12", column: 5)
        expectError("fit(table(N=ns, D=ds, loss=ns * 0), law=\"chinchilla\")",
                    "DomainError: cannot fit the chinchilla law: run 0 has loss = 0.0; a scaling law needs loss > 0", column: 5)
        expectError("fit(table(N=ns, D=ns * 0 + 5, loss=ns), law=\"chinchilla\")",
                    "DomainError: cannot fit the chinchilla law: every run has the same D; its exponent cannot be fitted", column: 5)
    }

    @Test func errorsOfFieldsAndOptimal() {
        expectError("f = fit(runs, law=\"chinchilla\")\nf.E_low",
                    "NameError: a chinchilla fit has no field 'E_low' (fields: E, A, B, alpha, beta, n, objective, law, bootstrap, seed); intervals need fit(..., bootstrap=1000)", column: 3, line: 5)
        expectError("f = fit(runs, law=\"chinchilla\")\nf.holdout_error",
                    "NameError: a chinchilla fit has no field 'holdout_error' (fields: E, A, B, alpha, beta, n, objective, law, bootstrap, seed); a hold-out check needs fit(..., holdout=k)", column: 3, line: 5)
        expectError("f = fit(runs, law=\"chinchilla\")\nf.alpah",
                    "NameError: a chinchilla fit has no field 'alpah' (fields: E, A, B, alpha, beta, n, objective, law, bootstrap, seed); did you mean 'alpha'?", column: 3, line: 5)
        expectError("optimal(runs, C=[1e21])", "ArgumentError: optimal takes a chinchilla fit, fit(runs, law=\"chinchilla\", ...), not a table", column: 9)
        expectError("optimal(fit(table(N=ns, loss=1 + ns^(-0.3)), law=\"offset_powerlaw\", x=\"N\"), C=[1e21])",
                    "ArgumentError: optimal needs a chinchilla fit of N and D; this fit is offset_powerlaw, of one variable", column: 9)
        expectError("optimal(fit(runs, law=\"chinchilla\"), C=[1e21, -1])", "DomainError: C = -1 is out of range: allowed C > 0 (FLOPs)", column: 38)
    }

    /// The first progress display of the bootstrap interrupts the cell, as a user would.
    @Test func interruptStopsTheBootstrap() {
        final class InterruptingSink: OutputSink {
            let monitor: WorkMonitor
            init(_ monitor: WorkMonitor) { self.monitor = monitor }
            func stream(_ name: StreamName, _ text: String) {}
            func display(_ bundle: MIMEBundle, displayID: String?, update: Bool) { if displayID != nil { monitor.cancel() } }
            func clearOutput(wait: Bool) {}
        }
        let monitor = WorkMonitor()
        let outcome = h.session.execute(Self.runs + "\nfit(runs, law=\"chinchilla\", bootstrap=100000)",
                                        sink: InterruptingSink(monitor), monitor: monitor)
        guard case .failure(let e) = outcome else { Issue.record("expected an interrupt"); return }
        #expect(e.ename + ": " + e.evalue == "Interrupted: interrupted by the user during the bootstrap")
    }
}
