import Numerics

extension Plot {
    /// A plot of `y` against `x` from one or more tables: theory tables as lines,
    /// simulation tables as markers with `y_se` error bars, and a table swept over a
    /// second parameter split into one series per value of it (with a legend).
    /// - Parameters:
    ///   - x: the x column; `nil` picks the first column.
    ///   - y: the y column; `nil` picks the second column.
    /// - Throws: `PlotError` naming a missing column and listing the ones there are.
    public init(tables: [Table], x: String?, y: String?, scale: Scale = .linear, title: String? = nil,
                xlabel: String? = nil, ylabel: String? = nil) throws(PlotError) {
        // Placeholder until the Display target lands: one series per table.
        var series: [Series] = []
        for table in tables {
            guard let xs = table.numbers(x ?? table.columnNames.first ?? ""),
                  let ys = table.numbers(y ?? (table.columnNames.dropFirst().first ?? "")) else {
                throw PlotError(parameter: "x", message: "missing column")
            }
            series.append(Series(label: table.caption ?? "", xs: xs, ys: ys,
                                 style: table.role == .theory ? .line : .markers))
        }
        self.init(series: series, scale: scale, title: title, xlabel: xlabel ?? x, ylabel: ylabel ?? y)
    }
}
