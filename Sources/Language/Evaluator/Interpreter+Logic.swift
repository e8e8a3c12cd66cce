#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Comparisons, truth, and/or/not

extension Interpreter {
    /// `a op b` for a comparison or membership operator.
    ///
    /// As numpy does, a comparison with a vector (or a mask, or a list such as a
    /// table's string column) on either side is elementwise and gives a mask; a number
    /// or string on the other side is broadcast. Between scalars it gives a bool:
    /// numbers (NaN compares unequal to everything), strings (by code point), bools
    /// (as 1 and 0), and `none`, which equals only `none`. `in` and `not in` test
    /// membership in a list, vector or mask, a substring, or a table's column names.
    /// - Throws: `TypeError` for an ordering of values that have none (a string and a
    ///   number, `none`), `ArgumentError` for sequences of different lengths.
    func compare(_ op: Operator, _ a: Value, _ b: Value, at position: SourcePosition) throws(LanguageError) -> Value {
        if op == .in || op == .notIn {
            let found = try contains(b, a, at: position)
            return .bool(op == .in ? found : !found)
        }
        switch (a, b) {
        case (.number(let x), .number(let y)):
            return .bool(Self.order(op, x, y))
        case (.vector(let u), .number(let y)):
            return .mask(u.map { Self.order(op, $0, y) })
        case (.number(let x), .vector(let v)):
            return .mask(v.map { Self.order(op, x, $0) })
        case (.vector(let u), .vector(let v)):
            guard u.count == v.count else { throw lengthMismatch(op.rawValue, u.count, v.count, at: position) }
            return .mask(zip(u, v).map { Self.order(op, $0, $1) })
        default:
            break
        }
        let left = comparisonElements(a), right = comparisonElements(b)
        if left == nil && right == nil { return .bool(try scalarCompare(op, a, b, at: position)) }
        let count = left?.count ?? right!.count
        if let left, let right, left.count != right.count { throw lengthMismatch(op.rawValue, left.count, right.count, at: position) }
        var out: [Bool] = []
        out.reserveCapacity(count)
        for i in 0..<count {
            out.append(try scalarCompare(op, left?[i] ?? a, right?[i] ?? b, at: position))
        }
        return .mask(out)
    }

    /// `a < b <= c ...`: every link must hold; operands are evaluated once, left to
    /// right, and evaluation stops at the first scalar link that fails (as in Python).
    /// Masks combine elementwise with `and`.
    func chain(_ first: Expr, _ links: [Comparison]) throws(LanguageError) -> Value {
        var left = try evaluate(first)
        var combined: [Bool]?
        for link in links {
            let right = try evaluate(link.right)
            switch try compare(link.op, left, right, at: link.position) {
            case .bool(false): return .bool(false)
            case .mask(let m):
                if let c = combined, c.count != m.count { throw lengthMismatch(link.op.rawValue, c.count, m.count, at: link.position) }
                combined = combined.map { zip($0, m).map { $0 && $1 } } ?? m
            default: break
            }
            left = right
        }
        return combined.map(Value.mask) ?? .bool(true)
    }

    /// Python's truth of a value used as a condition: `false`, `0`, `none`, `""` and
    /// `[]` are false. A vector or mask of other than one element has no single truth
    /// (as in numpy) and tables have none (as in pandas).
    func truth(_ value: Value, at position: SourcePosition) throws(LanguageError) -> Bool {
        switch value {
        case .bool(let b): return b
        case .number(let x): return x != 0
        case .none: return false
        case .string(let s): return !s.isEmpty
        case .list(let items): return !items.isEmpty
        case .vector(let v) where v.count == 1: return v[0] != 0
        case .mask(let m) where m.count == 1: return m[0]
        case .vector, .mask:
            throw LanguageError(.evaluation(.ambiguousTruth(typeName: value.typeName, count: value.numbers?.count ?? 0)), at: position)
        case .table:
            throw LanguageError(.evaluation(.ambiguousTableTruth), at: position)
        default: return true
        }
    }

    /// `a and b`, `a or b`: on scalars, Python's short circuit (the result is the operand
    /// that decided); with a mask or vector on the left, elementwise over both sides.
    func logical(_ op: LogicalOperator, _ leftExpr: Expr, _ rightExpr: Expr, at position: SourcePosition) throws(LanguageError) -> Value {
        let left = try evaluate(leftExpr)
        guard let u = truths(left) else {
            let decided = try truth(left, at: leftExpr.position) == (op == .or)
            return decided ? left : try evaluate(rightExpr)
        }
        let right = try evaluate(rightExpr)
        let v: [Bool]
        if let w = truths(right) {
            guard w.count == u.count else { throw lengthMismatch(op.rawValue, u.count, w.count, at: position) }
            v = w
        } else {
            v = [Bool](repeating: try truth(right, at: rightExpr.position), count: u.count)
        }
        return .mask(op == .and ? zip(u, v).map { $0 && $1 } : zip(u, v).map { $0 || $1 })
    }

    /// `not a`: the opposite truth, elementwise on a mask or vector.
    func not(_ value: Value, at position: SourcePosition) throws(LanguageError) -> Value {
        if let u = truths(value) { return .mask(u.map { !$0 }) }
        return .bool(try !truth(value, at: position))
    }

    /// The elementwise truths of a mask or vector (non-zero is true), or `nil`.
    private func truths(_ value: Value) -> [Bool]? {
        switch value {
        case .mask(let m): return m
        case .vector(let v): return v.map { $0 != 0 }
        default: return nil
        }
    }

    /// The elements a comparison runs over, for a vector, mask or list; `nil` for a scalar.
    private func comparisonElements(_ value: Value) -> [Value]? {
        switch value {
        case .vector, .mask, .list: return value.elements
        default: return nil
        }
    }

    private func scalarCompare(_ op: Operator, _ a: Value, _ b: Value, at position: SourcePosition) throws(LanguageError) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)): return Self.order(op, x, y)
        case (.bool(let x), .bool(let y)): return Self.order(op, x ? 1 : 0, y ? 1 : 0)
        case (.bool(let x), .number(let y)): return Self.order(op, x ? 1 : 0, y)
        case (.number(let x), .bool(let y)): return Self.order(op, x, y ? 1 : 0)
        case (.string(let x), .string(let y)):
            let less = x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars) { $0.value < $1.value }
            let greater = y.unicodeScalars.lexicographicallyPrecedes(x.unicodeScalars) { $0.value < $1.value }
            return Self.order(op, less ? -1 : greater ? 1 : 0, 0)
        default:
            let scalar: (Value) -> Bool = { v in
                switch v {
                case .number, .string, .bool, .none: return true
                default: return false
                }
            }
            if op == .equal || op == .notEqual, scalar(a) || scalar(b) {
                let same: Bool
                if case .none = a, case .none = b { same = true } else { same = false }
                return op == .equal ? same : !same
            }
            if op == .equal || op == .notEqual {
                throw LanguageError(.evaluation(.cannotCompare(a.typeName, b.typeName)), at: position)
            }
            throw LanguageError(.evaluation(.unsupportedOperator(op: op.rawValue, a.typeName, b.typeName)), at: position)
        }
    }

    /// `x op y` for numbers (`compare` handles `in` and `not in` before any ordering).
    private static func order(_ op: Operator, _ x: Double, _ y: Double) -> Bool {
        switch op {
        case .equal: return x == y
        case .notEqual: return x != y
        case .less: return x < y
        case .lessOrEqual: return x <= y
        case .greater: return x > y
        default: return x >= y
        }
    }

    /// `item in container`.
    private func contains(_ container: Value, _ item: Value, at position: SourcePosition) throws(LanguageError) -> Bool {
        switch (container, item) {
        case (.string(let s), .string(let t)): return t.isEmpty || s.contains(t)
        case (.table(let t), .string(let name)): return t.column(name) != nil
        case (.record(let fields), .string(let name)): return fields.contains { $0.name == name }
        case (.vector(let v), .number(let x)): return v.contains(x)
        case (.vector, _), (.mask, _), (.list, _):
            for element in container.elements ?? [] where try scalarCompare(.equal, element, item, at: position) { return true }
            return false
        default:
            throw LanguageError(.evaluation(.badContainer(typeName: container.typeName)), at: position)
        }
    }

    private func lengthMismatch(_ op: String, _ m: Int, _ n: Int, at position: SourcePosition) -> LanguageError {
        LanguageError(.evaluation(.lengthMismatch(noun: "sequences", m: m, n: n, op: op)), at: position)
    }

    /// Python's `divmod` for floats: the quotient rounded down and the remainder with the
    /// sign of the divisor (`-7 // 2 = -4`, `-7 % 2 = 1`), computed as CPython's
    /// `float_divmod` does (Objects/floatobject.c) so that the two always agree.
    static func floorDivision(_ x: Double, _ y: Double) -> (quotient: Double, remainder: Double) {
        var remainder = fmod(x, y)
        var division = (x - remainder) / y
        if remainder != 0 {
            if (y < 0) != (remainder < 0) {
                remainder += y
                division -= 1
            }
        } else {
            remainder = copysign(0, y)
        }
        guard division != 0 else { return (copysign(0, x / y), remainder) }
        var quotient = division.rounded(.down)
        if division - quotient > 0.5 { quotient += 1 }
        return (quotient, remainder)
    }
}
