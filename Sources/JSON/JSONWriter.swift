/// Serialises `JSONValue`s the way Python's `json` module does, so that files written
/// here diff cleanly against files written by Jupyter.
///
/// `.notebook` matches nbformat's writer (`json.dumps(nb, indent=1, sort_keys=True,
/// ensure_ascii=False)` plus a trailing newline); `.compact` is a single line with
/// sorted keys, used on the wire. Doubles print as Python's `repr` prints them
/// (shortest round-trip digits; exponent form below 1e-4 and from 1e16), and
/// non-finite doubles, which JSON cannot carry, print as `null`.
public enum JSONWriter {
    /// The layout of the text produced.
    public enum Style: Sendable {
        /// One line, `{"a":1}`.
        case compact
        /// nbformat's layout: one-space indent, `": "` separators, keys sorted.
        case notebook
    }

    /// Serialises `value` to a string in the given style (no trailing newline).
    public static func string(_ value: JSONValue, style: Style = .compact) -> String {
        var out = ""
        out.reserveCapacity(256)
        write(value, style: style, indent: 0, into: &out)
        return out
    }

    /// Serialises `value` to UTF-8 bytes in the given style (no trailing newline).
    public static func bytes(_ value: JSONValue, style: Style = .compact) -> [UInt8] {
        Array(string(value, style: style).utf8)
    }

    // MARK: - Recursive writer

    private static func write(_ value: JSONValue, style: Style, indent: Int, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += formatDouble(d)
        case .string(let s): writeString(s, into: &out)
        case .array(let elements):
            if elements.isEmpty { out += "[]"; return }
            out += "["
            for (i, element) in elements.enumerated() {
                if i > 0 { out += "," }
                newline(style, indent + 1, &out)
                write(element, style: style, indent: indent + 1, into: &out)
            }
            newline(style, indent, &out)
            out += "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{"
            for (i, key) in members.keys.sorted().enumerated() {
                if i > 0 { out += "," }
                newline(style, indent + 1, &out)
                writeString(key, into: &out)
                out += style == .compact ? ":" : ": "
                write(members[key]!, style: style, indent: indent + 1, into: &out)
            }
            newline(style, indent, &out)
            out += "}"
        }
    }

    private static func newline(_ style: Style, _ indent: Int, _ out: inout String) {
        guard style == .notebook else { return }
        out += "\n"
        out += String(repeating: " ", count: indent)
    }

    private static func writeString(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    // MARK: - Numbers

    /// Formats a double as Python's `repr(float)` does.
    public static func formatDouble(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == 0 { return d.sign == .minus ? "-0.0" : "0.0" }
        let (digits, exponent) = shortestDigits(abs(d))
        let sign = d < 0 ? "-" : ""
        // `exponent` is the decimal exponent of the first digit: value = 0.d1d2... × 10^(exponent+1)
        if exponent < -4 || exponent >= 16 {
            var mantissa = String(digits.first!)
            if digits.count > 1 { mantissa += "." + digits.dropFirst() }
            let expSign = exponent < 0 ? "-" : "+"
            let expDigits = String(abs(exponent))
            return sign + mantissa + "e" + expSign + (expDigits.count < 2 ? "0" + expDigits : expDigits)
        }
        if exponent < 0 {
            return sign + "0." + String(repeating: "0", count: -exponent - 1) + digits
        }
        let intCount = exponent + 1
        if digits.count <= intCount {
            return sign + digits + String(repeating: "0", count: intCount - digits.count) + ".0"
        }
        let split = digits.index(digits.startIndex, offsetBy: intCount)
        return sign + digits[..<split] + "." + digits[split...]
    }

    /// The shortest round-trip decimal digits of a positive finite double and the
    /// decimal exponent of its leading digit, read off Swift's own shortest printer.
    private static func shortestDigits(_ d: Double) -> (String, Int) {
        let text = d.description  // e.g. "1.2345e-05", "123.45", "1e+16"
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var digits = ""
        var pointPosition: Int? = nil
        for ch in mantissa {
            if ch == "." { pointPosition = digits.count } else { digits.append(ch) }
        }
        let intDigits = pointPosition ?? digits.count
        // Strip leading zeros (e.g. "0.001").
        var leadingZeros = 0
        for ch in digits { if ch == "0" { leadingZeros += 1 } else { break } }
        digits.removeFirst(leadingZeros)
        while digits.count > 1, digits.last == "0" { digits.removeLast() }
        return (digits, exponent + intDigits - 1 - leadingZeros)
    }
}
