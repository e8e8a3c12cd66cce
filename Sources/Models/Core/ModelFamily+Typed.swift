import NumericCore

// The typed way to describe models, operations and functions: each takes the
// `ParameterGroup` types that declare its parameters, and its closures receive typed
// values. The stored, type-erased closures read and check the `ParameterSet` once, here.

extension ModelFamily {
    /// A family whose constructor parameters are `Model`'s declarations; `validate`
    /// checks combinations (single-parameter ranges are already checked).
    public init<Model: ParameterGroup>(name: String, summary: String, doc: String, reference: String,
                                       model: Model.Type,
                                       validate: (@Sendable (Model) throws(ModelError) -> Void)? = nil,
                                       operations: [ModelOperation]) {
        self.init(name: name, summary: summary, doc: doc, reference: reference, parameters: Model.parameters,
                  validate: { set throws(ModelError) in
                      let model = try Model(set)
                      try validate?(model)
                  },
                  operations: operations)
    }
}

extension ModelOperation {
    /// An operation on a `Model` with parameters `Arguments`.
    public init<Model: ParameterGroup, Arguments: ParameterGroup>(
        name: String, summary: String, model: Model.Type, arguments: Arguments.Type,
        estimate: (@Sendable (Model, Arguments) -> WorkEstimate)? = nil,
        run: @escaping @Sendable (Model, Arguments, WorkMonitor) throws -> OperationResult) {
        var erased: (@Sendable (ParameterSet, ParameterSet) -> WorkEstimate)?
        if let estimate {
            erased = { model, arguments in
                // Arguments that do not read are refused by `run`; estimate nothing.
                guard let m = try? Model(model), let a = try? Arguments(arguments) else {
                    return WorkEstimate(bytes: 0, seconds: 0)
                }
                return estimate(m, a)
            }
        }
        self.init(name: name, summary: summary, parameters: Arguments.parameters, estimate: erased,
                  run: { model, arguments, monitor in try run(try Model(model), try Arguments(arguments), monitor) })
    }

    /// An operation that returns a table (most of them).
    public static func table<Model: ParameterGroup, Arguments: ParameterGroup>(
        _ name: String, _ summary: String, model: Model.Type, arguments: Arguments.Type,
        estimate: (@Sendable (Model, Arguments) -> WorkEstimate)? = nil,
        run: @escaping @Sendable (Model, Arguments, WorkMonitor) throws -> Table) -> ModelOperation {
        ModelOperation(name: name, summary: summary, model: model, arguments: arguments, estimate: estimate) {
            .table(try run($0, $1, $2))
        }
    }
}

extension ModelFunction {
    /// A function whose parameters (in positional order) are `Arguments`' declarations.
    public init<Arguments: ParameterGroup>(name: String, summary: String, doc: String, reference: String = "",
                                           arguments: Arguments.Type,
                                           validate: (@Sendable (Arguments) throws(ModelError) -> Void)? = nil,
                                           estimate: (@Sendable (Arguments) -> WorkEstimate)? = nil,
                                           run: @escaping @Sendable (Arguments, WorkMonitor) throws -> OperationResult) {
        var erased: (@Sendable (ParameterSet) -> WorkEstimate)?
        if let estimate {
            erased = { set in
                // Arguments that do not read are refused by `run`; estimate nothing.
                guard let arguments = try? Arguments(set) else { return WorkEstimate(bytes: 0, seconds: 0) }
                return estimate(arguments)
            }
        }
        self.init(name: name, summary: summary, doc: doc, reference: reference, parameters: Arguments.parameters,
                  validate: { set throws(ModelError) in try validate?(try Arguments(set)) }, estimate: erased,
                  run: { set, monitor in try run(try Arguments(set), monitor) })
    }
}

/// An operation that takes no parameters of its own.
public struct NoArguments: ParameterGroup {
    /// Nothing to declare.
    public init() {}
}
