import Models

// MARK: - Which callable a call runs

extension Registry {
    /// The callable a call to `name` runs, or `nil` if `name` calls nothing.
    ///
    /// One overload rule covers names that both a builtin and an operation use
    /// (`optimal(f, C=)` of a scaling fit, `optimal(m, K=)` of an ensemble): an
    /// operation applies when the first argument is a model, else the builtin does.
    /// - Throws: when `name` is only an operation and the first argument is not a model,
    ///   or the model's family has no such operation.
    func callable(_ name: String, firstArgument first: BoundArgument?,
                  at position: SourcePosition) throws(LanguageError) -> Callable? {
        let isOperation = families.contains { $0.operation(name) != nil }
        if isOperation, case .model(let model)? = first?.value {
            guard let operation = model.family.operation(name) else {
                throw LanguageError(.noOperation(family: model.family.name, operation: name,
                                                 available: model.family.operations.map(\.name)), at: position)
            }
            return Self.callable(operation, of: model.family)
        }
        if let builtin = builtin(name) { return builtin }
        if let family = families.first(where: { $0.name == name }) { return Self.callable(constructing: family) }
        if let function = functions.first(where: { $0.name == name }) { return Self.callable(function) }
        guard isOperation else { return nil }
        guard let first else {
            throw LanguageError(.needsModel(operation: name, given: nil), at: position)
        }
        throw LanguageError(.needsModel(operation: name, given: first.value.typeName), at: first.position)
    }

    /// `ridge(alpha=1.5, ...)`.
    static func callable(constructing family: ModelFamily) -> Callable {
        Callable(name: family.name, summary: family.summary, doc: family.doc, parameters: family.parameters) { c throws(LanguageError) in
            try c.interpreter.construct(family, c)
        }
    }

    /// `cosine(0.1, warmup=100)`.
    static func callable(_ function: ModelFunction) -> Callable {
        Callable(name: function.name, summary: function.summary, doc: function.doc, parameters: function.parameters) { c throws(LanguageError) in
            try c.interpreter.callFunction(function, c)
        }
    }

    /// `theory(m, P=...)` for a model of `family`: the operation's own parameters, then
    /// the model's (by keyword, to override or sweep them).
    static func callable(_ operation: ModelOperation, of family: ModelFamily) -> Callable {
        let own = Set(operation.parameters.map(\.name))
        let modelParameters = family.parameters.filter { !own.contains($0.name) }.map { spec in
            var spec = spec
            spec.keywordOnly = true
            return spec
        }
        return Callable(name: operation.name, owner: "\(operation.name)(\(family.name))", summary: operation.summary, doc: "",
                        receiver: "model", parameters: operation.parameters, modelParameters: modelParameters) { c throws(LanguageError) in
            try c.interpreter.runOperation(operation, of: family, c)
        }
    }
}
