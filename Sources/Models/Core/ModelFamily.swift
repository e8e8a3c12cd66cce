import NumericCore

/// A family of solvable models as the language sees it: its name, documentation,
/// constructor parameters and operations (`theory`, `simulate`, `frontier`, ...).
///
/// The language builds its builtins from `ModelCatalog.families`: `ridge(alpha=...)`
/// checks the arguments against `parameters` and makes a `ModelInstance`, and
/// `theory(m, P=...)` finds the operation called `theory` in `m`'s family. So adding
/// a model means adding a family to the catalog; no parser or evaluator code changes.
public struct ModelFamily: Sendable {
    /// The constructor's name in the language (`ridge`).
    public var name: String
    /// One line: what the model is.
    public var summary: String
    /// The longer help: the model, its conventions, what the columns mean.
    public var doc: String
    /// The paper(s) and equation(s) behind the theory.
    public var reference: String
    /// Constructor parameters with meaning, default and range.
    public var parameters: [ParameterSpec]
    /// Checks that involve several parameters at once (e.g. `warmup < steps`); the
    /// single-parameter ranges are checked before this is called.
    public var validate: @Sendable (ParameterSet) throws(ModelError) -> Void
    /// What can be done with an instance.
    public var operations: [ModelOperation]

    /// Makes a family description.
    public init(name: String, summary: String, doc: String, reference: String,
                parameters: [ParameterSpec],
                validate: @escaping @Sendable (ParameterSet) throws(ModelError) -> Void = { _ throws(ModelError) in },
                operations: [ModelOperation]) {
        self.name = name
        self.summary = summary
        self.doc = doc
        self.reference = reference
        self.parameters = parameters
        self.validate = validate
        self.operations = operations
    }

    /// The operation called `name`, or `nil`.
    public func operation(_ name: String) -> ModelOperation? { operations.first { $0.name == name } }
}

/// One thing a model can do: `theory(m, P=...)`, `simulate(m, P=..., trials=, seed=)`.
public struct ModelOperation: Sendable {
    /// The operation's name (`theory`, `simulate`, `frontier`).
    public var name: String
    /// One line: what it computes.
    public var summary: String
    /// Its parameters (besides the model itself).
    public var parameters: [ParameterSpec]
    /// A conservative estimate of memory (bytes) and time (seconds on 2 cores) for a
    /// call, checked before running so that impossible work is refused up front with a
    /// `ResourceError`. `nil` if the operation is always cheap.
    public var estimate: (@Sendable (_ model: ParameterSet, _ arguments: ParameterSet) -> WorkEstimate)?
    /// Does the work. Must poll `monitor` for cancellation and report progress for
    /// anything that takes more than a fraction of a second.
    public var run: @Sendable (_ model: ParameterSet, _ arguments: ParameterSet, _ monitor: WorkMonitor) throws -> OperationResult

    /// Makes an operation description.
    public init(name: String, summary: String, parameters: [ParameterSpec],
                estimate: (@Sendable (ParameterSet, ParameterSet) -> WorkEstimate)? = nil,
                run: @escaping @Sendable (ParameterSet, ParameterSet, WorkMonitor) throws -> OperationResult) {
        self.name = name
        self.summary = summary
        self.parameters = parameters
        self.estimate = estimate
        self.run = run
    }
}

/// What an operation returns.
public enum OperationResult: Sendable {
    /// A table (most operations).
    case table(Table)
    /// A few named numbers, e.g. `frontier` → `N*, t*, L*` (shown as a one-row table,
    /// fields readable as `r.N`).
    case record([(name: String, value: Double)])
    /// A schedule (e.g. `refine(run)`).
    case schedule(any Schedule)
}

/// A model made by a constructor call: its family and checked parameters.
public struct ModelInstance: Sendable {
    /// The family it belongs to.
    public var family: ModelFamily
    /// Every parameter of the family, defaults filled in.
    public var parameters: ParameterSet

    /// Makes an instance (the language checks the parameters first).
    public init(family: ModelFamily, parameters: ParameterSet) {
        self.family = family
        self.parameters = parameters
    }
}
