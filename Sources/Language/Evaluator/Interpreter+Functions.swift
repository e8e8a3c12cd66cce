// MARK: - User functions: def, lambda, calls, statements in bodies

/// The state of user-function calls: the innermost scope (`nil` at the top level),
/// how many calls are running, and the source the running code was written in.
struct CallFrames {
    var scope: Scope?
    var depth = 0
    /// The cell run the running code's text belongs to (`Interpreter.run` numbers
    /// them; a user function's body runs under its defining cell's), so a position
    /// plus this number names one place in everything the session has run.
    var source = 0
    var stack = StackGuard()
}

/// What running a block of statements led to.
enum Flow {
    /// The block ran to its end.
    case next
    /// A `return` ran, with this value.
    case returned(Value)
}

extension Interpreter {
    /// The deepest nesting of user-function calls (Python's default limit is 1000; this
    /// one keeps the evaluator's recursion within a thread's stack).
    static let maximumRecursion = 200

    /// The value of `name` in the running function's scopes, innermost first, or `nil`
    /// if no enclosing function binds it (then the session's names are next).
    /// - Throws: `NameError` for a local name read before it has been assigned.
    func localValue(_ name: String, at position: SourcePosition) throws(LanguageError) -> Value? {
        var scope = frames.scope
        while let s = scope {
            if let i = s.slot(of: name) {
                if let value = s[slot: i] { return value }
                if s.strict { throw LanguageError(.evaluation(.usedBeforeAssignment(name)), at: position) }
            }
            scope = s.parent
        }
        return nil
    }

    /// The value in the slot the resolver gave the local `name`, or `nil` when the name
    /// must be looked up by name after all: a comprehension's loop name its loop has not
    /// bound yet (the enclosing scopes and the session are next, as in `localValue`), or
    /// an expression evaluated outside the scopes it was written in (`reexplore`).
    /// - Throws: `NameError` for a function's local read before it has been assigned.
    func slotValue(_ name: String, _ slot: Slot, at position: SourcePosition) throws(LanguageError) -> Value? {
        var scope = frames.scope
        for _ in 0..<slot.depth { scope = scope?.parent }
        guard let s = scope, slot.index < s.count else { return nil }
        if let value = s[slot: slot.index] { return value }
        if s.strict { throw LanguageError(.evaluation(.usedBeforeAssignment(name)), at: position) }
        return nil
    }

    /// Binds `name` in the running function's scope, or in the session at the top level.
    func assign(_ name: String, _ value: Value) {
        if let scope = frames.scope { scope[name] = value } else { variables[name] = value }
    }

    /// A function value from its definition: defaults evaluated now, the current scope captured.
    func makeFunction(_ definition: FunctionDefinition) throws(LanguageError) -> UserFunction {
        var defaults: [Value?] = []
        for parameter in definition.parameters {
            defaults.append(try parameter.defaultValue.map { (e: Expr) throws(LanguageError) -> Value in try evaluate(e) })
        }
        return UserFunction(definition: definition, defaults: defaults, captured: frames.scope, source: frames.source)
    }

    /// Runs `statements` in the current scope until one returns.
    func execute(_ statements: [Statement]) throws(LanguageError) -> Flow {
        for statement in statements {
            switch statement {
            case .assign(let name, _, let expr):
                assign(name, try evaluate(expr))
            case .assignLocal(let name, let slot, let expr):
                let value = try evaluate(expr)
                if let scope = frames.scope, slot < scope.count { scope[slot: slot] = value } else { assign(name, value) }
            case .expression(let expr):
                _ = try evaluate(expr)
            case .help:
                _ = try run([statement])
            case .define(let definition):
                assign(definition.name, .closure(try makeFunction(definition)))
            case .return(let expr):
                return .returned(try expr.map { (e: Expr) throws(LanguageError) -> Value in try evaluate(e) } ?? .none)
            case .setItem(let name, let position, let key, let value):
                try setItem(name, at: position, key: key, value: value)
            case .branches(let branches, let otherwise):
                var body = otherwise
                for branch in branches where try truth(try evaluate(branch.condition), at: branch.condition.position) {
                    body = branch.body
                    break
                }
                if case .returned(let value) = try execute(body) { return .returned(value) }
            }
        }
        return .next
    }

    /// A call whose callee is a name bound to a user function, or a name local to the
    /// running function (a parameter holding a builtin, say); `nil` for every other
    /// callee. User functions shadow builtins of the same name, as in Python.
    func callThroughVariable(_ callee: Expr, _ arguments: [Argument], at position: SourcePosition) throws(LanguageError) -> Value? {
        let name: String, value: Value
        switch callee.kind {
        case .local(let local, let slot):
            guard let found = try slotValue(local, slot, at: callee.position) else {
                return try call(Expr(kind: .name(local), position: callee.position, height: callee.height), arguments, at: position)
            }
            name = local
            value = found
        case .name(let global):
            name = global
            if frames.scope != nil, let local = try localValue(name, at: callee.position) {
                value = local
            } else if case .closure(let f)? = variables[name] {
                return try call(f, arguments, at: position)
            } else {
                return nil
            }
        default:
            return nil
        }
        switch value {
        case .closure(let f): return try call(f, arguments, at: position)
        case .function(let builtin): return try call(Expr(kind: .name(builtin), position: callee.position), arguments, at: position)
        default: throw LanguageError(.notAFunction(name: name, typeName: value.typeName), at: callee.position)
        }
    }

    /// Calls a user function: binds the arguments as Python does (positional, then
    /// keyword, then defaults), runs the body in a fresh scope chained to the one the
    /// function was defined in, and returns what `return` gave (or `none`).
    /// - Throws: `ArgumentError` for arguments that do not fit the parameters,
    ///   `RecursionError` past `maximumRecursion` nested calls, `Interrupted`.
    func call(_ function: UserFunction, _ arguments: [Argument], at position: SourcePosition) throws(LanguageError) -> Value {
        try pollInterrupt(at: position)
        let definition = function.definition
        let parameters = definition.parameters
        // The call's slots: the parameters first (`FunctionDefinition.slotNames`), then the other locals, unbound.
        let scope = Scope(names: function.slotNames, strict: true, parent: function.captured)
        var positionalCount = 0
        for argument in arguments {
            let value = try evaluate(argument.value)
            guard let keyword = argument.label else {
                guard positionalCount < parameters.count else {
                    let required = function.defaults.filter { $0 == nil }.count
                    let takes = required == parameters.count ? "\(parameters.count)" : "from \(required) to \(parameters.count)"
                    let given = arguments.filter { $0.label == nil }.count
                    throw LanguageError(.evaluation(.functionPositional(function: definition.name, takes: takes, parameters: parameters.count, given: given)), at: argument.position)
                }
                scope[slot: positionalCount] = value
                positionalCount += 1
                continue
            }
            guard let i = parameters.firstIndex(where: { $0.name == keyword }) else {
                throw LanguageError(.evaluation(.functionKeyword(function: definition.name, keyword: keyword, names: parameters.map(\.name))), at: argument.position)
            }
            guard scope[slot: i] == nil else {
                throw LanguageError(.evaluation(.functionDuplicate(function: definition.name, keyword: keyword)), at: argument.position)
            }
            scope[slot: i] = value
        }
        for i in parameters.indices where scope[slot: i] == nil {
            guard let value = function.defaults[i] else {
                let missing = parameters.indices.filter { scope[slot: $0] == nil && function.defaults[$0] == nil }.map { "'\(parameters[$0].name)'" }
                throw LanguageError(.evaluation(.functionMissing(function: definition.name, missing: missing)), at: position)
            }
            scope[slot: i] = value
        }
        guard frames.depth < Self.maximumRecursion else {
            throw LanguageError(.evaluation(.recursionLimit(function: definition.name, limit: Self.maximumRecursion)), at: position)
        }
        guard frames.stack.hasRoom() else {
            throw LanguageError(.evaluation(.stackFull(function: definition.name, depth: frames.depth)), at: position)
        }
        let saved = frames
        frames.scope = scope
        frames.depth += 1
        frames.source = function.source
        defer {
            let stack = frames.stack
            frames = saved
            frames.stack = stack
        }
        if case .returned(let value) = try execute(definition.body) { return value }
        return .none
    }
}

// MARK: - Help for user functions

extension UserFunction {
    /// What `help(f)`, `?f` and Shift-Tab show: the signature, the docstring's first
    /// paragraph as the summary, a row per parameter with its default, the rest of the docstring.
    var helpTopic: HelpTopic {
        let doc = Self.cleanedDocstring(definition.doc ?? "")
        let paragraphs = doc.split(separator: "\n\n", maxSplits: 1).map { String($0).trimmingBlanks }
        let summary = paragraphs.first.flatMap { $0.isEmpty ? nil : $0 }
            ?? "A function defined in this session (line \(definition.position.line) of its cell)."
        let rows = zip(definition.parameters, defaults).map { parameter, value in
            HelpTopic.Row(name: parameter.name, meaning: "", type: "any", defaultText: value?.plain ?? "required", allowed: "")
        }
        return HelpTopic(signature: signature, summary: summary, rows: rows, sections: [],
                         doc: paragraphs.count > 1 ? paragraphs[1] : "", reference: "")
    }

    /// A docstring without the indentation its continuation lines share (as Python's
    /// `inspect.cleandoc`), and without leading and trailing blank lines.
    static func cleanedDocstring(_ doc: String) -> String {
        let lines = doc.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let margins = lines.dropFirst().filter { !$0.trimmingBlanks.isEmpty }.map { $0.prefix { $0 == " " || $0 == "\t" }.count }
        let margin = margins.min() ?? 0
        let cleaned = [lines.first?.trimmingBlanks ?? ""] + lines.dropFirst().map { String($0.dropFirst(min(margin, $0.count))) }
        return cleaned.joined(separator: "\n").trimmingBlanks
    }
}
