import NumericCore

/// How a "long" table from a two-parameter sweep is split into one series per value of
/// the second parameter.
///
/// The rule (the language and the models rely on it): given the plotted columns `x`
/// and `y`, the sweep column is the FIRST column of the table, in column order, that
///  1. is neither `x` nor `y` and whose name does not end in `_se`;
///  2. has between 2 and 12 distinct values (numbers compared exactly, or strings);
///  3. has at least 2 rows for each of its values; and
///  4. shares at least one `x` value between two of its groups (so the groups are
///     curves over the same `x`, not slices of one curve).
/// Groups keep the order in which their values first appear; each is labelled
/// `name=value` (numbers as `NumberFormat.plain`). A table with no such column is one
/// series.
enum SweepGrouping {
    /// The most groups a sweep may have before it is taken for an output column.
    static let maxGroups = 12

    /// One group: its legend label and the rows it holds, in table order.
    struct Group: Equatable {
        var label: String
        var rows: [Int]
    }

    /// The sweep column's name and its groups, or `nil` if the table is one series.
    static func groups(in table: Table, x: String, y: String, xs: [Double]) -> (column: String, groups: [Group])? {
        for column in table.columns where column.name != x && column.name != y && !column.name.hasSuffix("_se") {
            guard let groups = split(column) else { continue }
            if groups.count >= 2, groups.allSatisfy({ $0.rows.count >= 2 }), sharesX(groups, xs: xs) {
                return (column.name, groups)
            }
        }
        return nil
    }

    /// Rows grouped by the column's value in order of first appearance; `nil` once there
    /// are more than `maxGroups` values (or a NaN, which equals nothing).
    static func split(_ column: Table.Column) -> [Group]? {
        switch column.values {
        case .numbers(let values):
            if values.contains(where: \.isNaN) { return nil }
            // +0 and -0 are one value.
            return split(values.map { $0 == 0 ? 0 : $0 }, name: column.name, describe: NumberFormat.plain)
        case .strings(let values):
            return split(values, name: column.name, describe: { $0 })
        }
    }

    /// Rows grouped by value in order of first appearance, or `nil` past `maxGroups`.
    static func split<Value: Hashable>(_ values: [Value], name: String,
                                       describe: (Value) -> String) -> [Group]? {
        var groups: [Group] = []
        var indexOf: [Value: Int] = [:]
        for (row, value) in values.enumerated() {
            if let index = indexOf[value] {
                groups[index].rows.append(row)
            } else {
                if groups.count == maxGroups { return nil }
                indexOf[value] = groups.count
                groups.append(Group(label: "\(name)=\(describe(value))", rows: [row]))
            }
        }
        return groups
    }

    /// Whether some x value occurs in two different groups.
    static func sharesX(_ groups: [Group], xs: [Double]) -> Bool {
        var seen: [Double: Int] = [:]
        for (index, group) in groups.enumerated() {
            for row in group.rows {
                let x = xs[row] == 0 ? 0 : xs[row]   // +0 and -0 are the same x
                if let other = seen[x], other != index { return true }
                seen[x] = index
            }
        }
        return false
    }
}
