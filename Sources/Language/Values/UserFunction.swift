/// A function written in the language with `def` or `lambda`: its definition, the
/// defaults evaluated when it was defined (as in Python), and the local scope it was
/// defined in (`nil` at the top level, where it reads the session's names when called,
/// so a function sees variables assigned after its definition, as in Python).
public struct UserFunction: Sendable {
    let definition: FunctionDefinition
    /// One value per parameter, `nil` where the parameter is required.
    let defaults: [Value?]
    /// The enclosing function's or comprehension's scope, for closures.
    let captured: Scope?

    /// The name as written (`<lambda>` for a lambda).
    public var name: String { definition.name }

    /// `f(a, b=2)`.
    public var signature: String {
        let parts = zip(definition.parameters, defaults).map { p, d in d.map { "\(p.name)=\($0.plain)" } ?? p.name }
        return "\(name)(\(parts.joined(separator: ", ")))"
    }
}

/// The local names of one running function call or comprehension, chained to the
/// scope it was defined in. Python's rule holds: a name bound anywhere in a function's
/// body is local throughout that body.
///
/// `@unchecked Sendable`: a scope is created, read and written only by the thread
/// running the cell (the interpreter is single-threaded; worker threads of an
/// operation never see language values), so no two threads touch one.
public final class Scope: @unchecked Sendable {
    /// The names bound so far.
    var values: [String: Value]
    /// The names that are local to this scope even before they are bound.
    let locals: Set<String>
    /// The scope this one was defined in.
    let parent: Scope?

    init(values: [String: Value], locals: Set<String>, parent: Scope?) {
        self.values = values
        self.locals = locals
        self.parent = parent
    }
}
