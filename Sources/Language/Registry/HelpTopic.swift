import Display
import JSON

/// The help of one builtin, model, function or operation, in a form that renders to
/// text (terminal, `text/plain`), HTML (Jupyter, Shift-Tab) and Markdown (the reference).
public struct HelpTopic: Sendable, Equatable {
    /// One row of a parameter table.
    public struct Row: Sendable, Equatable {
        public var name: String
        public var meaning: String
        public var type: String
        public var defaultText: String
        public var allowed: String
    }

    /// A titled block of parameters (e.g. an operation of a model).
    public struct Section: Sendable, Equatable {
        public var title: String
        public var summary: String
        public var rows: [Row]
    }

    /// The call signature, `ridge(alpha=1, beta=1, ...)`.
    public var signature: String
    /// One line: what it is or does.
    public var summary: String
    /// The parameters.
    public var rows: [Row]
    /// Further blocks (operations of a model, per-family parameters of an operation).
    public var sections: [Section]
    /// Longer prose.
    public var doc: String
    /// Paper(s) and equation(s), or "".
    public var reference: String

    // MARK: - Rendering

    /// Plain text: signature, summary, parameter table, sections, reference, doc.
    public var plain: String {
        var out = [signature, "", summary]
        if !rows.isEmpty { out += ["", "Parameters:"] + Self.textTable(rows) }
        for section in sections {
            out += ["", section.title + (section.summary.isEmpty ? "" : " — " + section.summary)]
            out += section.rows.isEmpty ? ["  (no parameters)"] : Self.textTable(section.rows)
        }
        if !reference.isEmpty { out += ["", "Reference: " + reference] }
        if !doc.isEmpty { out += ["", doc] }
        return out.joined(separator: "\n")
    }

    private static func textTable(_ rows: [Row]) -> [String] {
        let header = Row(name: "name", meaning: "meaning", type: "type", defaultText: "default", allowed: "allowed")
        let all = [header] + rows
        let w0 = all.map(\.name.count).max() ?? 0
        let w1 = all.map(\.type.count).max() ?? 0
        let w2 = all.map(\.defaultText.count).max() ?? 0
        let w3 = all.map(\.allowed.count).max() ?? 0
        func pad(_ s: String, _ w: Int) -> String { s + String(repeating: " ", count: max(0, w - s.count)) }
        return all.map { r in
            "  " + [pad(r.name, w0), pad(r.type, w1), pad(r.defaultText, w2), pad(r.allowed, w3), r.meaning]
                .joined(separator: "  ")
        }
    }

    /// HTML for Jupyter: signature in code, parameter tables, reference.
    public var html: String {
        var out = "<div class=\"solvable-help\"><p><code>\(signature.htmlEscaped)</code></p><p>\(summary.htmlEscaped)</p>"
        if !rows.isEmpty { out += Self.htmlTable(rows) }
        for section in sections {
            out += "<p><b>\(section.title.htmlEscaped)</b>\(section.summary.isEmpty ? "" : " — " + section.summary.htmlEscaped)</p>"
            out += Self.htmlTable(section.rows)
        }
        if !reference.isEmpty { out += "<p><i>Reference:</i> \(reference.htmlEscaped)</p>" }
        if !doc.isEmpty { out += "<pre>\(doc.htmlEscaped)</pre>" }
        return out + "</div>"
    }

    /// Text cells carry an inline left alignment: JupyterLab's stylesheet right-aligns
    /// every `td`/`th` of rendered HTML, and front ends drop a table's own stylesheet.
    static let leftCell = " style=\"text-align: left;\""

    private static func htmlTable(_ rows: [Row]) -> String {
        let (th, td) = ("<th\(leftCell)>", "<td\(leftCell)>")
        var out = "<table><thead><tr>" + ["name", "type", "default", "allowed", "meaning"].map { th + $0 + "</th>" }.joined()
            + "</tr></thead><tbody>"
        for r in rows {
            out += "<tr>\(td)<code>\(r.name.htmlEscaped)</code></td>\(td)\(r.type.htmlEscaped)</td>"
                + "\(td)\(r.defaultText.htmlEscaped)</td>\(td)\(r.allowed.htmlEscaped)</td>\(td)\(r.meaning.htmlEscaped)</td></tr>"
        }
        return out + "</tbody></table>"
    }

    /// Markdown for the generated reference.
    public var markdown: String {
        var out = ["`\(signature)`", "", summary]
        if !rows.isEmpty { out += [""] + Self.markdownTable(rows) }
        for section in sections {
            out += ["", "**\(section.title)**" + (section.summary.isEmpty ? "" : " — " + section.summary), ""]
            out += section.rows.isEmpty ? ["(no parameters)"] : Self.markdownTable(section.rows)
        }
        if !reference.isEmpty { out += ["", "*Reference:* " + reference] }
        if !doc.isEmpty { out += ["", doc] }
        return out.joined(separator: "\n")
    }

    private static func markdownTable(_ rows: [Row]) -> [String] {
        func cell(_ s: String) -> String { s.isEmpty ? "" : s.replacingAll("|", with: "\\|") }
        return ["| name | type | default | allowed | meaning |", "|---|---|---|---|---|"]
            + rows.map { "| `\($0.name)` | \(cell($0.type)) | \(cell($0.defaultText)) | \(cell($0.allowed)) | \(cell($0.meaning)) |" }
    }

    /// text/plain and text/html.
    public var bundle: MIMEBundle {
        MIMEBundle(plain: plain, [MIMEType.html: .string(html)])
    }

    /// IPython's pager payload for `?name`.
    public var pagerPayload: JSONValue {
        ["source": "page", "data": ["text/plain": .string(plain), "text/html": .string(html)], "start": 0]
    }
}
