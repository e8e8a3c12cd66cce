import Foundation
import Notebook

/// A code cell's figure caption and cross-reference label, and its source as a
/// report shows it.
///
/// Syntax (documented in README and docs/REFERENCE.md, "Reports"):
/// - cell metadata `caption` and `label`, or
/// - leading comment lines of the cell, hidden from the code the report shows:
///   `# caption: text`, or Quarto's cell options `#| fig-cap: text` and
///   `#| label: fig-name`.
/// Metadata wins over comments. Markdown refers to a labelled figure as `@fig-name`
/// (rendered as a link "Figure n").
struct FigureCaption: Equatable {
    /// The caption text, if any.
    var caption: String?
    /// The label (`fig-curve`), if any.
    var label: String?
    /// The source without the leading caption/option lines.
    var source: String

    /// Reads the caption and label of `cell`.
    init(cell: Cell) {
        var caption: String?
        var label: String?
        var lines = cell.source.split(separator: "\n", omittingEmptySubsequences: false)[...]
        while let first = lines.first {
            let line = first.drop { $0 == " " }
            if line.lowercased().hasPrefix("# caption:") {
                caption = Self.value(line.dropFirst("# caption:".count))
            } else if line.hasPrefix("#|") {
                let option = line.dropFirst(2)
                guard let colon = option.firstIndex(of: ":") else { break }
                let key = option[..<colon].trimmingCharacters(in: .whitespaces)
                let value = Self.value(option[option.index(after: colon)...])
                if key == "fig-cap" { caption = value } else if key == "label" { label = value }
            } else {
                break
            }
            lines.removeFirst()
        }
        self.caption = cell.metadata["caption"]?.stringValue ?? caption
        self.label = cell.metadata["label"]?.stringValue ?? label
        source = lines.joined(separator: "\n")
    }

    /// An option value without surrounding spaces or quotes.
    private static func value(_ text: Substring) -> String {
        var value = text.trimmingCharacters(in: .whitespaces)
        if value.count >= 2, let q = value.first, q == "\"" || q == "'", value.last == q {
            value = String(value.dropFirst().dropLast())
        }
        return value
    }
}
