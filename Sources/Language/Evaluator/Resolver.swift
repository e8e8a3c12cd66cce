/// Resolves a cell's names once, before it runs: each name local to an enclosing
/// function or comprehension becomes `.local` with the slot it occupies at run time
/// (`Scope`), so reading it walks a known number of scopes and indexes an array
/// instead of comparing names. Names local to no enclosing scope stay `.name` (the
/// session's variables, constants and builtins, looked up when read, so a function
/// sees variables assigned after it was defined, as in Python).
///
/// The static scopes mirror the run-time ones exactly: a function's body runs in a
/// scope chained to the one it was defined in, a comprehension's clauses (after the
/// first iterable, which runs outside) in a scope of its loop names, and a function's
/// defaults are evaluated where it is defined.
struct Resolver {
    /// The names of the scopes around the code being resolved, innermost last.
    private var scopes: [[String]] = []

    /// `statements` with their local names resolved to slots.
    static func resolve(_ statements: [Statement]) -> [Statement] {
        var resolver = Resolver()
        return resolver.statements(statements)
    }

    /// The names a comprehension's scope holds, one slot each: its loop names, first use first.
    static func loopNames(_ clauses: [ComprehensionClause]) -> [String] {
        var names: [String] = []
        for case .loop(let name, _, _) in clauses where !names.contains(name) { names.append(name) }
        return names
    }

    private mutating func statements(_ list: [Statement]) -> [Statement] {
        list.map { statement($0) }
    }

    private mutating func statement(_ statement: Statement) -> Statement {
        switch statement {
        case .assign(let name, let position, let value):
            // In a function's body the innermost scope is the function's own.
            if let slot = scopes.last?.firstIndex(of: name) {
                return .assignLocal(name: name, slot: slot, value: expression(value))
            }
            return .assign(name: name, position: position, value: expression(value))
        case .assignLocal(let name, let slot, let value):
            return .assignLocal(name: name, slot: slot, value: expression(value))
        case .expression(let e): return .expression(expression(e))
        case .help: return statement
        case .define(let definition): return .define(function(definition))
        case .return(let e): return .return(e.map { expression($0) })
        case .setItem(let name, let position, let key, let value):
            return .setItem(name: name, position: position, key: expression(key), value: expression(value))
        case .branches(let branches, let otherwise):
            return .branches(branches.map { Branch(condition: expression($0.condition), body: statements($0.body)) },
                             otherwise: statements(otherwise))
        }
    }

    /// A definition whose defaults are resolved where it is written and whose body is
    /// resolved in a scope of its own slots.
    private mutating func function(_ definition: FunctionDefinition) -> FunctionDefinition {
        var resolved = definition
        resolved.parameters = definition.parameters.map { parameter in
            var p = parameter
            p.defaultValue = parameter.defaultValue.map { expression($0) }
            return p
        }
        scopes.append(definition.slotNames)
        resolved.body = statements(definition.body)
        scopes.removeLast()
        return resolved
    }

    private mutating func expression(_ e: Expr) -> Expr {
        var out = e
        switch e.kind {
        case .number, .string, .bool, .none, .local:
            return e
        case .name(let name):
            for (depth, names) in scopes.reversed().enumerated() {
                if let index = names.firstIndex(of: name) {
                    out.kind = .local(name, Slot(depth: depth, index: index))
                    break
                }
            }
        case .list(let items): out.kind = .list(items.map { expression($0) })
        case .unary(let op, let a): out.kind = .unary(op: op, expression(a))
        case .binary(let op, let a, let b): out.kind = .binary(op: op, expression(a), expression(b))
        case .call(let callee, let arguments):
            out.kind = .call(callee: expression(callee), arguments: arguments.map { argument in
                var resolved = argument
                resolved.value = expression(argument.value)
                return resolved
            })
        case .field(let base, let name, let namePosition):
            out.kind = .field(expression(base), name: name, namePosition: namePosition)
        case .index(let base, let key): out.kind = .index(expression(base), expression(key))
        case .chain(let first, let links):
            out.kind = .chain(expression(first), links.map { link in
                var resolved = link
                resolved.right = expression(link.right)
                return resolved
            })
        case .logical(let op, let a, let b): out.kind = .logical(op: op, expression(a), expression(b))
        case .not(let a): out.kind = .not(expression(a))
        case .conditional(let value, let condition, let otherwise):
            out.kind = .conditional(value: expression(value), condition: expression(condition), otherwise: expression(otherwise))
        case .lambda(let definition): out.kind = .lambda(function(definition))
        case .comprehension(let element, let clauses):
            var resolved = clauses
            // The first iterable is evaluated outside the comprehension's scope.
            if case .loop(let name, let position, let iterable)? = clauses.first {
                resolved[0] = .loop(name: name, position: position, iterable: expression(iterable))
            }
            scopes.append(Self.loopNames(clauses))
            for (i, clause) in clauses.enumerated() {
                switch clause {
                case .loop(let name, let position, let iterable) where i > 0:
                    resolved[i] = .loop(name: name, position: position, iterable: expression(iterable))
                case .loop: break
                case .filter(let condition): resolved[i] = .filter(expression(condition))
                }
            }
            out.kind = .comprehension(element: expression(element), clauses: resolved)
            scopes.removeLast()
        }
        return out
    }
}
