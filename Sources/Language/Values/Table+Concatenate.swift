import NumericCore

extension Interpreter {
    /// Stacks sweep results (same columns) into one long table; the caption and role
    /// are the first table's.
    func concatenate(_ tables: [Table], at position: SourcePosition) throws(LanguageError) -> Table {
        guard let first = tables.first else { return Table(columns: []) }
        var columns: [Table.Column] = []
        for column in first.columns {
            var numbers: [Double] = []
            var strings: [String] = []
            var allNumbers = true
            for table in tables {
                guard let c = table.column(column.name) else {
                    throw LanguageError(.evaluation(.sweepColumns(missing: column.name)), at: position)
                }
                switch c.values {
                case .numbers(let v):
                    numbers += v
                    strings += v.map(NumberText.plain)
                case .strings(let v):
                    allNumbers = false
                    strings += v
                }
            }
            columns.append(allNumbers ? Table.Column(column.name, numbers) : Table.Column(column.name, strings: strings))
        }
        return Table(columns: columns, caption: first.caption, role: first.role)
    }
}
