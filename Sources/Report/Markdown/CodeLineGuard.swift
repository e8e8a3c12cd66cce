/// Keeps a paragraph whole when one of its lines begins with inline code.
///
/// Ink ends a paragraph at any line that starts with a backtick, taking it for the
/// start of a code block, so "…(see the\n`icl-task-alignment` report)" came out as two
/// paragraphs. CommonMark only opens a fence with three or more backticks; for every
/// other line that starts (after up to three spaces) with a backtick, outside fenced
/// code, a letters-only marker is put in front before Ink runs and removed from its
/// HTML afterwards, so Ink sees an ordinary text line.
enum CodeLineGuard {
    /// The marker: letters only, so Ink passes it through as text.
    static let marker = "SOLVABLECODELINE"

    /// `markdown` with the marker before each line that starts with inline code.
    static func protect(_ markdown: String) -> String {
        var inFence = false
        var lines: [String] = []
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let indent = line.prefix { $0 == " " }
            let rest = line.dropFirst(indent.count)
            if indent.count <= 3, rest.hasPrefix("```") || rest.hasPrefix("~~~") {
                inFence.toggle()
            } else if !inFence, indent.count <= 3, rest.hasPrefix("`") {
                lines.append(String(indent) + marker + rest)
                continue
            }
            lines.append(String(line))
        }
        return lines.joined(separator: "\n")
    }

    /// Ink's HTML with the markers taken out again.
    static func restore(_ html: String) -> String { html.replacingAll(marker, with: "") }
}
