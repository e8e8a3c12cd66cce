extension Diagnostic {
    /// The errors builtins raise in their own checks — inputs of the wrong kind, empty
    /// inputs, values outside a function's domain, grids too long — each with its kind
    /// and its one rendering (`Diagnostic.builtin`). `function` is the builtin's name.
    enum Builtin {
        /// An input of the wrong kind (`expected` in words: `a number or a vector`).
        case needs(function: String, expected: String, given: String)
        /// A reduction of nothing (`what`: `an empty vector`, `no numbers`).
        case emptyInput(function: String, what: String)
        /// Bounds that are not finite (`what`: `start and stop`, `bounds`).
        case needsFinite(function: String, what: String)
        /// `geomspace` bounds that no geometric grid joins.
        case geomspaceBounds(start: Double, stop: Double)
        /// A point outside a function's domain (`allowed`: `x > 0`).
        case undefinedAt(function: String, x: Double, allowed: String)
        /// A grid of `n` values past `limit`.
        case tooManyValues(function: String, n: Int, limit: Int)
        /// `sort(t)` without `by=` (`example`: the table's first column).
        case sortNeedsColumn(example: String)
        /// `sort(v, by=...)` on something other than a table.
        case sortByOnValues(typeName: String)
        /// `argmin(t)` on a table.
        case argOfTable(function: String)
        /// A list of column names (`x=`, `y=`) holding something other than strings.
        case columnNames(parameter: String, typeName: String)
        /// A column a table lacks (`names`: the columns it has).
        case noColumn(String, names: [String])
        /// A column of strings where numbers are needed.
        case textColumn(String)
        /// `input()` where no front end can answer (`reason`: the session's words).
        case inputUnavailable(reason: String)
        /// A `table` column of strings and something else.
        case columnMixed(column: String, typeName: String)
        /// A `table` column given neither a vector nor a list.
        case columnKind(column: String, typeName: String)
        /// A `table` column whose length is not the earlier columns'.
        case columnCount(column: String, count: Int, length: Int)
        /// `save(t, "x.txt")`: a table saves only to CSV.
        case csvPath(String)
        /// `save(p, "x.txt")`: a plot saves only to SVG, PNG or PDF.
        case figurePath(String)
        /// PNG or PDF asked for without `rsvg-convert` installed.
        case noRenderer(format: String)
        /// `rsvg-convert` failed (`reason`: its message).
        case renderFailed(path: String, reason: String)
        /// `save` of a value that is neither a table nor a plot.
        case saveKind(typeName: String)
        /// A file that could not be written (`reason`: the system's words).
        case writeFailed(path: String, reason: String)
        /// `plot()` with nothing to draw.
        case plotEmpty
        /// `plot(xs, ys)` of different lengths.
        case plotLengths(xs: Int, ys: Int)
        /// `plot` of something it cannot draw.
        case plotKind(typeName: String)
        /// `fit(t, ys)`: a table's y is a column named by `y=`.
        case fitTableYs
        /// `fit` of something other than a table or two vectors.
        case fitKind(typeName: String)
        /// `fit(xs, ys)` of different lengths.
        case fitLengths(xs: Int, ys: Int)
        /// A fit that failed (`reason`: the fitter's; `range`: what `min`/`max` kept, if given).
        case fitFailed(law: String, reason: String, range: String)
        /// `claim` with neither `tol=` nor `rtol=`.
        case claimNeedsTolerance
        /// `evidence=` that names no kind of evidence (`kinds`: the quoted list).
        case unknownEvidence(String, kinds: String)
        /// A `load` separator that is not one plain character.
        case badSeparator(String)
        /// `load` of a path that is missing or a directory (`place`: where it looked, if elsewhere).
        case unreadable(path: String, directory: Bool, place: String)
        /// A file that could not be parsed (`reason`: the reader's, with its line).
        case loadFailed(path: String, reason: String)

        /// The error kind a user sees.
        var kind: LanguageError.Kind {
            switch self {
            case .needs, .argOfTable: return .type
            case .columnNames, .noColumn, .textColumn: return .argument
            case .inputUnavailable: return .io
            case .emptyInput, .sortNeedsColumn, .sortByOnValues, .columnMixed, .columnKind, .columnCount, .csvPath, .figurePath, .plotEmpty,
                 .plotLengths, .plotKind, .fitTableYs, .fitKind, .fitLengths, .claimNeedsTolerance, .unknownEvidence:
                return .argument
            case .fitFailed, .badSeparator: return .domain
            case .unreadable, .loadFailed: return .io
            case .saveKind: return .type
            case .writeFailed, .noRenderer, .renderFailed: return .io
            case .needsFinite, .geomspaceBounds, .undefinedAt: return .domain
            case .tooManyValues: return .resource
            }
        }

        /// The message, without the position.
        var message: String {
            switch self {
            case .needs(let function, let expected, let given): return "\(function) needs \(expected), not \(given)"
            case .emptyInput(let function, let what): return "\(function) of \(what) is undefined"
            case .needsFinite(let function, let what): return "\(function) needs finite \(what)"
            case .geomspaceBounds(let start, let stop):
                return "geomspace needs finite, non-zero start and stop of the same sign (got \(NumberText.plain(start)) and \(NumberText.plain(stop)))"
            case .undefinedAt(let function, let x, let allowed):
                return "\(function)(\(NumberText.plain(x))) is not defined: allowed \(allowed)"
            case .tooManyValues(let function, let n, let limit): return "\(function) would make \(n) values (limit \(limit))"
            case .sortNeedsColumn(let example):
                return "sort of a table needs the column to order by, as in sort(t, by=\"\(example)\")"
            case .sortByOnValues(let typeName): return "by= orders the rows of a table; \(typeName) is sorted by its values"
            case .argOfTable(let function):
                return "\(function) takes a vector; for a table, give a column: t[\(function)(t.loss)] is the row where loss is \(function == "argmin" ? "smallest" : "largest")"
            case .columnNames(let parameter, let typeName): return "\(parameter)= lists column names (strings), not \(typeName)"
            case .noColumn(let name, let names):
                return Evaluation.noField(owner: "the table", noun: "column", name: name, names: names).message
            case .textColumn(let name): return "column '\(name)' holds strings, not numbers"
            case .inputUnavailable(let reason): return "input: \(reason)"
            case .columnMixed(let column, let typeName): return "column \(column) mixes strings with \(typeName)"
            case .columnKind(let column, let typeName): return "column \(column) must be a vector or a list, not \(typeName)"
            case .columnCount(let column, let count, let length):
                return "column \(column) has \(count) values but the columns before it have \(length)"
            case .csvPath(let path): return "a table saves to a .csv file, not \"\(path)\""
            case .figurePath(let path): return "a plot saves to a .svg, .png or .pdf file, not \"\(path)\""
            case .noRenderer(let format):
                return "saving .\(format) needs librsvg's rsvg-convert (Debian: apt-get install librsvg2-bin); .svg works without it"
            case .renderFailed(let path, let reason): return "rsvg-convert could not render \"\(path)\": \(reason)"
            case .saveKind(let typeName): return "save writes a table (.csv) or a plot (.svg, .png, .pdf), not \(typeName)"
            case .writeFailed(let path, let reason): return "cannot write \"\(path)\": \(reason)"
            case .plotEmpty: return "plot needs something to draw: tables, two vectors, or a schedule"
            case .plotLengths(let xs, let ys): return "plot(xs, ys): xs has \(xs) values but ys has \(ys)"
            case .plotKind(let typeName): return "plot takes tables (or two vectors, or schedules), not \(typeName)"
            case .fitTableYs: return "fit(table, ...) takes the y column as y=\"name\""
            case .fitKind(let typeName): return "fit takes a table, or two vectors fit(xs, ys), not \(typeName)"
            case .fitLengths(let xs, let ys): return "xs has \(xs) values but ys has \(ys)"
            case .fitFailed(let law, let reason, let range): return "cannot fit a \(law): \(reason)\(range)"
            case .claimNeedsTolerance: return "claim needs a tolerance: tol= (absolute) or rtol= (relative)"
            case .unknownEvidence(let kind, let kinds): return "evidence = \"\(kind)\" is not a kind of evidence: use one of \(kinds)"
            case .badSeparator(let sep):
                return "sep = \"\(sep)\" is not allowed: use one character other than a quote or a newline, e.g. \",\" or \"\\t\""
            case .unreadable(let path, let directory, let place):
                return "cannot read \"\(path)\": \(directory ? "it is a directory" : "no such file")\(place)"
            case .loadFailed(let path, let reason): return "cannot load \"\(path)\": \(reason)"
            }
        }
    }
}
