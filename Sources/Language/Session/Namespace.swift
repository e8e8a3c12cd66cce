/// The session's variables, with what a cell reads and binds recorded while a trace
/// is on (the cell cache keys a cell on the values it read), and names whose values
/// are deferred: bound by a cell whose outputs were restored from the cache and
/// rebuilt only if a later cell reads them (see `Session.defer`).
///
/// A class, so the interpreter, the session and the cache share one namespace.
final class Namespace: Sequence {
    private var values: [String: Value] = [:]
    private var deferred: [String: () -> Value?] = [:]
    private(set) var trace: NamespaceTrace?

    /// The value bound to `name`, building a deferred one first; a read while tracing.
    subscript(name: String) -> Value? {
        get {
            if trace?.bound.contains(name) == false { trace?.read.insert(name) }
            if let value = values[name] { return value }
            guard let build = deferred.removeValue(forKey: name) else { return nil }
            let value = build()
            values[name] = value
            return value
        }
        set {
            trace?.bound.insert(name)
            deferred[name] = nil
            values[name] = newValue
        }
    }

    /// Every bound name, deferred ones included (for suggestions; not a read).
    var keys: [String] { Array(values.keys) + Array(deferred.keys) }

    /// Binds `name` to a value built on first read.
    func bindDeferred(_ name: String, build: @escaping () -> Value?) {
        values[name] = nil
        deferred[name] = build
    }

    /// Starts recording reads and bindings.
    func startTrace() { trace = NamespaceTrace() }

    /// Stops recording and returns what was read and bound.
    func stopTrace() -> NamespaceTrace {
        defer { trace = nil }
        return trace ?? NamespaceTrace()
    }

    /// The built values (deferred ones are not built by iterating).
    func makeIterator() -> Dictionary<String, Value>.Iterator { values.makeIterator() }
}

/// What one cell did to the namespace: names it read before binding them (its inputs)
/// and names it bound.
struct NamespaceTrace {
    var read: Set<String> = []
    var bound: Set<String> = []
}
