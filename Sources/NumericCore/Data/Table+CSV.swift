import CSV
import Foundation

// MARK: - Reading CSV and TSV

/// Why a data file could not be read into a table: the place (1-based line and column of
/// the file, and the column's header) and what is wrong there.
public struct TableReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file's line (1 is the header), or `nil` for a whole-file problem.
    public var line: Int?
    /// The field's 1-based position in its row, or `nil`.
    public var column: Int?
    /// What is wrong.
    public var message: String

    /// Makes an error.
    public init(line: Int?, column: Int?, _ message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// `line 3, column 2: …`.
    public var description: String {
        switch (line, column) {
        case let (l?, c?): return "line \(l), column \(c): \(message)"
        case let (l?, nil): return "line \(l): \(message)"
        default: return message
        }
    }
}

extension Table {
    /// Reads a delimited text file with a header row, streaming it row by row through
    /// yaslab/CSV.swift (RFC 4180 quoting; CRLF or LF line ends).
    ///
    /// A column whose first value is a number is a number column: every later value must
    /// be a number too. Otherwise it is a string column. An empty cell in a number column,
    /// a row with too few or too many fields, a repeated or empty header name, and a
    /// non-number are errors at their line and column, never a silent zero. Blank lines
    /// are skipped.
    /// - Parameters:
    ///   - stream: the file's bytes (UTF-8).
    ///   - delimiter: `,` for CSV, tab for TSV.
    /// - Returns: a `.data` table, one column per header field.
    /// - Throws: `TableReadError`.
    public static func readDelimited(_ stream: InputStream, delimiter: UnicodeScalar) throws(TableReadError) -> Table {
        let reader: CSVReader
        do {
            reader = try CSVReader(stream: stream, hasHeaderRow: false, trimFields: false, delimiter: delimiter)
        } catch {
            throw TableReadError(line: nil, column: nil, "cannot read the file (\(error))")
        }
        guard let header = reader.next() else {
            if let error = reader.error { throw TableReadError(line: 1, column: nil, "cannot read the header (\(error))") }
            throw TableReadError(line: nil, column: nil, "the file is empty: expected a header row of column names")
        }
        var columns = try DelimitedColumns(header: header)
        var line = 2 + newlines(in: header)
        while let row = reader.next() {
            defer { line += 1 + newlines(in: row) }
            if row.count == 1 && row[0].isEmpty { continue }
            try columns.checkWidth(row.count, line: line)
            for (k, field) in row.enumerated() {
                if columns.holdsNumbers(k, first: DelimitedColumns.number(field) != nil) {
                    guard let x = DelimitedColumns.number(field) else { throw columns.notANumber(field, line: line, column: k) }
                    columns.numbers[k].append(x)
                } else {
                    columns.strings[k].append(field)
                }
            }
        }
        // On Linux a file stream reports bytes available at its end, so CSV.swift's reader
        // ends every file with `cannotReadFile`; only a failure before the end is an error.
        if let error = reader.error, !(isEndOfFile(error) && stream.streamStatus == .atEnd) {
            throw TableReadError(line: line, column: nil, "cannot read the file (\(error))")
        }
        return columns.table
    }

    private static func isEndOfFile(_ error: Error) -> Bool {
        if case CSVError.cannotReadFile = error { return true }
        return false
    }

    private static func newlines(in row: [String]) -> Int {
        var count = 0
        for field in row where field.utf8.contains(10) { count += field.utf8.reduce(0) { $0 + ($1 == 10 ? 1 : 0) } }
        return count
    }
}
