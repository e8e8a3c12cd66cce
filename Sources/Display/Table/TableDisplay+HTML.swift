import NumericCore

extension TableDisplay {
    /// An HTML `<table>`: a `<caption>` if the table has one, a
    /// `<thead>` of column names, a row-index `<th>` per row, numbers right-aligned
    /// with tabular figures (class `num` plus an inline style, since notebook front
    /// ends drop unknown stylesheets) and all text HTML-escaped. A table longer than
    /// `maxPlainRows` shows its first and last `edgeRows` rows around a `…` row and is
    /// followed by `<p>N rows × M columns</p>`, as pandas' `_repr_html_` does, so the
    /// display stays small however long the table.
    public static func html(_ table: Table) -> String {
        let numberStyle = " class=\"num\" style=\"text-align: right; font-variant-numeric: tabular-nums;\""
        let textStyle = " style=\"text-align: left;\""
        var out = "<table class=\"solvable-table\">\n"
        if let caption = table.caption, !caption.isEmpty {
            out += "<caption>\(Markup.escape(caption))</caption>\n"
        }
        out += "<thead>\n<tr><th></th>"
        for column in table.columns {
            out += "<th\(isNumeric(column) ? numberStyle : textStyle)>\(Markup.escape(column.name))</th>"
        }
        out += "</tr>\n</thead>\n<tbody>\n"
        for row in shownRows(table) {
            guard let row else {
                out += "<tr><th>…</th>" + String(repeating: "<td>…</td>", count: table.columns.count) + "</tr>\n"
                continue
            }
            out += "<tr><th>\(row)</th>"
            for column in table.columns {
                out += "<td\(isNumeric(column) ? numberStyle : textStyle)>\(Markup.escape(cellText(column, row)))</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>"
        if isTruncated(table) { out += "\n<p>\(table.rowCount) rows × \(table.columns.count) columns</p>" }
        return out
    }
}
