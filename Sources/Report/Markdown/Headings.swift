import Foundation

/// Unique anchors for the headings of one page, and the table of contents they make.
/// Slugs follow GitHub's rule (lower case, letters/digits/`-`/`_` kept, spaces to `-`);
/// a repeated slug gets `-1`, `-2`, … so every anchor on the page is distinct.
final class Headings {
    /// One table-of-contents entry.
    struct Entry {
        /// 1 to 6.
        var level: Int
        /// The anchor (`id`) given to the heading.
        var anchor: String
        /// The heading as HTML (math placeholders already restored).
        var html: String
    }

    private(set) var entries: [Entry] = []
    private var used: Set<String> = []

    /// Adds `id="…"` to every `<hN>` in `html` and records it in the contents.
    func anchor(_ html: String) -> String {
        var result = ""
        var rest = html[...]
        while let open = nextHeading(in: rest) {
            let (range, level) = open
            let closeTag = "</h\(level)>"
            guard let close = rest[range.upperBound...].range(of: closeTag) else { break }
            let inner = String(rest[range.upperBound..<close.lowerBound])
            let anchor = unique(slug(HTML.text(inner)))
            entries.append(Entry(level: level, anchor: anchor, html: inner))
            result += rest[..<range.lowerBound]
            result += "<h\(level) id=\"\(anchor)\">" + inner + "<a class=\"anchor\" href=\"#\(anchor)\" aria-hidden=\"true\">#</a>" + closeTag
            rest = rest[close.upperBound...]
        }
        return result + rest
    }

    /// Reserves an id used elsewhere on the page (e.g. `claims`) so headings avoid it.
    func reserve(_ id: String) { used.insert(id) }

    private func nextHeading(in text: Substring) -> (Range<Substring.Index>, Int)? {
        var best: (Range<Substring.Index>, Int)?
        for level in 1...6 {
            if let range = text.range(of: "<h\(level)>"), best == nil || range.lowerBound < best!.0.lowerBound {
                best = (range, level)
            }
        }
        return best
    }

    private func slug(_ text: String) -> String {
        var out = ""
        for c in text.lowercased() {
            if c.isLetter || c.isNumber || c == "-" || c == "_" { out.append(c) } else if c == " " { out.append("-") }
        }
        return out.isEmpty ? "section" : out
    }

    private func unique(_ base: String) -> String {
        var candidate = base
        var n = 0
        while used.contains(candidate) {
            n += 1
            candidate = "\(base)-\(n)"
        }
        used.insert(candidate)
        return candidate
    }
}
