import JSON
import NumericCore

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

    /// Tables longer than this show only their first and last `edgeRows` rows in
    /// `text/plain` and `text/html`, and their first `maxPlainRows` rows in the data
    /// resource, as pandas does with `display.max_rows = 60`: a display's size and
    /// the time to make it do not grow with the table.
    public static let maxPlainRows = 60
    /// Rows shown at each end of a truncated `text/plain` or `text/html` table.
    public static let edgeRows = 5

    /// Whether a display of `table` leaves rows out.
    static func isTruncated(_ table: Table) -> Bool { table.rowCount > maxPlainRows }

    /// The rows a text or HTML display shows, `nil` standing for the elided middle.
    static func shownRows(_ table: Table) -> [Int?] {
        let rowCount = table.rowCount
        return isTruncated(table)
            ? Array(0..<edgeRows) + [nil] + Array((rowCount - edgeRows)..<rowCount)
            : Array(0..<rowCount)
    }

    /// The text of the cell in `column` at `row`: numbers as `NumberFormat.cell`,
    /// strings as they are.
    static func cellText(_ column: Table.Column, _ row: Int) -> String {
        column.text(at: row, describe: NumberFormat.cell)
    }

    /// Whether a column is numeric (numbers are right-aligned, strings left-aligned).
    static func isNumeric(_ column: Table.Column) -> Bool { column.numbers != nil }
}
