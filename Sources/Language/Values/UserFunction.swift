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
    /// The names of a call's slots (`FunctionDefinition.slotNames`), worked out once.
    let slotNames: [String]

    init(definition: FunctionDefinition, defaults: [Value?], captured: Scope?, source: Int) {
        self.definition = definition
        self.defaults = defaults
        self.captured = captured
        self.source = source
        slotNames = definition.slotNames
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
/// A scope's names are known before it runs (a function's parameters and other locals,
/// a comprehension's loop names), so its values live in slots in that order: the
/// resolver (`Resolver`) turns each local name of the program into a slot, read with
/// no lookup by name; the subscript by name is for the rare paths that have only a
/// name. The slots are a plain buffer the scope owns (an array of optionals cost a
/// generic-metadata lookup per call).
///
/// `@unchecked Sendable`: a scope is created, read and written only by the thread
/// running the cell (the interpreter is single-threaded; worker threads of an
/// operation never see language values), so no two threads touch one.
public final class Scope: @unchecked Sendable {
    /// The name of each slot.
    let names: [String]
    /// Whether an unbound slot is an error when read (a function's local read before it
    /// is assigned) rather than a name to look for further out (a comprehension's loop
    /// name before its loop has bound it).
    let strict: Bool
    /// The scope this one was defined in.
    let parent: Scope?
    /// One value per name, `nil` while unbound.
    private let slots: UnsafeMutablePointer<Value?>

    /// A scope with a slot per name, all unbound.
    init(names: [String], strict: Bool, parent: Scope?) {
        self.names = names
        self.strict = strict
        self.parent = parent
        slots = .allocate(capacity: names.count)
        slots.initialize(repeating: nil, count: names.count)
    }

    deinit {
        slots.deinitialize(count: names.count)
        slots.deallocate()
    }

    /// How many slots there are.
    var count: Int { names.count }

    /// The value in slot `i` (`0 ..< count`), `nil` while unbound.
    subscript(slot i: Int) -> Value? {
        get { slots[i] }
        set { slots[i] = newValue }
    }

    /// The slot of `name` here (not in a parent), or `nil`.
    func slot(of name: String) -> Int? { names.firstIndex(of: name) }

    /// The value bound to `name` here (not in a parent), or `nil`; setting binds it
    /// (every name a scope binds has a slot: the parser counts a function's locals).
    subscript(name: String) -> Value? {
        get { slot(of: name).flatMap { slots[$0] } }
        set {
            guard let newValue, let i = slot(of: name) else { return }
            slots[i] = newValue
        }
    }
}
