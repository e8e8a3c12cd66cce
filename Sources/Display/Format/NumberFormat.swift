import Foundation

/// How numbers print in `text/plain`: an integral value without a decimal point
/// (`42`), anything else with up to 6 significant digits (`0.333333`, `1.5e-07`).
///
/// CONTRACT (the language builds against this signature).
public enum NumberFormat {
    /// `x` as text/plain shows it: integral values below 1e15 in magnitude as integers
    /// (`42`, `-3`, `1000000`), everything else as C's `%.6g` (which drops trailing
    /// zeros: `2.5`, `1e-05`, `123457`), and `nan`, `inf`, `-inf` for non-finite values.
    public static func plain(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        if x.rounded() == x && abs(x) < 1e15 { return String(Int64(x)) }
        return String(format: "%.6g", x)
    }

    /// A table cell (HTML and plain text): the same as `plain`, so a cell reads like
    /// the value the language would print for it.
    public static func cell(_ x: Double) -> String { plain(x) }

    /// An axis tick label for `value` on a linear axis whose ticks are `step` apart:
    /// just enough decimals to tell neighbouring ticks apart (`0.25`, `1.5`, `300`),
    /// scientific notation for very large or very small steps (`2e-5`), a true
    /// minus sign (`−2`), and never `-0`.
    public static func tick(_ value: Double, step: Double) -> String {
        guard value.isFinite, step.isFinite, step > 0 else { return minus(plain(value)) }
        if abs(value) < step * 1e-9 { return "0" }
        let magnitude = max(abs(value), step)
        if magnitude >= 1e6 || step < 1e-4 {
            let digits = Int(log10(magnitude).rounded(.down)) - Int(log10(step).rounded(.down))
            return minus(scientific(value, decimals: min(max(digits, 0), 6)))
        }
        let decimals = max(0, -Int(log10(step).rounded(.down)))
        var text = String(format: "%.\(min(decimals, 10))f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return minus(text)
    }

    /// `value` as `m.mmme±x` with trailing zeros of the mantissa and leading zeros of
    /// the exponent removed (`1.5e-5`, `3e6`).
    static func scientific(_ value: Double, decimals: Int) -> String {
        let text = String(format: "%.\(decimals)e", value)
        guard let e = text.firstIndex(of: "e") else { return text }
        var mantissa = String(text[..<e])
        if mantissa.contains(".") {
            while mantissa.hasSuffix("0") { mantissa.removeLast() }
            if mantissa.hasSuffix(".") { mantissa.removeLast() }
        }
        let exponent = Int(text[text.index(after: e)...]) ?? 0
        return "\(mantissa)e\(exponent)"
    }

    /// Replaces a leading ASCII hyphen by the typographic minus sign U+2212.
    static func minus(_ text: String) -> String {
        text.hasPrefix("-") ? "\u{2212}" + text.dropFirst() : text
    }

    /// A coordinate in SVG: at most two decimals, no trailing zeros, no `-0`, no
    /// exponent, independent of locale, so the same figure gives the same bytes.
    static func coordinate(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        let hundredths = Int64((x * 100).rounded())
        if hundredths == 0 { return "0" }
        let sign = hundredths < 0 ? "-" : ""
        let whole = abs(hundredths) / 100
        let fraction = abs(hundredths) % 100
        if fraction == 0 { return "\(sign)\(whole)" }
        if fraction % 10 == 0 { return "\(sign)\(whole).\(fraction / 10)" }
        return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
