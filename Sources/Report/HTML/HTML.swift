import Display
import Foundation

/// HTML text helpers: escaping (Display's `Markup`), ANSI removal and tag stripping.
enum HTML {
    /// Escapes `&`, `<`, `>`, `"` and `'` for use in text or attribute values.
    static func escape(_ text: String) -> String { Markup.escape(text) }

    /// A claim's number as a reader wants it: up to 6 significant digits (`check` keeps
    /// the exact value for machines); "-" when absent.
    static func number(_ value: Double?) -> String { value.map(NumberFormat.plain) ?? "-" }

    /// Removes ANSI terminal escape sequences (colours in tracebacks): CSI `ESC [ … final`
    /// and two-character `ESC x` sequences.
    static func stripANSI(_ text: String) -> String {
        guard text.unicodeScalars.contains("\u{1B}") else { return text }
        var out = String.UnicodeScalarView()
        var scalars = Array(text.unicodeScalars)[...]
        while let c = scalars.popFirst() {
            guard c == "\u{1B}" else { out.append(c); continue }
            guard let next = scalars.popFirst() else { break }
            if next == "[" {
                while let s = scalars.popFirst(), !(0x40...0x7E).contains(s.value) {}
            }
        }
        return String(out)
    }

    /// The text of an HTML fragment: tags removed, common entities decoded.
    static func text(_ html: String) -> String {
        var out = ""
        var inTag = false
        for c in html {
            if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag { out.append(c) }
        }
        return out.replacingAll("&lt;", with: "<").replacingAll("&gt;", with: ">")
            .replacingAll("&quot;", with: "\"").replacingAll("&#39;", with: "'").replacingAll("&amp;", with: "&")
    }

    /// Removes `<script>…</script>` elements from a trusted fragment: reports are
    /// static documents and never run code from outputs.
    static func removeScripts(_ html: String) -> String {
        var result = ""
        var rest = html[...]
        while let open = rest.range(of: "<script", options: .caseInsensitive) {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "</script>", options: .caseInsensitive) else {
                return result
            }
            rest = rest[close.upperBound...]
        }
        return result + rest
    }
}
