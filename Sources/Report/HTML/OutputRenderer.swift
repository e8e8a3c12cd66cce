import Display
import JSON
import Notebook

/// One nbformat output as an HTML fragment. Trusted rich types are embedded as they
/// are (inline SVG, HTML tables — with any `<script>` removed), images become `data:`
/// URIs, and everything else (plain text, streams, errors, JSON) is HTML-escaped with
/// ANSI colour codes stripped. Claim records render as a pass/fail badge; progress
/// bars are left out.
struct OutputRenderer {
    /// The rendered output and whether it is a figure (gets the cell's caption).
    struct Rendered {
        var html: String
        var isFigure: Bool
        var kind: String
        /// The plotted data, for a plot whose display carries it.
        var plotData: PlotData? = nil
    }

    let markdown: MarkdownRenderer
    let headings: Headings

    /// Renders `output`; `nil` for an output with nothing showable.
    func render(_ output: JSONValue) -> Rendered? {
        switch output["output_type"]?.stringValue {
        case "stream":
            let name = output["name"]?.stringValue == "stderr" ? "stderr" : "stdout"
            let text = HTML.escape(HTML.stripANSI(output["text"]?.multilineText ?? ""))
            return Rendered(html: "<pre class=\"stream \(name)\">\(text)</pre>", isFigure: false, kind: "stream")
        case "error":
            let lines = output["traceback"]?.arrayValue?.compactMap(\.stringValue) ?? []
            let header = (output["ename"]?.stringValue ?? "") + ": " + (output["evalue"]?.stringValue ?? "")
            let body = lines.isEmpty ? header : lines.joined(separator: "\n")
            return Rendered(html: "<pre class=\"error\">\(HTML.escape(HTML.stripANSI(body)))</pre>", isFigure: false, kind: "error")
        case "display_data", "execute_result":
            guard let data = output["data"]?.objectValue else { return nil }
            return renderBundle(data)
        default:
            return nil
        }
    }

    private func renderBundle(_ data: [String: JSONValue]) -> Rendered? {
        // Progress bars are saved in their final state (as JupyterLab saves them) but are
        // not results: a report leaves out any display whose HTML is a <progress> bar.
        if let html = data["text/html"]?.multilineText, html.contains("<progress") { return nil }
        if let record = data[Claim.mimeType], let claim = Claim(record: record, cellIndex: 0) {
            return Rendered(html: Self.claimBadge(claim), isFigure: false, kind: "claim")
        }
        if let frames = data[ExploreFrames.mimeType], let figure = InteractiveFigure.html(frames) {
            return Rendered(html: figure, isFigure: true, kind: "interactive", plotData: PlotData(data[Plot.dataMIMEType]))
        }
        if let svg = data["image/svg+xml"]?.multilineText {
            // An explore without frames shows its view and why it is not interactive.
            let failed = data[ExploreFrames.mimeType]?["error"]?.stringValue.map {
                "<p class=\"explore-note\">Not interactive: \(HTML.escape($0))</p>"
            } ?? ""
            return Rendered(html: HTML.removeScripts(svg) + failed, isFigure: true, kind: "svg",
                            plotData: PlotData(data[Plot.dataMIMEType]))
        }
        if let html = data["text/html"]?.multilineText {
            return Rendered(html: "<div class=\"html-output\">\(HTML.removeScripts(html))</div>", isFigure: true, kind: "html")
        }
        for mime in ["image/png", "image/jpeg", "image/gif"] {
            if let payload = data[mime]?.multilineText {
                let uri = "data:\(mime);base64," + payload.filter { !$0.isWhitespace }
                return Rendered(html: "<img src=\"\(uri)\" alt=\"\">", isFigure: true, kind: "image")
            }
        }
        if let text = data["text/markdown"]?.multilineText {
            return Rendered(html: markdown.render(text, headings: headings), isFigure: false, kind: "markdown")
        }
        if let latex = data["text/latex"]?.multilineText {
            return Rendered(html: "<div class=\"latex\">\(HTML.escape(latex))</div>", isFigure: false, kind: "latex")
        }
        if let plain = data["text/plain"]?.multilineText {
            return Rendered(html: "<pre class=\"plain\">\(HTML.escape(HTML.stripANSI(plain)))</pre>", isFigure: false, kind: "plain")
        }
        if let json = data["application/json"] {
            return Rendered(html: "<pre class=\"json\">\(HTML.escape(JSONWriter.string(json, style: .notebook)))</pre>",
                            isFigure: false, kind: "json")
        }
        return nil
    }

    /// A claim as an inline badge: ✓/✗, the statement, measured vs expected ± tolerance.
    static func claimBadge(_ claim: Claim) -> String {
        let mark = claim.passed ? "PASS" : "FAIL"
        let numbers = "measured \(HTML.number(claim.measured)), expected \(HTML.number(claim.expected)) ± \(HTML.number(claim.tolerance))"
        return "<div class=\"claim \(claim.passed ? "pass" : "fail")\"><span class=\"verdict\">\(mark)</span> "
            + "\(HTML.escape(claim.text)) <span class=\"numbers\">(\(HTML.escape(numbers)))</span>"
            + (claim.evidence.map { " <span class=\"evidence\">[\($0.rawValue)]</span>" } ?? "") + "</div>"
    }
}
