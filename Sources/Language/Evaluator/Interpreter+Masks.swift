import Models
import NumericCore

// MARK: - Selecting with masks, assigning items and columns

extension Interpreter {
    /// `x[mask]`: the elements of a vector, list or mask, or the rows of a table, where
    /// `mask` is true (a mask, or a list of bools); `nil` if `subscriptValue` is not a mask.
    /// - Throws: `IndexError` if the lengths differ.
    func select(_ base: Value, by subscriptValue: Value, at position: SourcePosition) throws(LanguageError) -> Value? {
        let keep: [Bool]
        switch subscriptValue {
        case .mask(let m): keep = m
        case .list(let items) where !items.isEmpty:
            var bools: [Bool] = []
            for item in items {
                guard case .bool(let b) = item else { return nil }
                bools.append(b)
            }
            keep = bools
        default: return nil
        }
        func check(_ count: Int, _ what: String) throws(LanguageError) {
            guard count == keep.count else {
                throw LanguageError(.evaluation(.maskLength(mask: keep.count, typeName: base.typeName, count: count, what: what)), at: position)
            }
        }
        switch base {
        case .vector(let v):
            try check(v.count, "elements")
            return .vector(zip(v, keep).compactMap { $1 ? $0 : nil })
        case .mask(let v):
            try check(v.count, "elements")
            return .mask(zip(v, keep).compactMap { $1 ? $0 : nil })
        case .list(let v):
            try check(v.count, "elements")
            return .list(zip(v, keep).compactMap { $1 ? $0 : nil })
        case .table(let t):
            try check(t.rowCount, "rows")
            let rows = keep.indices.filter { keep[$0] }
            return .table(Table(columns: t.columns.map { column in
                switch column.values {
                case .numbers(let v): return Table.Column(column.name, rows.map { v[$0] })
                case .strings(let v): return Table.Column(column.name, strings: rows.map { v[$0] })
                }
            }, caption: t.caption, role: t.role))
        default:
            throw LanguageError(.evaluation(.cannotMask(typeName: base.typeName)), at: position)
        }
    }

    /// `name[key] = value`: adds or replaces a table's column (`t["z"] = t.x * 2`, a
    /// number or string broadcast to every row, a mask stored as 1 and 0), or sets one
    /// element of a list or vector (`v[0] = 5`, negative from the end). The name is
    /// rebound where it lives (the running function's scope or the session).
    func setItem(_ name: String, at position: SourcePosition, key keyExpr: Expr, value valueExpr: Expr) throws(LanguageError) -> Void {
        let base = try lookup(name, at: position)
        let key = try evaluate(keyExpr)
        let value = try evaluate(valueExpr)
        let updated: Value
        switch (base, key) {
        case (.table(let t), .string(let column)):
            updated = .table(try withColumn(t, column, value, at: valueExpr.position))
        case (.table, _):
            throw LanguageError(.evaluation(.columnKey(typeName: key.typeName)), at: keyExpr.position)
        case (.vector(var v), _):
            let i = try elementIndex(key, count: v.count, of: base, at: keyExpr.position)
            guard case .number(let x) = value else {
                var items = v.map(Value.number)
                items[i] = value
                updated = .list(items)
                break
            }
            v[i] = x
            updated = .vector(v)
        case (.list(var items), _):
            items[try elementIndex(key, count: items.count, of: base, at: keyExpr.position)] = value
            updated = .list(items)
        default:
            throw LanguageError(.evaluation(.noItemAssignment(typeName: base.typeName)), at: position)
        }
        var scope = frames.scope
        while let s = scope {
            if s[name] != nil {
                s[name] = updated
                return
            }
            scope = s.parent
        }
        variables[name] = updated
    }

    private func elementIndex(_ key: Value, count: Int, of base: Value, at position: SourcePosition) throws(LanguageError) -> Int {
        guard case .number(let x) = key, x.rounded() == x, x.isFinite else {
            if case .number = key { throw LanguageError(.evaluation(.notWholeIndex(given: key.plain)), at: position) }
            throw LanguageError(.evaluation(.notWholeIndex(given: key.typeName)), at: position)
        }
        guard abs(x) < 1e15, Int(x) < count, Int(x) >= -count else {
            throw LanguageError(.evaluation(.indexOutOfRange(index: x, typeName: base.typeName, length: count, allowed: nil)), at: position)
        }
        return Int(x) < 0 ? Int(x) + count : Int(x)
    }

    /// `t` with the column `name` set to `value`, replacing one of that name in place.
    private func withColumn(_ t: Table, _ name: String, _ value: Value, at position: SourcePosition) throws(LanguageError) -> Table {
        let rows = t.rowCount
        let column: Table.Column
        switch value {
        case .number(let x): column = Table.Column(name, [Double](repeating: x, count: rows))
        case .bool(let b): column = Table.Column(name, [Double](repeating: b ? 1 : 0, count: rows))
        case .string(let s): column = Table.Column(name, strings: [String](repeating: s, count: rows))
        case .vector, .mask:
            let numbers = value.numbers ?? []
            guard numbers.count == rows || t.columns.isEmpty else {
                throw LanguageError(.evaluation(.columnLength(name: name, values: numbers.count, rows: rows)), at: position)
            }
            column = Table.Column(name, numbers)
        case .list(let items):
            var strings: [String] = []
            for item in items {
                guard case .string(let s) = item else {
                    throw LanguageError(.evaluation(.columnValues(what: "a list holding \(item.typeName)")), at: position)
                }
                strings.append(s)
            }
            guard strings.count == rows || t.columns.isEmpty else {
                throw LanguageError(.evaluation(.columnLength(name: name, values: strings.count, rows: rows)), at: position)
            }
            column = Table.Column(name, strings: strings)
        default:
            throw LanguageError(.evaluation(.columnValues(what: value.typeName)), at: position)
        }
        var columns = t.columns
        if let i = columns.firstIndex(where: { $0.name == name }) { columns[i] = column } else { columns.append(column) }
        return Table(columns: columns, caption: t.caption, role: t.role)
    }
}
