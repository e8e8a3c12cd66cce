import Models
import NumericCore

/// An evaluated argument and where it was written.
struct BoundArgument {
    var value: Value
    var position: SourcePosition
}

/// A builtin call after its arguments have been evaluated and bound to parameter
/// names: typed accessors that throw errors pointing at the offending argument.
struct CallContext {
    /// The interpreter running the call (for the seed, the sink, the registry).
    unowned let interpreter: Interpreter
    /// The builtin's name.
    let name: String
    /// Where the call starts.
    let position: SourcePosition
    /// Arguments bound to declared parameters.
    var arguments: [String: BoundArgument]
    /// Extra positional arguments of a variadic builtin.
    var rest: [BoundArgument]
    /// Extra keyword arguments (`table(P=..., test=...)`), in order.
    var extraKeywords: [(name: String, argument: BoundArgument)]

    /// Where the argument `name` was written, or the call's position.
    func position(of name: String) -> SourcePosition { arguments[name]?.position ?? position }

    /// The argument `name`, if given.
    func value(_ name: String) -> Value? { arguments[name]?.value }

    /// The error `diagnostic` describes, pointing at argument `name` (or the call).
    func error(_ diagnostic: Diagnostic, at name: String? = nil) -> LanguageError {
        LanguageError(diagnostic, at: name.map(position(of:)) ?? position)
    }

    /// Where the session's file paths resolve (`FileScope.writePath`, `readPath`).
    var files: FileScope { interpreter.files }

    /// The number `name`, or `nil` if not given.
    func number(_ name: String) throws(LanguageError) -> Double? {
        guard let v = value(name) else { return nil }
        guard case .number(let x) = v else {
            throw LanguageError(.wrongKind(owner: self.name, parameter: name, expected: "a number", given: v.typeName), at: position(of: name))
        }
        return x
    }

    /// The whole number `name` in `minimum...maximum`, or `nil`. Past `maximum` (a
    /// resource cap, such as the longest grid) the error is a `ResourceError` naming it.
    func integer(_ name: String, atLeast minimum: Int, atMost maximum: Int = 999_999_999_999) throws(LanguageError) -> Int? {
        guard let x = try number(name) else { return nil }
        guard x.rounded() == x, x >= Double(minimum) else {
            throw LanguageError(.outOfRange(parameter: name, value: x, allowed: NumericRange(lower: Double(minimum), whole: true).describe(name), entry: nil),
                                at: position(of: name))
        }
        guard x <= Double(maximum) else {
            throw LanguageError(.tooLarge(owner: self.name, parameter: name, value: x, allowed: "\(minimum) ≤ \(name) ≤ \(maximum)"),
                                at: position(of: name))
        }
        return Int(x)
    }

    /// The string `name`, or `nil`.
    func string(_ name: String) throws(LanguageError) -> String? {
        guard let v = value(name) else { return nil }
        guard case .string(let s) = v else {
            throw LanguageError(.wrongKind(owner: self.name, parameter: name, expected: "a string", given: v.typeName), at: position(of: name))
        }
        return s
    }

    /// The string `name`, which must be one of `choices`.
    func choice(_ name: String, _ choices: [String]) throws(LanguageError) -> String? {
        guard let s = try string(name) else { return nil }
        guard choices.contains(s) else {
            throw LanguageError(.notAChoice(parameter: name, value: s, choices: choices), at: position(of: name))
        }
        return s
    }

    /// The numbers of argument `name` (a vector, a list of numbers or one number).
    func numbers(_ name: String) throws(LanguageError) -> [Double]? {
        guard let v = value(name) else { return nil }
        guard let numbers = v.numbers else {
            throw LanguageError(.wrongKind(owner: self.name, parameter: name, expected: "numbers (a vector or a number)", given: v.typeName),
                                at: position(of: name))
        }
        return numbers
    }

    /// The table `name`, or `nil`.
    func table(_ name: String) throws(LanguageError) -> Table? {
        guard let v = value(name) else { return nil }
        guard case .table(let t) = v else {
            throw LanguageError(.wrongKind(owner: self.name, parameter: name, expected: "a table", given: v.typeName), at: position(of: name))
        }
        return t
    }
}
