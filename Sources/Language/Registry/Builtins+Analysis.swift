import NumericCore

// MARK: - Fits and claims

extension Builtins {
    static let analysis: [Builtin] = [
        Builtin(name: "fit", summary: "Least-squares fit of a power law, exponential or line to a table's columns (or to two vectors).",
                doc: """
                fit(sim, x="P", y="test", law="powerlaw", min=100) fits y = prefactor · x^exponent in log–log \
                coordinates over the rows with min ≤ x ≤ max. "exponential" fits y = prefactor · exp(exponent · x), \
                "linear" fits y = prefactor + exponent · x. Fields: exponent, prefactor, exponent_se, prefactor_se, r2, n.
                fit(runs, law="chinchilla", x=["N", "D"], y="loss", bootstrap=1000, seed=0) fits L = E + A/N^alpha + B/D^beta \
                by Hoffmann et al. (2022)'s objective (Huber, delta=1e-3, on log L̂ − log L; L-BFGS from their grid of starts); \
                law="offset_powerlaw" fits L = E + A/x^alpha. Fields: E, A, B, alpha, beta; with bootstrap=, the 95% \
                percentile intervals E_low, E_high, …, beta_low, beta_high; with holdout=k (fit without the k \
                largest-compute runs), holdout_n, holdout_error, holdout_max_error (relative); n, objective, law, bootstrap, seed. \
                optimal(f, C=[...]) gives the compute-optimal N, D and loss.
                """,
                parameters: [
                    .builtin("data", "a table (or a vector of x values)", kind: .oneOf([.table, .vector])),
                    .builtin("ys", "the y values when data is a vector", kind: .vector, default: "none"),
                    .builtin("x", "the x column (a list [\"N\", \"D\"] for chinchilla)", kind: .oneOf([.string, .list]), default: "first column", keywordOnly: true),
                    .builtin("y", "the y column", kind: .string, default: "second column", keywordOnly: true),
                    .builtin("law", "the law to fit", kind: .string, default: "\"powerlaw\"",
                                     allowed: "\"powerlaw\" | \"exponential\" | \"linear\" | \"chinchilla\" | \"offset_powerlaw\"", keywordOnly: true),
                    .builtin("min", "use only points with x ≥ min", default: "none", keywordOnly: true),
                    .builtin("max", "use only points with x ≤ max", default: "none", keywordOnly: true),
                ] + scalingFitParameters) { c throws(LanguageError) in
            let law = CurveFit.Law(rawValue: try c.choice("law", CurveFit.Law.allCases.map(\.rawValue) + scalingLawNames) ?? "powerlaw") ?? .powerlaw
            if let scaling = try scalingFit(&c) { return scaling }
            var xs: [Double], ys: [Double]
            switch c.value("data")! {
            case .table(let t):
                guard c.value("ys") == nil else { throw c.error(.builtin(.fitTableYs), at: "ys") }
                let xName = try c.string("x") ?? t.columnNames.first ?? ""
                let yName = try c.string("y") ?? (t.columnNames.count > 1 ? t.columnNames[1] : "")
                xs = try numericColumn(c, t, xName, parameter: "x")
                ys = try numericColumn(c, t, yName, parameter: "y")
            case let v:
                guard let x = v.numbers, let y = try c.numbers("ys") else {
                    throw c.error(.builtin(.fitKind(typeName: v.typeName)), at: "data")
                }
                guard x.count == y.count else { throw c.error(.builtin(.fitLengths(xs: x.count, ys: y.count)), at: "ys") }
                (xs, ys) = (x, y)
            }
            let lower = try c.number("min") ?? -.infinity
            let upper = try c.number("max") ?? .infinity
            let kept = xs.indices.filter { xs[$0] >= lower && xs[$0] <= upper }
            do throws(FitError) {
                return .fit(try CurveFit.fit(x: kept.map { xs[$0] }, y: kept.map { ys[$0] }, law: law))
            } catch {
                let range = c.value("min") != nil || c.value("max") != nil ? " (after min/max: \(kept.count) of \(xs.count) points)" : ""
                throw c.error(.builtin(.fitFailed(law: law.rawValue, reason: error.message, range: range)), at: c.value("min") != nil && kept.count < 3 ? "min" : "data")
            }
        },
        Builtin(name: "claim", summary: "Checks a statement from a paper: a measured number against the expected one.",
                doc: """
                claim("decay exponent is -alpha*beta", f.exponent, expect=-1.8, tol=0.1) passes when |measured − expect| ≤ tol \
                (tol absolute; rtol relative to |expect|; both may be given and add up). Shows a pass/fail line and records \
                application/vnd.solvable.claim+json for reports and `solvable check`. evidence= says what kind of \
                evidence it is: "simulation" (theory against an independent Monte-Carlo of the same finite system), \
                "exponent" (a fitted scaling exponent against the paper's prediction), "paper" (a number or statement \
                the paper reports), "limit" (a known closed form or limit) or "consistency" (internal bookkeeping). \
                The text may hold TeX math between $…$, typeset in reports.
                """,
                parameters: [
                    .builtin("text", "the statement, in words", kind: .string),
                    .builtin("measured", "the measured value"),
                    .builtin("expect", "the expected value", keywordOnly: false),
                    .builtin("tol", "absolute tolerance", default: "none", allowed: "tol ≥ 0", keywordOnly: true),
                    .builtin("rtol", "relative tolerance", default: "none", allowed: "rtol ≥ 0", keywordOnly: true),
                    .builtin("evidence", "the kind of evidence", kind: .string, default: "none",
                                     allowed: ClaimEvidence.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: " | "), keywordOnly: true),
                ]) { c throws(LanguageError) in
            let text = try c.string("text")!
            let measured = try c.number("measured")!
            let expect = try c.number("expect")!
            let tol = try c.number("tol"), rtol = try c.number("rtol")
            guard tol != nil || rtol != nil else { throw c.error(.builtin(.claimNeedsTolerance)) }
            guard expect.isFinite else {
                throw c.error(.outOfRange(parameter: "expect", value: expect, allowed: "a finite number (a claim checks "
                                    + "|measured − expect| ≤ tolerance; for a divergence, claim 1/x with expect=0)", entry: nil), at: "expect")
            }
            for (name, value) in [("tol", tol), ("rtol", rtol)] {
                if let value, !(value >= 0) || !value.isFinite {
                    throw c.error(.outOfRange(parameter: name, value: value, allowed: "\(name) ≥ 0", entry: nil), at: name)
                }
            }
            var evidence: ClaimEvidence?
            if let kind = try c.string("evidence") {
                guard let known = ClaimEvidence(rawValue: kind) else {
                    throw c.error(.builtin(.unknownEvidence(kind, kinds: ClaimEvidence.quotedList)), at: "evidence")
                }
                evidence = known
            }
            return .claim(Claim(text: text, measured: measured, expect: expect, tol: tol, rtol: rtol, evidence: evidence))
        },
    ]
}
