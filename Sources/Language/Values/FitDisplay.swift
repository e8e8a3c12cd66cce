import Display
import JSON
import NumericCore

/// How a fit shows: one line of text and the law in LaTeX.
enum FitDisplay {
    /// `powerlaw fit: y = 2.1 · x^-1.79; exponent = -1.79 ± 0.02, prefactor = 2.1 ± 0.1, r2 = 0.999 (12 points)`.
    static func plain(_ f: CurveFit) -> String {
        let n = NumberText.plain
        let law: String
        switch f.law {
        case .powerlaw: law = "y = \(n(f.prefactor)) · x^\(n(f.exponent))"
        case .exponential: law = "y = \(n(f.prefactor)) · exp(\(n(f.exponent)) · x)"
        case .linear: law = "y = \(n(f.prefactor)) + \(n(f.exponent)) · x"
        }
        return "\(f.law.rawValue) fit: \(law); exponent = \(n(f.exponent)) ± \(n(f.exponentStandardError)), "
            + "prefactor = \(n(f.prefactor)) ± \(n(f.prefactorStandardError)), r2 = \(n(f.r2)) (\(f.count) points)"
    }

    /// The law with standard errors, as `$...$` LaTeX.
    static func latex(_ f: CurveFit) -> String {
        let n = NumberText.plain
        let e = "(\(n(f.exponent)) \\pm \(n(f.exponentStandardError)))"
        let c = "(\(n(f.prefactor)) \\pm \(n(f.prefactorStandardError)))"
        switch f.law {
        case .powerlaw: return "$y = \(c)\\, x^{\(e)}, \\quad R^2 = \(n(f.r2))$"
        case .exponential: return "$y = \(c)\\, e^{\(e)\\, x}, \\quad R^2 = \(n(f.r2))$"
        case .linear: return "$y = \(c) + \(e)\\, x, \\quad R^2 = \(n(f.r2))$"
        }
    }

    /// text/plain and text/latex.
    static func bundle(_ f: CurveFit) -> MIMEBundle {
        MIMEBundle(plain: plain(f), [MIMEType.latex: .string(latex(f))])
    }
}

/// How a claim shows: a pass/fail line, and the machine-readable record that reports
/// and `solvable check` read.
enum ClaimDisplay {
    /// `✓ PASS  text: measured 1.79, expected 1.8 ± 0.1`.
    static func plain(_ c: Claim) -> String {
        let n = NumberText.plain
        let mark = c.pass ? "✓ PASS" : "✗ FAIL"
        var tolerance = "± \(n(c.allowance))"
        if let rtol = c.rtol { tolerance += " (rtol \(n(rtol)))" }
        let kind = c.evidence.map { " [\($0.rawValue)]" } ?? ""
        return "\(mark)  \(c.text): measured \(n(c.measured)), expected \(n(c.expect)) \(tolerance)\(kind)"
    }

    /// The `application/vnd.solvable.claim+json` record.
    static func json(_ c: Claim) -> JSONValue {
        var object: [String: JSONValue] = [
            "text": .string(c.text),
            "measured": number(c.measured),
            "expect": number(c.expect),
            "tol": number(c.tol ?? 0),
            "pass": .bool(c.pass),
        ]
        if let rtol = c.rtol { object["rtol"] = number(rtol) }
        if let evidence = c.evidence { object["evidence"] = .string(evidence.rawValue) }
        return .object(object)
    }

    private static func number(_ x: Double) -> JSONValue { x.isFinite ? .double(x) : .null }

    /// text/plain, text/html and the claim record.
    static func bundle(_ c: Claim) -> MIMEBundle {
        let colour = c.pass ? "var(--jp-success-color1, #1a7f37)" : "var(--jp-error-color1, #cf222e)"
        let html = "<div class=\"solvable-claim\" style=\"color: \(colour)\">\(plain(c).htmlEscaped)</div>"
        return MIMEBundle(plain: plain(c), [MIMEType.html: .string(html), MIMEType.claim: json(c)])
    }
}

/// How a scaling-law fit shows and what fields it answers.
enum ScalingFitDisplay {
    /// The fields `f.name` reads, in display order: the coefficients, their interval
    /// ends (with a bootstrap), the hold-out check (with a hold-out), and the settings.
    static func fields(_ f: ScalingFit) -> [(String, Value)] {
        var out: [(String, Value)] = []
        for (k, name) in f.law.parameterNames.enumerated() { out.append((name, .number(f.estimate[k]))) }
        for (k, name) in f.law.parameterNames.enumerated() {
            guard let interval = f.interval(k) else { break }
            out.append((name + "_low", .number(interval.low)))
            out.append((name + "_high", .number(interval.high)))
        }
        if let h = f.holdout {
            out += [("holdout_n", .number(Double(h.count))), ("holdout_error", .number(h.meanRelativeError)),
                    ("holdout_max_error", .number(h.maxRelativeError))]
        }
        out += [("n", .number(Double(f.count))), ("objective", .number(f.objectiveValue)), ("law", .string(f.law.rawValue)),
                ("bootstrap", .number(Double(f.samples.count))), ("seed", .number(Double(f.seed)))]
        return out
    }

    /// `f.name`, or an error listing the fields (and saying how to get intervals).
    static func field(_ f: ScalingFit, _ name: String, at position: SourcePosition) throws(LanguageError) -> Value {
        let all = fields(f)
        if let v = all.first(where: { $0.0 == name }) { return v.1 }
        var hint: Diagnostic.Evaluation.FitFieldHint?
        if name.hasSuffix("_low") || name.hasSuffix("_high"), f.samples.isEmpty { hint = .intervals }
        if name.hasPrefix("holdout"), f.holdout == nil { hint = .holdout }
        throw LanguageError(.evaluation(.noFitField(law: f.law.rawValue, name: name, fields: all.map(\.0), hint: hint)), at: position)
    }

    /// The loss in words: `huber δ=0.001` or `mse`.
    static func lossText(_ loss: ScalingObjective.Loss) -> String {
        switch loss {
        case .huber(let delta): return "huber δ=\(NumberText.plain(delta))"
        case .mse: return "mse"
        }
    }

    /// A header line, one line per coefficient (with its interval), and the hold-out line.
    static func plain(_ f: ScalingFit) -> String {
        let n = NumberText.plain
        let resamples = f.samples.isEmpty ? "no bootstrap" : "95% intervals from \(f.samples.count) bootstraps, seed \(f.seed)"
        var lines = ["\(f.law.rawValue) fit of \(f.outputName) on \(f.inputNames.joined(separator: ", ")): \(f.law.formula) "
                     + "(\(f.count) runs, \(lossText(f.loss)), \(resamples))"]
        for (k, name) in f.law.parameterNames.enumerated() {
            let interval = f.interval(k).map { "  [\(n($0.low)), \(n($0.high))]" } ?? ""
            lines.append("  \(name) = \(n(f.estimate[k]))\(interval)")
        }
        if let h = f.holdout { lines.append("  " + holdoutText(f, h)) }
        return lines.joined(separator: "\n")
    }

    /// `hold-out: fitted on the 31 smaller-compute runs; on the 5 largest (6·N·D ≥ 1e20): mean error 0.8%, max 1.5%`.
    static func holdoutText(_ f: ScalingFit, _ h: ScalingFit.Holdout) -> String {
        let n = NumberText.plain
        let measure = f.law == .chinchilla ? "6·\(f.inputNames[0])·\(f.inputNames[1])" : f.inputNames[0]
        return "hold-out: fitted on the \(f.count) smaller-compute runs; on the \(h.count) largest (\(measure) ≥ \(n(h.threshold))): "
            + "mean error \(n(100 * h.meanRelativeError))%, max \(n(100 * h.maxRelativeError))%"
    }

    /// An HTML table: coefficient, estimate, interval.
    static func html(_ f: ScalingFit) -> String {
        let n = NumberText.plain
        let header = plain(f).split(separator: "\n").first.map(String.init) ?? ""
        var rows = ""
        for (k, name) in f.law.parameterNames.enumerated() {
            let interval = f.interval(k).map { "<td>\(n($0.low))</td><td>\(n($0.high))</td>" } ?? ""
            rows += "<tr><th>\(name.htmlEscaped)</th><td>\(n(f.estimate[k]))</td>\(interval)</tr>"
        }
        let intervalHeader = f.samples.isEmpty ? "" : "<th>2.5%</th><th>97.5%</th>"
        let holdout = f.holdout.map { "<p>\(holdoutText(f, $0).htmlEscaped)</p>" } ?? ""
        return "<div class=\"solvable-fit\"><table><caption>\(header.htmlEscaped)</caption>"
            + "<tr><th></th><th>estimate</th>\(intervalHeader)</tr>\(rows)</table>\(holdout)</div>"
    }

    /// text/plain and text/html.
    static func bundle(_ f: ScalingFit) -> MIMEBundle {
        MIMEBundle(plain: plain(f), [MIMEType.html: .string(html(f))])
    }
}
