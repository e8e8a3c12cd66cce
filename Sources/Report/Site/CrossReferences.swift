/// The numbered figures of one page and the `@fig-name` references to them.
///
/// Figures are numbered in page order (every plot or image output is one); a figure
/// whose cell has a label (see `FigureCaption`) gets that label as its anchor, the
/// others `figure-N`. Markdown written before the figure it names is resolved too,
/// since references are filled in after the whole page is built.
struct CrossReferences {
    /// Label → figure number.
    private(set) var numbers: [String: Int] = [:]
    /// How many figures so far.
    private(set) var count = 0
    /// References to labels no figure has, in the order met.
    private(set) var missing: [String] = []

    /// Numbers the next figure; returns its number and anchor.
    mutating func addFigure(label: String?) -> (number: Int, anchor: String) {
        count += 1
        if let label, numbers[label] == nil {
            numbers[label] = count
            return (count, label)
        }
        return (count, "figure-\(count)")
    }

    /// `html` with every `@fig-name` outside `<code>` and `<pre>` replaced by a link
    /// "Figure n" (or, for an unknown label, a visible `?@fig-name` marked `missing`).
    mutating func resolve(_ html: String) -> String {
        guard html.contains("@fig-") else { return html }
        var out = ""
        var rest = html[...]
        while let at = rest.firstIndex(of: "@") {
            let before = rest[..<at]
            out += before
            rest = rest[at...]
            if Self.insideCode(out) || !(out.last.map { !$0.isLetter && !$0.isNumber } ?? true) {
                out.append("@")
                rest = rest.dropFirst()
                continue
            }
            let name = rest.dropFirst().prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
            let label = String(name.hasSuffix("-") ? name.dropLast() : name)
            guard label.hasPrefix("fig-"), label.count > 4 else {
                out.append("@")
                rest = rest.dropFirst()
                continue
            }
            if let number = numbers[label] {
                out += "<a class=\"xref\" href=\"#\(label)\">Figure \(number)</a>"
            } else {
                missing.append(label)
                out += "<span class=\"xref missing\">?@\(label)</span>"
            }
            rest = rest.dropFirst(1 + label.count)
        }
        return out + rest
    }

    /// Whether the HTML written so far leaves us inside a `<code>` or `<pre>` element.
    private static func insideCode(_ html: String) -> Bool {
        for tag in ["code", "pre"] {
            let open = html.ranges(of: "<\(tag)").count
            let close = html.ranges(of: "</\(tag)>").count
            if open > close { return true }
        }
        return false
    }
}
