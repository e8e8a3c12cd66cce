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

    /// Labels for the ticks `values` of a linear axis whose ticks are `step` apart, all
    /// in one style: plain decimals with just enough places to tell neighbours apart
    /// (`0.25`, `1.5`, `300`), or, when the largest tick reaches 1e5 or the step is
    /// below 1e-4, scientific notation for every tick (`2e5`, `1.5e-5`); a true minus
    /// sign (`−2`), and `0` for zero (never `-0` or `0e0`).
    public static func ticks(_ values: [Double], step: Double) -> [String] {
        guard step.isFinite, step > 0 else { return values.map { minus(plain($0)) } }
        let largest = values.map(abs).max() ?? 0
        let stepExponent = Int(log10(step).rounded(.down))
        if largest >= 1e5 || step < 1e-4 {
            return values.map { value in
                guard value.isFinite, abs(value) >= step * 1e-9 else { return "0" }
                let digits = Int(log10(abs(value)).rounded(.down)) - stepExponent
                return minus(scientific(value, decimals: min(max(digits, 0), 6)))
            }
        }
        let decimals = (0...10).first { d in
            let scaled = step * pow(10, Double(d))
            return abs(scaled - scaled.rounded()) < 1e-6 * scaled
        } ?? 10
        return values.map { value in
            guard value.isFinite, abs(value) >= step * 1e-9 else { return "0" }
            var text = String(format: "%.\(decimals)f", value)
            if text.contains(".") {
                while text.hasSuffix("0") { text.removeLast() }
                if text.hasSuffix(".") { text.removeLast() }
            }
            return minus(text)
        }
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
        // Far outside any viewBox; clamped so the conversion below cannot trap.
        let hundredths = Int64((min(max(x, -1e12), 1e12) * 100).rounded())
        if hundredths == 0 { return "0" }
        let sign = hundredths < 0 ? "-" : ""
        let whole = abs(hundredths) / 100
        let fraction = abs(hundredths) % 100
        if fraction == 0 { return "\(sign)\(whole)" }
        if fraction % 10 == 0 { return "\(sign)\(whole).\(fraction / 10)" }
        return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
