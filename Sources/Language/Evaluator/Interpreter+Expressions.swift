// MARK: - Expressions and operators

extension Interpreter {
    /// The deepest nesting of lists a program may build (displaying a value recurses
    /// through it, so the depth is bounded like the parser's).
    static let maximumNesting = 100

    /// The value of `expr`.
    func evaluate(_ expr: Expr) throws(LanguageError) -> Value {
        switch expr.kind {
        case .number(let x): return .number(x)
        case .string(let s): return .string(s)
        case .bool(let b): return .bool(b)
        case .none: return .none
        case .name(let name): return try lookup(name, at: expr.position)
        case .local(let name, let slot):
            if let value = try slotValue(name, slot, at: expr.position) { return value }
            return try lookup(name, at: expr.position)
        case .list(let elements):
            var values: [Value] = []
            for element in elements { values.append(try evaluate(element)) }
            if !values.isEmpty, let numbers = Value.list(values).numbers { return .vector(numbers) }
            let list = Value.list(values)
            if list.nesting > Self.maximumNesting {
                throw LanguageError(.evaluation(.nestedTooDeeply(limit: Self.maximumNesting)), at: expr.position)
            }
            return list
        case .unary(let op, let operand):
            let value = try evaluate(operand)
            if op == .add {
                _ = try elementwise(value, .number(0), op: .add, at: expr.position)
                return value
            }
            return try elementwise(.number(0), value, op: .subtract, at: expr.position, negating: true)
        case .binary(let op, let left, let right):
            return try binary(op, try evaluate(left), try evaluate(right), at: expr.position)
        case .call(let callee, let arguments):
            return try call(callee, arguments, at: expr.position)
        case .field(let base, let name, let namePosition):
            return try field(of: try evaluate(base), name, at: namePosition)
        case .index(let base, let subscriptExpr):
            return try index(try evaluate(base), by: try evaluate(subscriptExpr), at: subscriptExpr.position)
        case .chain(let first, let links): return try chain(first, links)
        case .logical(let op, let left, let right): return try logical(op, left, right, at: expr.position)
        case .not(let operand): return try not(try evaluate(operand), at: expr.position)
        case .conditional(let value, let condition, let otherwise):
            return try evaluate(try truth(try evaluate(condition), at: condition.position) ? value : otherwise)
        case .lambda(let definition): return .closure(try makeFunction(definition))
        case .comprehension(let element, let clauses): return try comprehension(element, clauses, at: expr.position)
        }
    }

    /// The value a bare name refers to.
    func lookup(_ name: String, at position: SourcePosition) throws(LanguageError) -> Value {
        if frames.scope != nil, let value = try localValue(name, at: position) { return value }
        if let value = variables[name] { return value }
        if let constant = Registry.constants.first(where: { $0.name == name }) { return .number(constant.value) }
        if registry.entry(name) != nil { return .function(name) }
        throw LanguageError(.evaluation(.undefinedName(name, known: knownNames)), at: position)
    }

    /// A binary operation: arithmetic (elementwise over vectors), string `+`, comparisons
    /// (elementwise over vectors, giving masks: see `compare`).
    func binary(_ op: Operator, _ a: Value, _ b: Value, at position: SourcePosition) throws(LanguageError) -> Value {
        if case .number(let x) = a, case .number(let y) = b, !op.isComparison {
            return .number(try apply(op, x, y, at: position))
        }
        switch op {
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .in, .notIn:
            return try compare(op, a, b, at: position)
        case .add:
            if case .string(let s) = a, case .string(let t) = b {
                try admit(bytes: Double(s.utf8.count + t.utf8.count), for: "'+' on two strings", at: position)
                return .string(s + t)
            }
            if case .list(let s) = a, case .list(let t) = b {
                try admit(bytes: Double((s.count + t.count) * MemoryLayout<Value>.stride), for: "'+' on two lists", at: position)
                return .list(s + t)
            }
            return try elementwise(a, b, op: op, at: position)
        default:
            return try elementwise(a, b, op: op, at: position)
        }
    }

    /// Arithmetic on numbers and vectors, broadcasting a number over a vector.
    func elementwise(_ a: Value, _ b: Value, op: Operator, at position: SourcePosition, negating: Bool = false) throws(LanguageError) -> Value {
        guard let x = arithmeticOperand(a), let y = arithmeticOperand(b) else {
            let what = negating ? "negate" : "apply '\(op.rawValue)' to"
            let shown = negating ? b.typeName : "\(a.typeName) and \(b.typeName)"
            throw LanguageError(.evaluation(.badOperands(what: what, shown: shown)), at: position)
        }
        let count: Int
        switch (x, y) {
        case (.scalar(let u), .scalar(let v)):
            return .number(try apply(op, u, v, at: position))
        case (.scalar, .vector(let v)): count = v.count
        case (.vector(let u), .scalar): count = u.count
        case (.vector(let u), .vector(let v)):
            guard u.count == v.count else {
                throw LanguageError(.evaluation(.lengthMismatch(noun: "vectors", m: u.count, n: v.count, op: op.rawValue)), at: position)
            }
            count = u.count
        }
        try admit(bytes: Double(count * MemoryLayout<Double>.stride), for: negating ? "negating a vector" : "'\(op.rawValue)' on a vector",
                  at: position)
        var out: [Double] = []
        out.reserveCapacity(count)
        for i in 0..<count {
            // Long vectors: follow interrupts and the cell's time limit.
            if i & 0xFFFF == 0xFFFF { try checkInterrupt(at: position) }
            out.append(try apply(op, x[i], y[i], at: position))
        }
        return .vector(out)
    }

    private enum Operand {
        case scalar(Double)
        case vector([Double])

        /// Element `i`, a scalar broadcast to every position.
        subscript(i: Int) -> Double {
            switch self {
            case .scalar(let x): return x
            case .vector(let v): return v[i]
            }
        }
    }

    private func arithmeticOperand(_ value: Value) -> Operand? {
        switch value {
        case .number(let x): return .scalar(x)
        case .vector(let v): return .vector(v)
        case .list, .mask: return value.numbers.map(Operand.vector)
        default: return nil
        }
    }

    /// `x op y` for an arithmetic operator, with Python's errors (comparisons go to `compare`).
    private func apply(_ op: Operator, _ x: Double, _ y: Double, at position: SourcePosition) throws(LanguageError) -> Double {
        switch op {
        case .add: return x + y
        case .subtract: return x - y
        case .multiply: return x * y
        case .divide:
            if y == 0 { throw LanguageError(.evaluation(.divisionByZero), at: position) }
            return x / y
        case .floorDivide, .remainder:
            if y == 0 { throw LanguageError(.evaluation(.divisionByZero), at: position) }
            let (quotient, remainder) = Self.floorDivision(x, y)
            return op == .floorDivide ? quotient : remainder
        case .power:
            if x < 0 && y.rounded() != y {
                throw LanguageError(.evaluation(.negativeToFractionalPower(base: x, exponent: y)), at: position)
            }
            if x == 0 && y < 0 { throw LanguageError(.evaluation(.zeroToNegativePower(exponent: y)), at: position) }
            return pow(x, y)
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .in, .notIn:
            throw LanguageError(.evaluation(.unknownOperator(op.rawValue)), at: position)
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
