import Models
import NumericCore

// MARK: - Field access and indexing

extension Interpreter {
    /// `x.name`: a table's column, a row's or record's field, a model's parameter, a
    /// fit's coefficient, a claim's part.
    func field(of base: Value, _ name: String, at position: SourcePosition) throws(LanguageError) -> Value {
        switch base {
        case .table(let t):
            guard let column = t.column(name) else {
                throw LanguageError(.evaluation(.noField(owner: "the table", noun: "column", name: name, names: t.columnNames)), at: position)
            }
            switch column.values {
            case .numbers(let v): return .vector(v)
            case .strings(let v): return .list(v.map(Value.string))
            }
        case .record(let fields):
            guard let f = fields.first(where: { $0.name == name }) else {
                let names = fields.map(\.name)
                throw LanguageError(.evaluation(.noField(owner: "the row", noun: "field", name: name, names: names)), at: position)
            }
            return f.value
        case .model(let m):
            guard let p = m.parameters[name] else {
                let names = m.family.parameters.map(\.name)
                throw LanguageError(.evaluation(.noField(owner: m.family.name, noun: "parameter", name: name, names: names)), at: position)
            }
            return Value(p)
        case .fit(let f):
            let fields = Self.fitFields(f)
            guard let v = fields.first(where: { $0.0 == name }) else {
                throw LanguageError(.evaluation(.noField(owner: "a fit", noun: "field", name: name, names: fields.map(\.0))), at: position)
            }
            return v.1
        case .scalingFit(let f):
            return try ScalingFitDisplay.field(f, name, at: position)
        case .claim(let c):
            let fields: [(String, Value)] = [("text", .string(c.text)), ("measured", .number(c.measured)),
                                             ("expect", .number(c.expect)), ("pass", .bool(c.pass))]
            guard let v = fields.first(where: { $0.0 == name }) else {
                throw LanguageError(.evaluation(.noField(owner: "a claim", noun: "field", name: name, names: fields.map(\.0))), at: position)
            }
            return v.1
        default:
            throw LanguageError(.evaluation(.noFields(typeName: base.typeName, name: name)), at: position)
        }
    }

    /// The fields of a fit value, in display order.
    static func fitFields(_ f: CurveFit) -> [(String, Value)] {
        [("exponent", .number(f.exponent)), ("prefactor", .number(f.prefactor)),
         ("exponent_se", .number(f.exponentStandardError)), ("prefactor_se", .number(f.prefactorStandardError)),
         ("r2", .number(f.r2)), ("n", .number(Double(f.count))), ("law", .string(f.law.rawValue))]
    }

    /// `x[i]`: an element of a vector or list, a row of a table; negative indices count
    /// from the end.
    func index(_ base: Value, by subscriptValue: Value, at position: SourcePosition) throws(LanguageError) -> Value {
        if let selected = try select(base, by: subscriptValue, at: position) { return selected }
        if case .string(let name) = subscriptValue, case .table = base { return try field(of: base, name, at: position) }
        guard case .number(let x) = subscriptValue else {
            throw LanguageError(.evaluation(.notWholeIndex(given: subscriptValue.typeName)), at: position)
        }
        guard x.rounded() == x, x.isFinite else {
            throw LanguageError(.evaluation(.notWholeIndex(given: NumberText.plain(x))), at: position)
        }
        let count: Int
        switch base {
        case .vector(let v): count = v.count
        case .list(let v): count = v.count
        case .table(let t): count = t.rowCount
        case .string(let s): count = s.count
        default:
            throw LanguageError(.evaluation(.cannotIndex(typeName: base.typeName)), at: position)
        }
        guard abs(x) < 1e15, Int(x) < count, Int(x) >= -count else {
            let allowed = count == 0 ? "it is empty" : "allowed -\(count) … \(count - 1)"
            throw LanguageError(.evaluation(.indexOutOfRange(index: x, typeName: base.typeName, length: count, allowed: allowed)), at: position)
        }
        let i = Int(x) < 0 ? Int(x) + count : Int(x)
        switch base {
        case .vector(let v): return .number(v[i])
        case .list(let v): return v[i]
        case .string(let s): return .string(String(s[s.index(s.startIndex, offsetBy: i)]))
        case .table(let t):
            return .record(t.columns.map { column in
                switch column.values {
                case .numbers(let v): return Value.Field(column.name, .number(v[i]))
                case .strings(let v): return Value.Field(column.name, .string(v[i]))
                }
            })
        default:
            throw LanguageError(.evaluation(.cannotIndex(typeName: base.typeName)), at: position)
        }
    }
}

extension Value {
    /// The language's view of a model parameter value.
    init(_ p: ParameterValue) {
        switch p {
        case .number(let x): self = .number(x)
        case .string(let s): self = .string(s)
        case .vector(let v): self = .vector(v)
        case .table(let t): self = .table(t)
        case .schedule(let s): self = .schedule(s)
        }
    }
}
