/// A table of named columns of equal length: what every model's `theory` and
/// `simulate` return, what `table(...)` builds, and what plots and fits read.
///
/// A column holds numbers or strings (a swept string parameter such as
/// `optimizer="sgd"` gives a string column). `role` tells a plot whether to draw the
/// table as a line (theory) or as markers with error bars (simulation).
public struct Table: Sendable, Equatable {
    /// Where the numbers came from; decides how a plot draws them.
    public enum Role: String, Sendable, Equatable {
        /// Exact or asymptotic theory: drawn as lines.
        case theory
        /// Monte-Carlo simulation, usually with `*_se` columns: drawn as markers.
        case simulation
        /// User data or anything else: drawn as markers.
        case data
    }

    /// One named column.
    public struct Column: Sendable, Equatable {
        /// The column's values.
        public enum Values: Sendable, Equatable {
            case numbers([Double])
            case strings([String])
        }
        /// The column's name, as used in `t.name`, `x="name"`, CSV headers.
        public var name: String
        /// The column's values.
        public var values: Values

        /// A numeric column.
        public init(_ name: String, _ numbers: [Double]) {
            self.name = name
            self.values = .numbers(numbers)
        }

        /// A string column.
        public init(_ name: String, strings: [String]) {
            self.name = name
            self.values = .strings(strings)
        }

        /// The number of rows in this column.
        public var count: Int {
            switch values {
            case .numbers(let v): return v.count
            case .strings(let v): return v.count
            }
        }

        /// The numbers, or `nil` for a string column.
        public var numbers: [Double]? {
            if case .numbers(let v) = values { return v }
            return nil
        }

        /// Each value rendered as text (numbers via `describe`).
        public func text(at row: Int, describe: (Double) -> String) -> String {
            switch values {
            case .numbers(let v): return describe(v[row])
            case .strings(let v): return v[row]
            }
        }
    }

    /// The columns, in display order.
    public var columns: [Column]
    /// A caption for displays (plot legend label, HTML caption); `nil` for none.
    public var caption: String?
    /// How the table should be drawn.
    public var role: Role

    /// Makes a table; every column must have the same length.
    public init(columns: [Column], caption: String? = nil, role: Role = .data) {
        precondition(Set(columns.map(\.count)).count <= 1, "table columns must have equal length")
        self.columns = columns
        self.caption = caption
        self.role = role
    }

    /// The number of rows (0 for a table without columns).
    public var rowCount: Int { columns.first?.count ?? 0 }

    /// The names of the columns, in order.
    public var columnNames: [String] { columns.map(\.name) }

    /// The column called `name`, or `nil`.
    public func column(_ name: String) -> Column? { columns.first { $0.name == name } }

    /// The numeric column called `name`, or `nil` if it is missing or holds strings.
    public func numbers(_ name: String) -> [Double]? { column(name)?.numbers }
}
