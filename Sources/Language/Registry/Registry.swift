import Models

/// The one registry of everything callable: the builtins, and the model families,
/// functions and operations of `ModelCatalog`. Evaluation, argument checking,
/// completion, inspection, `help` and the generated reference all read it, so adding
/// a model to the catalog touches no parser or evaluator code.
public struct Registry: Sendable {
    /// Builtins, in the order help lists them.
    let builtins: [Builtin]
    /// Model families (constructors such as `ridge(...)`).
    public let families: [ModelFamily]
    /// Plain model-level functions (schedules, helpers).
    public let functions: [ModelFunction]

    /// What a name in call position refers to.
    enum Entry {
        case builtin(Builtin)
        case family(ModelFamily)
        case function(ModelFunction)
        /// An operation such as `theory`, dispatched on its first argument's family.
        case operation(String)
    }

    /// Named constants available in every session.
    static let constants: [(name: String, value: Double, meaning: String)] = [
        ("pi", Double.pi, "π = 3.14159…"),
        ("inf", Double.infinity, "positive infinity (e.g. P=inf for online learning)"),
        ("nan", Double.nan, "not a number"),
    ]

    /// A registry of the builtins plus the given families and functions.
    public init(families: [ModelFamily] = ModelCatalog.families, functions: [ModelFunction] = ModelCatalog.functions) {
        self.builtins = Builtins.all
        self.families = families
        self.functions = functions
    }

    /// The names of all operations of all families, each once, in catalog order.
    public var operationNames: [String] {
        var seen: Set<String> = []
        var names: [String] = []
        for family in families {
            for op in family.operations where !seen.contains(op.name) && builtin(op.name) == nil {
                seen.insert(op.name)
                names.append(op.name)
            }
        }
        return names
    }

    /// The builtin called `name`.
    func builtin(_ name: String) -> Builtin? { builtins.first { $0.name == name } }

    /// What `name` refers to when called, if anything.
    func entry(_ name: String) -> Entry? {
        if let b = builtin(name) { return .builtin(b) }
        if let f = families.first(where: { $0.name == name }) { return .family(f) }
        if let f = functions.first(where: { $0.name == name }) { return .function(f) }
        if families.contains(where: { $0.operation(name) != nil }) { return .operation(name) }
        return nil
    }

    /// Every callable name and constant, for completion and suggestions.
    public var allNames: [String] {
        builtins.map(\.name) + families.map(\.name) + functions.map(\.name) + operationNames + Self.constants.map(\.name)
    }

    /// The families that have an operation called `name`.
    func families(withOperation name: String) -> [ModelFamily] {
        families.filter { $0.operation(name) != nil }
    }
}
