import JSON
import Numerics

/// Renders a `Table` for front ends: aligned `text/plain`, `text/html` with a caption
/// and right-aligned numbers, and `application/vnd.dataresource+json` (Frictionless
/// Table Schema with the exact numbers, as pandas emits it).
///
/// CONTRACT (the language builds against these signatures).
public enum TableDisplay {
    /// All three representations.
    public static func bundle(_ table: Table) -> MIMEBundle {
        MIMEBundle(plain: plain(table), [MIMEType.html: .string(html(table)), MIMEType.dataResource: dataResource(table)])
    }

    /// Aligned columns for a terminal.
    public static func plain(_ table: Table) -> String {
        table.columnNames.joined(separator: "  ")
    }

    /// An HTML `<table>` with a caption.
    public static func html(_ table: Table) -> String {
        "<table></table>"
    }

    /// The Frictionless data resource: `{"schema": {"fields": [...]}, "data": [...]}`.
    public static func dataResource(_ table: Table) -> JSONValue {
        ["schema": ["fields": []], "data": []]
    }
}
