import Foundation
import NumericCore

// MARK: - Reading data files

extension Builtins {
    static let load: [Builtin] = [
        Builtin(name: "load", summary: "Reads a CSV or TSV file with a header row into a table: runs = load(\"runs.csv\").",
                doc: """
                A column whose first value is a number holds numbers; any other column holds strings. Empty cells and \
                non-numbers in a number column, and rows of the wrong length, are errors naming the line and column. \
                Relative paths are relative to the notebook's directory. A .tsv or .tab file is tab-separated; sep= \
                overrides.
                """,
                parameters: [
                    .builtin("path", "the file to read", kind: .string),
                    .builtin("sep", "the field separator (default: tab for .tsv/.tab, else comma)", kind: .string,
                                     default: "none", allowed: "one character", keywordOnly: true),
                ]) { c throws(LanguageError) in
            let path = try c.string("path")!
            let separator: UnicodeScalar
            if let sep = try c.string("sep") {
                guard sep.unicodeScalars.count == 1, let scalar = sep.unicodeScalars.first, scalar != "\"", scalar != "\n" else {
                    throw c.error(.builtin(.badSeparator(sep)), at: "sep")
                }
                separator = scalar
            } else {
                separator = path.hasSuffix(".tsv") || path.hasSuffix(".tab") ? "\t" : ","
            }
            let resolved = c.files.readPath(path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory), !isDirectory.boolValue else {
                let place = resolved == path ? "" : " (looked for \(resolved))"
                throw c.error(.builtin(.unreadable(path: path, directory: isDirectory.boolValue, place: place)), at: "path")
            }
            let size = ((try? FileManager.default.attributesOfItem(atPath: resolved))?[.size] as? NSNumber)?.doubleValue ?? 0
            try c.interpreter.admit(WorkEstimate.delimitedRead(bytes: size), for: "load(\"\(path)\")", advice: "read a smaller file",
                                    at: c.position)
            do throws(TableReadError) {
                var table = try Table.readDelimited(file: resolved, delimiter: separator)
                table.caption = (path as NSString).lastPathComponent
                return .table(table)
            } catch {
                throw c.error(.builtin(.loadFailed(path: path, reason: "\(error)")), at: "path")
            }
        },
    ]
}
