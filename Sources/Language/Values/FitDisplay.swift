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
