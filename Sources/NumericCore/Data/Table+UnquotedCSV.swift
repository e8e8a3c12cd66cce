import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Reading a data file, fast when it has no quotes

extension Table {
    /// Reads the delimited file at `path` into a table (see `readDelimited(_:delimiter:)`
    /// for the rules and errors, which are the same either way).
    ///
    /// CSV.swift decodes a file one Unicode scalar at a time through a type-erased
    /// iterator: about 3 s of CPU for 10⁶ rows of three numbers (31 MB), six times
    /// pandas. So a file without a `"` — where RFC 4180 quoting cannot occur and a field
    /// is simply the bytes between delimiters — is split here from the memory-mapped bytes
    /// with `memchr` and numbers parsed with `strtod`; any file with a quote goes to
    /// CSV.swift, which implements the quoting rules.
    /// - Throws: `TableReadError`.
    public static func readDelimited(file path: String, delimiter: UnicodeScalar) throws(TableReadError) -> Table {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw TableReadError(line: nil, column: nil, "cannot read the file (\(error.localizedDescription))")
        }
        let fast: Table?
        do {
            fast = try data.withUnsafeBytes { raw in try readUnquoted(raw.bindMemory(to: UInt8.self), delimiter: delimiter) }
        } catch let error as TableReadError {
            throw error
        } catch {
            throw TableReadError(line: nil, column: nil, "cannot read the file (\(error))")
        }
        if let fast { return fast }
        guard let stream = InputStream(fileAtPath: path) else { throw TableReadError(line: nil, column: nil, "cannot open the file") }
        return try readDelimited(stream, delimiter: delimiter)
    }

    /// The table of a quote-free file, or `nil` if the file has a quote (or the delimiter
    /// is not ASCII) and needs the full CSV grammar.
    static func readUnquoted(_ bytes: UnsafeBufferPointer<UInt8>, delimiter: UnicodeScalar) throws(TableReadError) -> Table? {
        guard delimiter.isASCII else { return nil }
        let separator = UInt8(delimiter.value)
        let n = bytes.count
        guard n > 0, let base = bytes.baseAddress else {
            throw TableReadError(line: nil, column: nil, "the file is empty: expected a header row of column names")
        }
        guard memchr(base, 0x22, n) == nil else { return nil }
        var position = 0
        /// The next line's byte range without its line end, or `nil` at the end.
        func nextLine() -> Range<Int>? {
            guard position < n else { return nil }
            let start = position
            var end = n
            if let found = memchr(base + start, 10, n - start) { end = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) }
            position = end + 1
            if end > start, bytes[end - 1] == 13 { end -= 1 }
            return start..<end
        }
        func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        var fields: [Range<Int>] = []
        func split(_ line: Range<Int>) {
            fields.removeAll(keepingCapacity: true)
            var start = line.lowerBound
            while let found = memchr(base + start, Int32(separator), line.upperBound - start) {
                let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                fields.append(start..<end)
                start = end + 1
            }
            fields.append(start..<line.upperBound)
        }
        split(nextLine()!)
        var columns = try DelimitedColumns(header: fields.map(text))
        var scratch = [CChar](repeating: 0, count: 64)
        var line = 1
        while let range = nextLine() {
            line += 1
            if range.isEmpty { continue }
            split(range)
            try columns.checkWidth(fields.count, line: line)
            for (k, field) in fields.enumerated() {
                let parsed = number(field, bytes, &scratch)
                if columns.holdsNumbers(k, first: parsed != nil) {
                    guard let x = parsed else { throw columns.notANumber(text(field), line: line, column: k) }
                    columns.numbers[k].append(x)
                } else {
                    columns.strings[k].append(text(field))
                }
            }
        }
        return columns.table
    }

    /// The field's bytes as a number by `strtod` (spaces around it allowed; the whole
    /// field must be used), or `nil`.
    private static func number(_ field: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>, _ scratch: inout [CChar]) -> Double? {
        var lower = field.lowerBound, upper = field.upperBound
        while lower < upper, bytes[lower] == 32 { lower += 1 }
        while upper > lower, bytes[upper - 1] == 32 { upper -= 1 }
        let count = upper - lower
        guard count > 0 else { return nil }
        if count >= scratch.count { return DelimitedColumns.number(String(decoding: UnsafeBufferPointer(rebasing: bytes[lower..<upper]), as: UTF8.self)) }
        return scratch.withUnsafeMutableBufferPointer { buffer -> Double? in
            for i in 0..<count { buffer[i] = CChar(bitPattern: bytes[lower + i]) }
            buffer[count] = 0
            var end: UnsafeMutablePointer<CChar>?
            let value = strtod(buffer.baseAddress!, &end)
            return end == buffer.baseAddress! + count ? value : nil
        }
    }
}
