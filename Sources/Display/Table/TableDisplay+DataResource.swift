import JSON
import NumericCore

extension TableDisplay {
    /// The `pandas_version` pandas writes into a Table Schema (pandas ≥ 1.4 writes
    /// "1.4.0" regardless of the running version).
    public static let pandasSchemaVersion = "1.4.0"

    /// The Frictionless data resource, shaped exactly as pandas'
    /// `DataFrame.to_json(orient="table")` for a frame with a default integer index:
    /// `{"schema": {"fields": [{"name": "index", "type": "integer"}, {"name": "P",
    /// "type": "number"}, ...], "primaryKey": ["index"], "pandas_version": "1.4.0"},
    /// "data": [{"index": 0, "P": 10.0, ...}, ...]}`. Numbers are the exact doubles;
    /// NaN and infinities become `null`, as pandas writes them.
    ///
    /// A column literally named `index` would clash with the row index (pandas refuses
    /// to write such a frame); here the row index is then named `level_0` instead, the
    /// name pandas' `reset_index` gives it in that case.
    ///
    /// Like pandas' `_repr_data_resource_` (which writes `head(display.max_rows)`), a
    /// table longer than `maxPlainRows` contributes only its first `maxPlainRows` rows.
    public static func dataResource(_ table: Table) -> JSONValue {
        let indexName = table.column("index") == nil ? "index" : "level_0"
        var fields: [JSONValue] = [["name": .string(indexName), "type": "integer"]]
        for column in table.columns {
            fields.append(["name": .string(column.name), "type": isNumeric(column) ? "number" : "string"])
        }
        var rows: [JSONValue] = []
        let shown = min(table.rowCount, maxPlainRows)
        rows.reserveCapacity(shown)
        for row in 0..<shown {
            var record: [String: JSONValue] = [indexName: .int(row)]
            for column in table.columns {
                switch column.values {
                case .numbers(let values):
                    record[column.name] = values[row].isFinite ? .double(values[row]) : .null
                case .strings(let values):
                    record[column.name] = .string(values[row])
                }
            }
            rows.append(.object(record))
        }
        return [
            "schema": [
                "fields": .array(fields),
                "primaryKey": [.string(indexName)],
                "pandas_version": .string(pandasSchemaVersion),
            ],
            "data": .array(rows),
        ]
    }
}
