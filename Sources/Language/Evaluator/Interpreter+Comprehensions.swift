// MARK: - List comprehensions

extension Interpreter {
    /// `[element for x in xs if cond ...]`, as in Python: clauses nest left to right,
    /// the first iterable is evaluated in the enclosing scope, the loop names live in a
    /// scope of their own (so they do not leak into the session), and a function
    /// defined inside sees the loop name's latest value. Numbers make a vector, as a
    /// list literal does; anything else a list. Polls for interrupts as it goes (`pollInterrupt`).
    func comprehension(_ element: Expr, _ clauses: [ComprehensionClause], at position: SourcePosition) throws(LanguageError) -> Value {
        var first: [Value]?
        if case .loop(let name, let namePosition, let iterable)? = clauses.first {
            first = try iterate(try evaluate(iterable), name: name, at: namePosition)
        }
        let saved = frames.scope
        let names = Resolver.loopNames(clauses)
        frames.scope = Scope(names: names, strict: false, parent: saved)
        defer { frames.scope = saved }
        var out: [Value] = []
        try expand(element, clauses[...], first: first, into: &out)
        if !out.isEmpty, let numbers = Value.list(out).numbers { return .vector(numbers) }
        let list = Value.list(out)
        if list.nesting > Self.maximumNesting {
            throw LanguageError(.evaluation(.nestedTooDeeply(limit: Self.maximumNesting)), at: position)
        }
        return list
    }

    /// Runs the clauses from the first of `clauses` on, appending each element made.
    private func expand(_ element: Expr, _ clauses: ArraySlice<ComprehensionClause>, first: [Value]?,
                        into out: inout [Value]) throws(LanguageError) {
        guard let clause = clauses.first else {
            out.append(try evaluate(element))
            return
        }
        let rest = clauses.dropFirst()
        switch clause {
        case .filter(let condition):
            if try truth(try evaluate(condition), at: condition.position) {
                try expand(element, rest, first: nil, into: &out)
            }
        case .loop(let name, let namePosition, let iterable):
            let items: [Value]
            if let first { items = first } else { items = try iterate(try evaluate(iterable), name: name, at: namePosition) }
            let scope = frames.scope!
            let slot = scope.slot(of: name)!
            for item in items {
                try pollInterrupt(at: namePosition)
                scope[slot: slot] = item
                try expand(element, rest, first: nil, into: &out)
            }
        }
    }

    /// The elements a `for` clause runs over: a vector's numbers, a list's items, a
    /// mask's bools, a string's characters.
    private func iterate(_ value: Value, name: String, at position: SourcePosition) throws(LanguageError) -> [Value] {
        switch value {
        case .vector, .list, .mask: return value.elements ?? []
        case .string(let s): return s.map { .string(String($0)) }
        case .table:
            throw LanguageError(.evaluation(.loopOverTable), at: position)
        default:
            throw LanguageError(.evaluation(.cannotLoop(typeName: value.typeName, name: name)), at: position)
        }
    }
}
