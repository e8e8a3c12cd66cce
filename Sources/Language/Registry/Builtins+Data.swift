import Display
import Foundation
import JSON
import NumericCore

// MARK: - Tables and files

extension Builtins {
    static let data: [Builtin] = [
        Builtin(name: "table", summary: "A table from named columns of equal length: table(P=[10, 100], test=[0.5, 0.1]).",
                doc: "Columns are numbers (vectors) or strings (lists of strings). Read a column with t.name and a row with t[i].",
                parameters: [], extraKeywords: "a column: its name and values") { c throws(LanguageError) in
            var columns: [Table.Column] = []
            var length: Int?
            for (name, argument) in c.extraKeywords {
                let column: Table.Column
                if let numbers = argument.value.numbers {
                    column = Table.Column(name, numbers)
                } else if case .list(let items) = argument.value {
                    var strings: [String] = []
                    for item in items {
                        guard case .string(let s) = item else {
                            throw LanguageError(.builtin(.columnMixed(column: name, typeName: item.typeName)), at: argument.position)
                        }
                        strings.append(s)
                    }
                    column = Table.Column(name, strings: strings)
                } else {
                    throw LanguageError(.builtin(.columnKind(column: name, typeName: argument.value.typeName)), at: argument.position)
                }
                if let length, length != column.count {
                    throw LanguageError(.builtin(.columnCount(column: name, count: column.count, length: length)), at: argument.position)
                }
                length = column.count
                columns.append(column)
            }
            return .table(Table(columns: columns))
        },
        Builtin(name: "columns", summary: "The column names of a table, as a list of strings.", doc: "",
                parameters: [.builtin("t", "a table", kind: .table)]) { c throws(LanguageError) in
            .list(try c.table("t")!.columnNames.map(Value.string))
        },
        Builtin(name: "save", summary: "Saves a table as CSV or a plot as SVG, PNG or PDF: save(t, \"curve.csv\"), save(p, \"fig.png\").",
                doc: "Numbers are written exactly (shortest round-trip form). The file is replaced if it exists.",
                parameters: [.builtin("value", "a table or a plot", kind: .oneOf([.table, .value("plot")])),
                             .builtin("path", "the file to write", kind: .string)]) { c throws(LanguageError) in
            let path = try c.string("path")!
            let text: String
            switch c.value("value")! {
            case .table(let t):
                guard path.hasSuffix(".csv") else { throw c.error(.builtin(.csvPath(path)), at: "path") }
                text = csv(t)
            case .plot(let p):
                try savePlot(p, to: path, c)
                return .none
            case let v:
                throw c.error(.builtin(.saveKind(typeName: v.typeName)), at: "value")
            }
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: c.files.writePath(path)), options: .atomic)
            } catch {
                throw c.error(.builtin(.writeFailed(path: path, reason: error.localizedDescription)), at: "path")
            }
            return .none
        },
    ]

    /// A table as CSV (RFC 4180 quoting, exact numbers).
    public static func csv(_ t: Table) -> String {
        func quote(_ s: String) -> String {
            s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replacingAll("\"", with: "\"\"") + "\"" : s
        }
        var lines = [t.columnNames.map(quote).joined(separator: ",")]
        for row in 0..<t.rowCount {
            lines.append(t.columns.map { quote($0.text(at: row, describe: { $0.isFinite ? JSONWriter.formatDouble($0) : NumberText.plain($0) })) }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
