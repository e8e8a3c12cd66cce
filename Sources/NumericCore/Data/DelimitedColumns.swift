import Foundation

/// The columns of a delimited file as its rows arrive: the header's names, each column's
/// kind (numbers if its first value is one), and the values; it words every error of a
/// data file the one way, whichever reader found it.
struct DelimitedColumns {
    /// Column names from the header, trimmed.
    let names: [String]
    /// Per column: `true` numbers, `false` strings, `nil` no row yet.
    var kinds: [Bool?]
    /// The values of number columns.
    var numbers: [[Double]]
    /// The values of string columns.
    var strings: [[String]]

    /// Checks the header: no empty or repeated names.
    init(header: [String]) throws(TableReadError) {
        var seen: [String: Int] = [:]
        var names: [String] = []
        for (k, name) in header.enumerated() {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { throw TableReadError(line: 1, column: k + 1, "the header has an empty column name") }
            if let first = seen[trimmed] {
                throw TableReadError(line: 1, column: k + 1, "the header repeats the column name '\(trimmed)' (first in column \(first + 1))")
            }
            seen[trimmed] = k
            names.append(trimmed)
        }
        self.names = names
        kinds = Array(repeating: nil, count: names.count)
        numbers = Array(repeating: [], count: names.count)
        strings = Array(repeating: [], count: names.count)
    }

    /// Throws unless a row of `count` fields matches the header.
    func checkWidth(_ count: Int, line: Int) throws(TableReadError) {
        guard count == names.count else {
            throw TableReadError(line: line, column: nil, "the row has \(count) field\(count == 1 ? "" : "s") but the header has \(names.count)")
        }
    }

    /// Whether column `k` holds numbers; its first value decides (`first`: it parsed as one).
    mutating func holdsNumbers(_ k: Int, first: @autoclosure () -> Bool) -> Bool {
        if let kind = kinds[k] { return kind }
        let kind = first()
        kinds[k] = kind
        return kind
    }

    /// The error for `field`, not a number, in number column `k` (0-based) at `line`.
    func notANumber(_ field: String, line: Int, column k: Int) -> TableReadError {
        let what = field.trimmingCharacters(in: .whitespaces).isEmpty ? "the cell is empty" : "'\(field)' is not a number"
        return TableReadError(line: line, column: k + 1, "\(what), but column '\(names[k])' holds numbers")
    }

    /// The table read so far.
    var table: Table {
        Table(columns: names.indices.map { k in
            kinds[k] == false ? Table.Column(names[k], strings: strings[k]) : Table.Column(names[k], numbers[k])
        }, role: .data)
    }

    /// A field as a number (surrounding spaces allowed), or `nil`.
    static func number(_ field: String) -> Double? {
        if let x = Double(field) { return x }
        let trimmed = field.trimmingCharacters(in: .whitespaces)
        return trimmed.count == field.count ? nil : Double(trimmed)
    }
}
