// MARK: - Calls: dispatch and argument binding

extension Interpreter {
    /// Evaluates a call: a builtin, a model constructor, a model function, or an
    /// operation (`theory(m, ...)`, also written `m.theory(...)`).
    func call(_ callee: Expr, _ arguments: [Argument], at position: SourcePosition) throws(LanguageError) -> Value {
        // A user function polls for interrupts itself (`call(_:_:at:)`); builtins check here.
        if let result = try callThroughVariable(callee, arguments, at: position) { return result }
        try checkInterrupt(at: position)
        if let result = try exploreCall(callee, arguments, at: position) { return result }
        var receiver: BoundArgument?
        let name: String
        switch callee.kind {
        case .name(let n):
            if registry.entry(n) != nil {
                name = n
            } else if let v = variables[n] {
                guard case .function(let f) = v else {
                    throw LanguageError(.notAFunction(name: n, typeName: v.typeName), at: callee.position)
                }
                name = f
            } else {
                throw LanguageError(.notCallable(name: n, candidates: registry.allNames + Array(variables.keys)), at: callee.position)
            }
        case .field(let base, let n, let namePosition):
            if registry.entry(n) != nil {
                receiver = BoundArgument(value: try evaluate(base), position: base.position)
                name = n
            } else {
                let v = try field(of: try evaluate(base), n, at: namePosition)
                guard case .function(let f) = v else {
                    throw LanguageError(.notAFunction(name: n, typeName: v.typeName), at: namePosition)
                }
                name = f
            }
        default:
            let v = try evaluate(callee)
            if case .closure(let f) = v { return try call(f, arguments, at: position) }
            guard case .function(let f) = v else {
                throw LanguageError(.cannotCall(typeName: v.typeName), at: callee.position)
            }
            name = f
        }
        var positional: [BoundArgument] = receiver.map { [$0] } ?? []
        var keywords: [(name: String, argument: BoundArgument)] = []
        for argument in arguments {
            let bound = BoundArgument(value: try evaluate(argument.value), position: argument.position)
            if let label = argument.label { keywords.append((label, bound)) } else { positional.append(bound) }
        }
        guard let callable = try registry.callable(name, firstArgument: positional.first, at: position) else {
            throw LanguageError(.notCallable(name: name, candidates: []), at: callee.position)
        }
        var context = try bind(callable, positional, keywords, at: position)
        return try callable.run(&context)
    }

    /// The one binder: matches a call's positional arguments (the receiver first, if the
    /// callable has one) and keyword arguments to the callable's parameters, checking
    /// counts, unknown keywords (with a suggestion), duplicates and required ones.
    private func bind(_ callable: Callable, _ positional: [BoundArgument],
                      _ keywords: [(name: String, argument: BoundArgument)],
                      at position: SourcePosition) throws(LanguageError) -> CallContext {
        var context = CallContext(interpreter: self, name: callable.name, position: position,
                                  arguments: [:], rest: [], extraKeywords: [])
        let positionalNames = (callable.receiver.map { [$0] } ?? []) + callable.parameters.filter { !$0.keywordOnly }.map(\.name)
        for (i, argument) in positional.enumerated() {
            if callable.variadic != nil {
                context.rest.append(argument)
            } else if i < positionalNames.count {
                context.arguments[positionalNames[i]] = argument
            } else {
                throw LanguageError(.tooManyPositional(owner: callable.owner, most: positionalNames.count, given: positional.count,
                                                       help: callable.name), at: argument.position)
            }
        }
        let own = callable.parameters.map(\.name), model = callable.modelParameters.map(\.name)
        let names = own + model
        for (name, argument) in keywords {
            if names.contains(name) {
                if context.arguments[name] != nil {
                    throw LanguageError(.duplicateArgument(owner: callable.owner, parameter: name), at: argument.position)
                }
                context.arguments[name] = argument
            } else if callable.extraKeywords != nil {
                context.extraKeywords.append((name, argument))
            } else {
                throw LanguageError(.unknownParameter(owner: callable.owner, parameter: name, own: own, model: model),
                                    at: argument.position)
            }
        }
        for p in callable.parameters where p.isRequired && context.arguments[p.name] == nil {
            throw LanguageError(.missingArgument(owner: callable.owner, parameter: p.name, meaning: p.meaning, help: callable.name),
                                at: position)
        }
        return context
    }
}
