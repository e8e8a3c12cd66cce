import Display

extension Diagnostic {
    /// The errors of a plot's controls (`y=`, axis ranges, size, colour, labels), each with
    /// its kind and its one rendering (`Diagnostic.plot`). `shown` is a vector as the
    /// language prints it.
    enum Plot {
        /// A plot that cannot be drawn from its tables, or a fit that cannot be drawn over it.
        case spec(PlotError)
        /// `y=[]`.
        case yEmpty
        /// An axis range that is not `[low, high]` with `low < high`.
        case badRange(parameter: String, shown: String)
        /// A log-axis range reaching 0 or below.
        case logRange(parameter: String, shown: String)
        /// A figure size outside 200–4000 px.
        case badSize(shown: String)
        /// A colour that no CSS colour syntax names.
        case badColor(String)
        /// One label for several data series.
        case oneLabel(series: Int)
        /// A per-series list holding something other than strings.
        case seriesStrings(parameter: String, typeName: String)
        /// A per-series list of the wrong length.
        case seriesCount(parameter: String, given: Int, series: Int)
        /// A per-series option that is neither a string nor a list of them.
        case seriesKind(parameter: String, typeName: String)

        /// The error kind a user sees.
        var kind: LanguageError.Kind {
            switch self {
            case .badRange, .logRange, .badSize, .badColor: return .domain
            case .spec, .yEmpty, .oneLabel, .seriesStrings, .seriesCount, .seriesKind: return .argument
            }
        }

        /// The message, without the position.
        var message: String {
            switch self {
            case .spec(let error): return error.message
            case .yEmpty: return "y= lists no columns"
            case .badRange(let parameter, let shown): return "\(parameter) must be [low, high] with low < high, not \(shown)"
            case .logRange(let parameter, let shown):
                return "\(parameter) = \(shown) reaches 0 or below on a log axis: allowed low > 0"
            case .badSize(let shown):
                return "size = \(shown) is out of range: allowed [width, height] with 200 ≤ each ≤ 4000 (px)"
            case .badColor(let value):
                return "color = \"\(value)\" is not a colour: use #rgb, #rrggbb or a CSS name such as \"crimson\""
            case .oneLabel(let series):
                return "label= gives one label but the plot has \(series) data series; give a list of \(series)"
            case .seriesStrings(let parameter, let typeName): return "\(parameter)= lists strings, not \(typeName)"
            case .seriesCount(let parameter, let given, let series):
                return "\(parameter)= lists \(given) value\(given == 1 ? "" : "s") but the plot has \(series) data series"
            case .seriesKind(let parameter, let typeName):
                return "plot: \(parameter) must be a string or a list of strings, not \(typeName)"
            }
        }
    }
}
