import Ink
import JSON

/// Markdown cells to HTML with Ink, with math protected for KaTeX, cell attachments
/// inlined as `data:` URIs and headings given unique anchors.
struct MarkdownRenderer {
    private let parser = MarkdownParser()

    /// Renders one Markdown text; `attachments` is the cell's `attachments` object.
    func render(_ markdown: String, attachments: [String: JSONValue] = [:], headings: Headings) -> String {
        var math = MathSpans()
        var text = math.protect(CodeLineGuard.protect(markdown))
        for (name, bundle) in attachments {
            guard let (mime, data) = bundle.objectValue?.first(where: { $0.key.hasPrefix("image/") }),
                  let payload = data.multilineText else { continue }
            let uri = mime == "image/svg+xml"
                ? "data:image/svg+xml;base64," + Base64.encode(Array(payload.utf8))
                : "data:\(mime);base64," + payload.filter { !$0.isWhitespace }
            text = text.replacingAll("attachment:" + name, with: uri)
        }
        let html = math.restore(CodeLineGuard.restore(parser.html(from: text)))
        return headings.anchor(html)
    }
}

/// Standard Base64 (RFC 4648) for inlining attachments.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")

    /// Encodes bytes with padding.
    static func encode(_ bytes: [UInt8]) -> String {
        var out = ""
        var i = 0
        while i < bytes.count {
            let b0 = Int(bytes[i]), b1 = i + 1 < bytes.count ? Int(bytes[i + 1]) : 0, b2 = i + 2 < bytes.count ? Int(bytes[i + 2]) : 0
            out.append(alphabet[b0 >> 2])
            out.append(alphabet[((b0 & 3) << 4) | (b1 >> 4)])
            out.append(i + 1 < bytes.count ? alphabet[((b1 & 15) << 2) | (b2 >> 6)] : "=")
            out.append(i + 2 < bytes.count ? alphabet[b2 & 63] : "=")
            i += 3
        }
        return out
    }
}
