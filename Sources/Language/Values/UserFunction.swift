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
    /// The cell run that defined it (`CallFrames.source`): its body's positions are in that cell.
    let source: Int
    /// The parameters' names, in order, and every name local to the body: kept as
    /// arrays because a call's scope is searched linearly (see `Scope`).
    let parameterNames: [String]
    let localNames: [String]

    init(definition: FunctionDefinition, defaults: [Value?], captured: Scope?, source: Int) {
        self.definition = definition
        self.defaults = defaults
        self.captured = captured
        self.source = source
        parameterNames = definition.parameters.map(\.name)
        localNames = definition.locals.sorted()
    }

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
/// A scope holds a handful of names, so it keeps them in arrays searched linearly:
/// comparing short strings is cheaper than hashing them, and a call then allocates
/// no hash table (name lookups went from 19% to 10% of bench/language.sh's calls).
///
/// `@unchecked Sendable`: a scope is created, read and written only by the thread
/// running the cell (the interpreter is single-threaded; worker threads of an
/// operation never see language values), so no two threads touch one.
public final class Scope: @unchecked Sendable {
    /// The names bound so far and their values, index for index.
    private var names: [String]
    private var values: [Value]
    /// The names that are local to this scope even before they are bound.
    let locals: [String]
    /// The scope this one was defined in.
    let parent: Scope?

    init(names: [String], values: [Value], locals: [String], parent: Scope?) {
        self.names = names
        self.values = values
        self.locals = locals
        self.parent = parent
    }

    /// The value bound to `name` here (not in a parent), or `nil`; setting binds it.
    subscript(name: String) -> Value? {
        get {
            for i in names.indices where names[i] == name { return values[i] }
            return nil
        }
        set {
            guard let newValue else { return }
            if let i = names.firstIndex(of: name) {
                values[i] = newValue
            } else {
                names.append(name)
                values.append(newValue)
            }
        }
    }
}
