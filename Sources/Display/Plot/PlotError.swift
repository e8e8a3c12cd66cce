/// Why a plot could not be made from the given tables, or a fit drawn over it; each
/// case with the argument at fault (`parameter`) and its one rendering (`message`). The
/// language reports it as an `ArgumentError` (`Diagnostic.plot(.spec)`) at that argument.
/// `context` is " in table 2" when several tables are plotted, else ""; `columns` are
/// the table's column names.
public enum PlotError: Error, Sendable, Equatable {
    /// `plot()` of no tables.
    case noTables
    /// No column at `index` (0-based) to use as `parameter` by default.
    case noColumnAt(index: Int, parameter: String, context: String, columns: [String])
    /// A named column the table lacks.
    case noColumn(String, parameter: String, context: String, columns: [String])
    /// A column of text where numbers are needed.
    case textColumn(String, parameter: String, context: String, columns: [String])
    /// Tables with no rows.
    case noRows
    /// No point with finite x and y.
    case noFinitePoint
    /// No point a log axis can place (`axes`: `x`, `y`, `x and y`; `scale`: its name).
    case noPointOnLogAxis(axes: String, scale: String)
    /// A fit drawn before (or without) the data that gives its x range.
    case fitWithoutData
    /// A scaling fit drawn against an x that is none of its inputs.
    case fitAxis(inputs: [String], x: String)
    /// A chinchilla fit drawn against `x` without any table holding its other input.
    case fitNeedsOther(x: String, other: String)
    /// A chinchilla fit whose other input takes more values than curves are drawn.
    case fitTooManyCurves(x: String, other: String, count: Int, limit: Int)

    /// The argument at fault (`x`, `y`, `scale`), if any.
    public var parameter: String? {
        switch self {
        case .noColumnAt(_, let parameter, _, _), .noColumn(_, let parameter, _, _), .textColumn(_, let parameter, _, _):
            return parameter
        case .noPointOnLogAxis: return "scale"
        case .fitAxis: return "x"
        case .noTables, .noRows, .noFinitePoint, .fitWithoutData, .fitNeedsOther, .fitTooManyCurves: return nil
        }
    }

    /// What is wrong, e.g. "no column 'Q' in table 1; columns are P, test, train".
    public var message: String {
        func listed(_ columns: [String]) -> String {
            columns.isEmpty ? "it has no columns" : "columns are " + columns.joined(separator: ", ")
        }
        switch self {
        case .noTables: return "nothing to plot: give at least one table"
        case .noColumnAt(let index, let parameter, let context, let columns):
            return "no column \(index + 1) to use as \(parameter)\(context); \(listed(columns))"
        case .noColumn(let name, _, let context, let columns): return "no column '\(name)'\(context); \(listed(columns))"
        case .textColumn(let name, _, let context, let columns):
            return "column '\(name)'\(context) holds text, not numbers; \(listed(columns))"
        case .noRows: return "nothing to plot: the tables have no rows"
        case .noFinitePoint: return "nothing to plot: no point has finite x and y"
        case .noPointOnLogAxis(let axes, let scale):
            return "nothing to plot on a log \(axes) axis: no point has positive, finite \(axes) (scale=\"\(scale)\")"
        case .fitWithoutData:
            return "a fit is drawn over its data: give the table it was fitted to before it, e.g. plot(runs, f, x=\"N\")"
        case .fitAxis(let inputs, let x):
            return "the fit is of \(inputs.joined(separator: ", ")); plot it against one of them, not x=\"\(x)\""
        case .fitNeedsOther(let x, let other):
            return "a chinchilla fit drawn against \(x) needs the runs' \(other): no table plotted has a column '\(other)'"
        case .fitTooManyCurves(let x, let other, let count, let limit):
            return "a chinchilla fit drawn against \(x) gives one curve per value of \(other), but the runs have \(count) (at most \(limit))"
        }
    }
}
