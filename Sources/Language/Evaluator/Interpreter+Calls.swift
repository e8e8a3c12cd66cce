// MARK: - Calls: dispatch and argument binding

extension Interpreter {
    /// Evaluates a call: a builtin, a model constructor, a model function, or an
    /// operation (`theory(m, ...)`, also written `m.theory(...)`).
    func call(_ callee: Expr, _ arguments: [Argument], at position: SourcePosition) throws(LanguageError) -> Value {
        try checkInterrupt(at: position)
        if let result = try callThroughVariable(callee, arguments, at: position) { return result }
        if let result = try exploreCall(callee, arguments, at: position) { return result }
        var receiver: BoundArgument?
        let name: String
        switch callee.kind {
        case .name(let n):
            if registry.entry(n) != nil {
                name = n
            } else if let v = variables[n] {
                guard case .function(let f) = v else {
                    throw LanguageError(.type, "'\(n)' is \(v.typeName), not a function", at: callee.position)
                }
                name = f
            } else {
                throw LanguageError(.name, "'\(n)' is not a builtin, model or function"
                                    + Suggestion.clause(for: n, in: registry.allNames + Array(variables.keys)), at: callee.position)
            }
        case .field(let base, let n, let namePosition):
            if registry.entry(n) != nil {
                receiver = BoundArgument(value: try evaluate(base), position: base.position)
                name = n
            } else {
                let v = try field(of: try evaluate(base), n, at: namePosition)
                guard case .function(let f) = v else {
                    throw LanguageError(.type, "'\(n)' is \(v.typeName), not a function", at: namePosition)
                }
                name = f
            }
        default:
            let v = try evaluate(callee)
            if case .closure(let f) = v { return try call(f, arguments, at: position) }
            guard case .function(let f) = v else {
                throw LanguageError(.type, "\(v.typeName) cannot be called", at: callee.position)
            }
            name = f
        }
        guard let entry = registry.entry(name) else {
            throw LanguageError(.name, "'\(name)' is not a builtin, model or function", at: callee.position)
        }
        var positional: [BoundArgument] = receiver.map { [$0] } ?? []
        var keywords: [(name: String, argument: BoundArgument)] = []
        for argument in arguments {
            let bound = BoundArgument(value: try evaluate(argument.value), position: argument.position)
            if let label = argument.label { keywords.append((label, bound)) } else { positional.append(bound) }
        }
        switch entry {
        case .builtin(let builtin):
            // A builtin and a model operation may share a name (`optimal(f, C=)` of a scaling
            // fit, `optimal(m, K=)` of an ensemble): a model as first argument picks the operation.
            if case .model? = positional.first?.value, registry.families.contains(where: { $0.operation(name) != nil }) {
                return try runOperation(name, positional, keywords, at: position)
            }
            var context = try bind(builtin, positional, keywords, at: position)
            return try builtin.run(&context)
        case .family(let family):
            return try construct(family, positional, keywords, at: position)
        case .function(let function):
            return try callFunction(function, positional, keywords, at: position)
        case .operation(let op):
            return try runOperation(op, positional, keywords, at: position)
        }
    }

    /// Binds positional and keyword arguments to a builtin's parameters, checking
    /// counts, unknown keywords (with a suggestion), duplicates and required ones.
    private func bind(_ builtin: Builtin, _ positional: [BoundArgument],
                      _ keywords: [(name: String, argument: BoundArgument)],
                      at position: SourcePosition) throws(LanguageError) -> CallContext {
        var context = CallContext(interpreter: self, name: builtin.name, position: position,
                                  arguments: [:], rest: [], extraKeywords: [])
        let positionalNames = builtin.parameters.filter { !$0.keywordOnly }.map(\.name)
        for (i, argument) in positional.enumerated() {
            if builtin.variadic != nil {
                context.rest.append(argument)
            } else if i < positionalNames.count {
                context.arguments[positionalNames[i]] = argument
            } else {
                throw LanguageError(.argument, "\(builtin.name) takes at most \(positionalNames.count) positional argument\(positionalNames.count == 1 ? "" : "s") (got \(positional.count)); see help(\(builtin.name))", at: argument.position)
            }
        }
        let names = builtin.parameters.map(\.name)
        for (name, argument) in keywords {
            if names.contains(name) {
                if context.arguments[name] != nil {
                    throw LanguageError(.argument, "\(builtin.name) got two values for '\(name)'", at: argument.position)
                }
                context.arguments[name] = argument
            } else if builtin.extraKeywords != nil {
                context.extraKeywords.append((name, argument))
            } else {
                let list = names.isEmpty ? " (it takes no keyword arguments)" : " (parameters: \(names.joined(separator: ", ")))"
                throw LanguageError(.argument, "\(builtin.name) has no parameter '\(name)'" + list
                                    + Suggestion.clause(for: name, in: names), at: argument.position)
            }
        }
        for p in builtin.parameters where p.defaultText == nil && context.arguments[p.name] == nil {
            throw LanguageError(.argument, "\(builtin.name) needs the argument '\(p.name)' (\(p.meaning)); see help(\(builtin.name))", at: position)
        }
        return context
    }
}
