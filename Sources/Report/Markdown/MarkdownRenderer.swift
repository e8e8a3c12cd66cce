import Foundation
import Ink
import JSON

/// Markdown cells to HTML with Ink, with math protected for KaTeX, cell attachments
/// inlined as `data:` URIs and headings given unique anchors.
struct MarkdownRenderer {
    private let parser = MarkdownParser()

    /// Renders one Markdown text; `attachments` is the cell's `attachments` object.
    func render(_ markdown: String, attachments: [String: JSONValue] = [:], headings: Headings) -> String {
        var math = MathSpans()
        var text = math.protect(markdown)
        for (name, bundle) in attachments {
            guard let (mime, data) = bundle.objectValue?.first(where: { $0.key.hasPrefix("image/") }),
                  let payload = data.multilineText else { continue }
            let uri = mime == "image/svg+xml"
                ? "data:image/svg+xml;base64," + Data(payload.utf8).base64EncodedString()
                : "data:\(mime);base64," + payload.filter { !$0.isWhitespace }
            text = text.replacingAll("attachment:" + name, with: uri)
        }
        let html = math.restore(parser.html(from: text))
        return headings.anchor(html)
    }
}
