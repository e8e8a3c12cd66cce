import Display
import JSON
import Models
import NumericCore

// MARK: - Text and MIME bundles

extension Value {
    /// The value as `print` writes it: strings raw, everything else as `text/plain`.
    var printed: String {
        if case .string(let s) = self { return s }
        return plain
    }

    /// The `text/plain` form.
    var plain: String {
        switch self {
        case .number(let x): return NumberText.plain(x)
        case .string(let s): return quoted(s)
        case .bool(let b): return b ? "true" : "false"
        case .none: return "none"
        case .list: return Value.listText(self)
        case .vector(let v): return Value.vectorText(v)
        case .mask(let m): return Value.elidedText(m.map { $0 ? "true" : "false" })
        case .table(let t): return TableDisplay.plain(t)
        case .record(let fields): return TableDisplay.plain(Value.recordTable(fields))
        case .model(let m): return Value.modelText(m)
        case .schedule(let s): return s.description
        case .plot(let p): return p.summary
        case .fit(let f): return FitDisplay.plain(f)
        case .scalingFit(let f): return ScalingFitDisplay.plain(f)
        case .claim(let c): return ClaimDisplay.plain(c)
        case .function(let name): return "<function \(name)>"
        case .closure(let f): return "<function \(f.signature)>"
        }
    }

    /// The rich display of the value; `nil` for `none`.
    func bundle(registry: Registry) -> MIMEBundle? {
        switch self {
        case .none: return nil
        case .table(let t): return TableDisplay.bundle(t)
        case .record(let fields): return TableDisplay.bundle(Value.recordTable(fields))
        case .plot(let p): return p.bundle
        case .fit(let f): return FitDisplay.bundle(f)
        case .scalingFit(let f): return ScalingFitDisplay.bundle(f)
        case .claim(let c): return ClaimDisplay.bundle(c)
        case .model(let m):
            return MIMEBundle(plain: plain, [MIMEType.html: .string(Value.modelHTML(m))])
        case .function(let name): return registry.help(for: name)?.bundle ?? MIMEBundle(plain: plain)
        case .closure(let f): return f.helpTopic.bundle
        default: return MIMEBundle(plain: plain)
        }
    }

    private func quoted(_ s: String) -> String {
        "\"" + s.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"").replacingAll("\n", with: "\\n") + "\""
    }

    /// A vector as `[1, 2, 3]`, eliding the middle of long ones.
    static func vectorText(_ v: [Double]) -> String {
        if v.count <= 20 { return "[" + v.map(NumberText.plain).joined(separator: ", ") + "]" }
        return elidedText(v.prefix(8).map(NumberText.plain) + v.suffix(3).map(NumberText.plain), count: v.count)
    }

    /// Elements as `[a, b, c]`, or for more than 20 (`count`), the first 8, `…` and the last 3.
    static func elidedText(_ items: [String], count: Int? = nil) -> String {
        let count = count ?? items.count
        if count <= 20 { return "[" + items.joined(separator: ", ") + "]" }
        let shown = items.count == count ? Array(items.prefix(8) + items.suffix(3)) : items
        return "[\(shown.prefix(8).joined(separator: ", ")), …, \(shown.suffix(3).joined(separator: ", "))] (\(count) values)"
    }

    /// The most characters the text of one list shows; longer lists end in "…" and
    /// their length. Lists can share their items (`a = [a, a]` sixty times holds 2⁶⁰
    /// leaves), so the text is cut off as it is written, not after.
    static let maximumListText = 2_000

    /// A list as `[1, "a", [2, 3]]`, cut off after `maximumListText` characters.
    static func listText(_ value: Value) -> String {
        var out = ""
        writeList(value, into: &out)
        if out.utf8.count > maximumListText, case .list(let items) = value {
            out = String(out.prefix(maximumListText)) + " …] (\(items.count) items)"
        }
        return out
    }

    private static func writeList(_ value: Value, into out: inout String) {
        guard case .list(let items) = value else {
            out += value.plain
            return
        }
        out += "["
        for (i, item) in items.enumerated() {
            if out.utf8.count > maximumListText { return }
            if i > 0 { out += ", " }
            writeList(item, into: &out)
        }
        out += "]"
    }

    /// A record as a one-row table.
    static func recordTable(_ fields: [Field]) -> Table {
        Table(columns: fields.map { field in
            switch field.value {
            case .number(let x): return Table.Column(field.name, [x])
            default: return Table.Column(field.name, strings: [field.value.printed])
            }
        })
    }

    /// `ridge(alpha=1.5, beta=1.2, ...)`.
    static func modelText(_ m: ModelInstance) -> String {
        let arguments = m.family.parameters.map { spec in
            "\(spec.name)=\(m.parameters[spec.name].map(parameterText) ?? "?")"
        }
        return "\(m.family.name)(\(arguments.joined(separator: ", ")))"
    }

    /// A parameter value as it would be written in a call.
    static func parameterText(_ value: ParameterValue) -> String {
        switch value {
        case .number(let x): return NumberText.plain(x)
        case .string(let s): return "\"\(s)\""
        case .vector(let v): return vectorText(v)
        case .table(let t): return "<table of \(t.rowCount) rows>"
        case .schedule(let s): return s.description
        }
    }
}

extension String {
    /// Every occurrence of `target` replaced by `replacement` (no Foundation needed).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        return components(separatedByString: target).joined(separator: replacement)
    }

    /// Splits at every occurrence of `separator`.
    func components(separatedByString separator: String) -> [String] {
        var parts: [String] = []
        var rest = Substring(self)
        while let range = rest.range(of: separator) {
            parts.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }

    /// The string with HTML's special characters escaped (Display's `Markup`).
    var htmlEscaped: String { Markup.escape(self) }
}

extension Value {
    /// A model's parameters as an HTML table.
    static func modelHTML(_ m: ModelInstance) -> String {
        var out = "<div class=\"solvable-model\"><p><code>\(m.family.name)</code> — \(m.family.summary.htmlEscaped)</p>"
            + "<table><thead><tr><th>parameter</th><th>value</th><th>meaning</th></tr></thead><tbody>"
        for spec in m.family.parameters {
            let value = m.parameters[spec.name].map(parameterText) ?? ""
            out += "<tr><td><code>\(spec.name.htmlEscaped)</code></td><td>\(value.htmlEscaped)</td><td>\(spec.meaning.htmlEscaped)</td></tr>"
        }
        return out + "</tbody></table></div>"
    }
}
