import Models
import NumericCore

// MARK: - Model constructors and model functions

extension Interpreter {
    /// `ridge(alpha=1.5, ...)` with its arguments bound: checks every argument against
    /// the family's parameter specs, fills defaults, runs the family's cross-parameter validation.
    func construct(_ family: ModelFamily, _ c: CallContext) throws(LanguageError) -> Value {
        for spec in family.parameters where spec.kind != .vector {
            if let argument = c.arguments[spec.name], argument.value.isSequence {
                throw LanguageError(.singleValueHere(parameter: spec.name), at: argument.position)
            }
        }
        let set = try parameterSet(family.parameters, from: c.arguments)
        do {
            try family.validate(set)
        } catch {
            throw languageError(error, arguments: c.arguments, at: c.position)
        }
        return .model(ModelInstance(family: family, parameters: set))
    }

    /// A catalog function such as `cosine(0.1, warmup=100)`, with its arguments bound.
    func callFunction(_ function: ModelFunction, _ c: CallContext) throws(LanguageError) -> Value {
        let set = try parameterSet(function.parameters, from: c.arguments)
        do {
            try function.validate(set)
        } catch {
            throw languageError(error, arguments: c.arguments, at: c.position)
        }
        if let estimate = function.estimate {
            try admit(estimate(set), for: "\(function.name)(...)", advice: "use smaller arguments", at: c.position)
        }
        let result: OperationResult
        do {
            result = try withProgress { monitor in try function.run(set, monitor) }
        } catch {
            throw languageError(error, arguments: c.arguments, at: c.position)
        }
        return value(of: result)
    }

    /// The checked values of `specs` from bound arguments (`override` in place of an
    /// argument's own value, for a point of a sweep), defaults filled in.
    func parameterSet(_ specs: [ParameterSpec], from arguments: [String: BoundArgument],
                      override: [String: Value] = [:], into base: ParameterSet = ParameterSet()) throws(LanguageError) -> ParameterSet {
        var set = base
        for spec in specs {
            if let argument = arguments[spec.name] {
                set[spec.name] = try parameterValue(override[spec.name] ?? argument.value, spec: spec, at: argument.position)
            } else if base[spec.name] == nil, let value = spec.defaultValue {
                set[spec.name] = value
            }
        }
        return set
    }

    /// Converts a language value to a model parameter value, checking kind and range.
    func parameterValue(_ value: Value, spec: ParameterSpec, at position: SourcePosition) throws(LanguageError) -> ParameterValue {
        func checkRange(_ x: Double, entry: Int? = nil) throws(LanguageError) {
            guard spec.range.contains(x) else {
                throw LanguageError(.outOfRange(parameter: spec.name, value: x, allowed: spec.range.describe(spec.name), entry: entry),
                                    at: position)
            }
        }
        switch spec.kind {
        case .real, .integer:
            guard case .number(let x) = value else {
                throw LanguageError(.wrongKind(owner: nil, parameter: spec.name, expected: "a number", given: value.typeName), at: position)
            }
            try checkRange(x)
            return .number(x)
        case .choice(let options):
            guard case .string(let s) = value else {
                throw LanguageError(.wrongKind(owner: nil, parameter: spec.name,
                                               expected: "one of " + options.map { "\"\($0)\"" }.joined(separator: ", "),
                                               given: value.typeName), at: position)
            }
            guard options.contains(s) else {
                throw LanguageError(.notAChoice(parameter: spec.name, value: s, choices: options), at: position)
            }
            return .string(s)
        case .vector:
            guard let numbers = value.numbers else {
                throw LanguageError(.wrongKind(owner: nil, parameter: spec.name, expected: "numbers (a vector or a number)",
                                               given: value.typeName), at: position)
            }
            for (i, x) in numbers.enumerated() { try checkRange(x, entry: numbers.count > 1 ? i : nil) }
            return .vector(numbers)
        case .table:
            guard case .table(let t) = value else {
                throw LanguageError(.wrongKind(owner: nil, parameter: spec.name, expected: "a table", given: value.typeName), at: position)
            }
            return .table(t)
        case .schedule:
            switch value {
            case .schedule(let s): return .schedule(s)
            case .number(let x):
                try checkRange(x)
                return .number(x)
            default:
                throw LanguageError(.wrongKind(owner: nil, parameter: spec.name, expected: "a schedule or a number",
                                               given: value.typeName), at: position)
            }
        case .string:
            guard case .string(let s) = value else {
                throw LanguageError(.wrongKind(owner: nil, parameter: spec.name, expected: "a string", given: value.typeName), at: position)
            }
            return .string(s)
        case .bool, .list, .any, .value, .oneOf:
            // Only builtins declare these, and they read their arguments themselves.
            throw LanguageError(.notPassable(parameter: spec.name), at: position)
        }
    }

    /// Maps an error thrown by model code to a user-facing error at the argument it names.
    func languageError(_ error: any Error, arguments: [String: BoundArgument], at position: SourcePosition) -> LanguageError {
        if let e = error as? LanguageError { return e }
        if let stopped = error as? WorkCancelled { return stopError(monitor.stopReason ?? stopped.reason, at: position) }
        guard let modelError = error as? ModelError else {
            return LanguageError(.computationFailed(reason: "\(error)"), at: position)
        }
        return LanguageError(.model(modelError), at: modelError.parameter.flatMap { arguments[$0]?.position } ?? position)
    }

    /// The language value of an operation's result.
    func value(of result: OperationResult) -> Value {
        switch result {
        case .table(let t): return .table(t)
        case .record(let fields): return .record(fields.map { Value.Field($0.name, .number($0.value)) })
        case .schedule(let s): return .schedule(s)
        }
    }
}
