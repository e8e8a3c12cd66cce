import NumericCore

/// A plain function the language exposes next to the models: schedule constructors
/// (`cosine(0.1, warmup=100)`), helpers such as `refine(run)` or `optimum(table)`.
/// Like `ModelFamily`, its parameters drive checking, completion and help.
public struct ModelFunction: Sendable {
    /// The name in the language.
    public var name: String
    /// One line: what it returns.
    public var summary: String
    /// Longer help, formulas and conventions.
    public var doc: String
    /// The paper(s) and equation(s) behind it ("" if none).
    public var reference: String
    /// Its parameters, in positional order.
    public var parameters: [ParameterSpec]
    /// Checks that involve several parameters at once.
    public var validate: @Sendable (ParameterSet) throws(ModelError) -> Void
    /// A conservative estimate of memory and time, checked against the cell's limits
    /// before running (as `ModelOperation.estimate`); `nil` if always cheap.
    public var estimate: (@Sendable (_ arguments: ParameterSet) -> WorkEstimate)?
    /// Does the work.
    public var run: @Sendable (_ arguments: ParameterSet, _ monitor: WorkMonitor) throws -> OperationResult

    /// Makes a function description.
    public init(name: String, summary: String, doc: String, reference: String = "", parameters: [ParameterSpec],
                validate: @escaping @Sendable (ParameterSet) throws(ModelError) -> Void = { _ throws(ModelError) in },
                estimate: (@Sendable (ParameterSet) -> WorkEstimate)? = nil,
                run: @escaping @Sendable (ParameterSet, WorkMonitor) throws -> OperationResult) {
        self.name = name
        self.summary = summary
        self.doc = doc
        self.reference = reference
        self.parameters = parameters
        self.validate = validate
        self.estimate = estimate
        self.run = run
    }
}
