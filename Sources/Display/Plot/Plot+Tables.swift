import NumericCore

extension Plot {
    /// A plot of `y` against `x` from one or more tables: theory tables as lines,
    /// simulation tables as markers with `y_se` error bars, and a table swept over a
    /// second parameter split into one series per value of it (with a legend; see
    /// `SweepGrouping` for the exact rule).
    ///
    /// Series labels: `name=value` for the groups of a swept table, otherwise the
    /// table's caption, otherwise `series N` (N counting from 1 over the tables) when
    /// there are several tables, otherwise none (a single uncaptioned series has no legend).
    /// On log axes, points that are not positive are left out when drawn; it is an
    /// error only if nothing would remain.
    /// - Parameters:
    ///   - x: the x column; `nil` picks the first column.
    ///   - y: the y column; `nil` picks the second column.
    /// - Throws: `PlotError` for no tables, a missing or non-numeric column (naming the
    ///   columns there are), or nothing left to draw on the chosen axes.
    public init(tables: [Table], x: String?, y: String?, scale: Scale = .linear, title: String? = nil,
                xlabel: String? = nil, ylabel: String? = nil) throws(PlotError) {
        guard !tables.isEmpty else {
            throw .noTables
        }
        let many = tables.count > 1
        var series: [Series] = []
        var xName = x, yName = y
        for (index, table) in tables.enumerated() {
            let position = many ? " in table \(index + 1)" : ""
            let xColumn = try Self.column(x, default: 0, parameter: "x", in: table, context: position)
            let yColumn = try Self.column(y, default: 1, parameter: "y", in: table, context: position)
            xName = xName ?? xColumn.name
            yName = yName ?? yColumn.name
            series += Self.series(from: table, x: xColumn, y: yColumn, number: many ? index + 1 : nil)
        }
        try Self.checkDrawable(series, scale: scale)
        self.init(series: series, scale: scale, title: title, xlabel: xlabel ?? xName, ylabel: ylabel ?? yName)
    }

    /// The numeric column `name` (or the one at `default` when `name` is nil);
    /// `context` (" in table 2") goes into error messages.
    private static func column(_ name: String?, default position: Int, parameter: String, in table: Table,
                               context: String) throws(PlotError) -> (name: String, values: [Double]) {
        let names = table.columnNames
        guard let chosen = name ?? (position < names.count ? names[position] : nil) else {
            throw .noColumnAt(index: position, parameter: parameter, context: context, columns: names)
        }
        guard let column = table.column(chosen) else {
            throw .noColumn(chosen, parameter: parameter, context: context, columns: names)
        }
        guard let values = column.numbers else {
            throw .textColumn(chosen, parameter: parameter, context: context, columns: names)
        }
        return (chosen, values)
    }

    /// The series one table contributes: one, or one per group of a swept table.
    /// `number` is the table's position for a `series N` label, `nil` for a lone table.
    private static func series(from table: Table, x: (name: String, values: [Double]),
                               y: (name: String, values: [Double]), number: Int?) -> [Series] {
        let style: Series.Style = table.role == .theory ? .line : .markers
        let errors = style == .markers ? table.numbers(y.name + "_se") : nil
        let label = table.caption.flatMap { $0.isEmpty ? nil : $0 } ?? number.map { "series \($0)" } ?? ""
        guard let sweep = SweepGrouping.groups(in: table, x: x.name, y: y.name, xs: x.values) else {
            return [Series(label: label, xs: x.values, ys: y.values, errors: errors, style: style)]
        }
        return sweep.groups.map { group in
            Series(label: group.label, xs: group.rows.map { x.values[$0] }, ys: group.rows.map { y.values[$0] },
                   errors: errors.map { e in group.rows.map { e[$0] } }, style: style, group: group.label)
        }
    }

    /// Throws unless at least one point can be placed on the chosen axes.
    private static func checkDrawable(_ series: [Series], scale: Scale) throws(PlotError) {
        let points = series.reduce(0) { $0 + min($1.xs.count, $1.ys.count) }
        guard points > 0 else { throw .noRows }
        let drawable = series.contains { s in
            zip(s.xs, s.ys).contains { x, y in
                x.isFinite && y.isFinite && (!scale.logX || x > 0) && (!scale.logY || y > 0)
            }
        }
        guard drawable else {
            let axes = scale == .loglog ? "x and y" : scale.logX ? "x" : scale.logY ? "y" : ""
            throw axes.isEmpty ? .noFinitePoint : .noPointOnLogAxis(axes: axes, scale: scale.rawValue)
        }
    }
}
