import NumericCore

extension TableDisplay {
    /// Aligned columns for a terminal, laid out as pandas prints a `DataFrame`: an
    /// optional caption line, a header, a row index, numbers right-aligned and strings
    /// left-aligned, and for tables longer than `maxPlainRows` the first and last
    /// `edgeRows` rows around a `...` row, followed by `[N rows x M columns]`.
    /// A table without rows names its columns instead.
    public static func plain(_ table: Table) -> String {
        let rowCount = table.rowCount
        let truncated = isTruncated(table)
        let shownRows = shownRows(table)

        // Column 0 is the row index; then one column per table column.
        var columns: [(header: String, cells: [String], rightAligned: Bool)] = [
            ("", shownRows.map { $0.map(String.init) ?? "..." }, false),
        ]
        for column in table.columns {
            let cells = shownRows.map { row in row.map { cellText(column, $0) } ?? "..." }
            columns.append((column.name, cells, isNumeric(column)))
        }
        let widths = columns.map { column in
            column.cells.reduce(column.header.count) { max($0, $1.count) }
        }

        func line(_ texts: [String]) -> String {
            var parts: [String] = []
            for (i, text) in texts.enumerated() {
                let pad = String(repeating: " ", count: widths[i] - text.count)
                parts.append(columns[i].rightAligned ? pad + text : text + pad)
            }
            var joined = parts.joined(separator: "  ")
            while joined.hasSuffix(" ") { joined.removeLast() }
            return joined
        }

        var lines: [String] = []
        if let caption = table.caption, !caption.isEmpty { lines.append(caption) }
        if table.columns.isEmpty {
            lines.append("Empty table (no columns)")
            return lines.joined(separator: "\n")
        }
        if rowCount == 0 {
            lines.append("Empty table (no rows)")
            lines.append("Columns: " + table.columnNames.joined(separator: ", "))
            return lines.joined(separator: "\n")
        }
        lines.append(line(columns.map(\.header)))
        for index in shownRows.indices {
            lines.append(line(columns.map { $0.cells[index] }))
        }
        if truncated {
            lines.append("")
            lines.append("[\(rowCount) rows x \(table.columns.count) columns]")
        }
        return lines.joined(separator: "\n")
    }
}
