import Models
import NumericCore

// MARK: - Operations and sweeps

extension Interpreter {
    /// The most points a sweep grid may have.
    static let maximumSweepPoints = 100_000

    /// One swept argument: its name, its values, and where it was written.
    private struct Sweep {
        var name: String
        var values: [Value]
        var position: SourcePosition
    }

    /// `theory(m, P=...)` and any other operation, with its arguments bound: model
    /// parameters may be overridden or swept (given as a list), operation parameters are
    /// checked against their specs, the cost is estimated and refused if too large, then
    /// the work runs once per point of the sweep grid and the tables are concatenated
    /// with a column per swept parameter.
    func runOperation(_ operation: ModelOperation, of family: ModelFamily, _ c: CallContext) throws(LanguageError) -> Value {
        guard case .model(let model)? = c.value("model") else {
            throw LanguageError(.needsModel(operation: operation.name, given: c.value("model")?.typeName), at: c.position)
        }
        let name = operation.name, position = c.position
        var bound = c.arguments
        bound["model"] = nil
        if operation.parameters.contains(where: { $0.name == "seed" }), bound["seed"] == nil, let seed {
            bound["seed"] = BoundArgument(value: .number(seed), position: position)
        }
        // Sweeps: list values for scalar parameters.
        var sweeps: [Sweep] = []
        let specs = operation.parameters + family.parameters.filter { s in !operation.parameters.contains { $0.name == s.name } }
        for spec in specs {
            guard let argument = bound[spec.name], argument.value.isSequence, spec.kind != .vector else { continue }
            guard spec.sweepable else {
                throw LanguageError(.cannotSweep(parameter: spec.name), at: argument.position)
            }
            let values = argument.value.elements ?? []
            guard !values.isEmpty else {
                throw LanguageError(.emptySweep(parameter: spec.name), at: argument.position)
            }
            sweeps.append(Sweep(name: spec.name, values: values, position: argument.position))
        }
        // The grid of points, first sweep outermost; its size is checked before it is built.
        let gridSize = sweeps.reduce(1.0) { $0 * Double($1.values.count) }
        if gridSize > Double(Self.maximumSweepPoints) {
            throw LanguageError(.sweepTooLarge(points: gridSize, factors: sweeps.map { ($0.name, $0.values.count) },
                                               limit: Self.maximumSweepPoints), at: position)
        }
        var points: [[String: Value]] = [[:]]
        for sweep in sweeps {
            points = points.flatMap { point in sweep.values.map { v in point.merging([sweep.name: v]) { $1 } } }
        }
        // Check every point's arguments before running anything.
        var prepared: [(model: ParameterSet, arguments: ParameterSet)] = []
        for point in points {
            prepared.append(try prepare(point: point, bound: bound, model: model, operation: operation, at: position))
        }
        try checkCost(operation, prepared, name: name, family: family.name, at: position)
        // Run.
        var results: [Table] = []
        let displayID = newProgressID()
        for (i, (point, (modelSet, argumentSet))) in zip(points, prepared).enumerated() {
            try checkInterrupt(at: position)
            let here = sweeps.map { "\($0.name)=\(point[$0.name]!.plain)" }.joined(separator: ", ")
            let suffix = sweeps.isEmpty ? "" : " [point \(i + 1)/\(points.count): \(here)]"
            let result: OperationResult
            do {
                result = try withProgress(displayID: displayID, suffix: suffix) { monitor in
                    try operation.run(modelSet, argumentSet, monitor)
                }
            } catch {
                throw languageError(error, arguments: bound, at: position)
            }
            if sweeps.isEmpty { return value(of: result) }
            results.append(try tagged(value(of: result), with: sweeps.map { ($0.name, point[$0.name]!) }, at: position))
        }
        return .table(try concatenate(results, at: position))
    }

    /// The checked model and operation parameter sets for one grid point.
    private func prepare(point: [String: Value], bound: [String: BoundArgument], model: ModelInstance,
                         operation: ModelOperation, at position: SourcePosition) throws(LanguageError) -> (ParameterSet, ParameterSet) {
        let operationNames = Set(operation.parameters.map(\.name))
        let modelSet = try parameterSet(model.family.parameters.filter { !operationNames.contains($0.name) }, from: bound,
                                        override: point, into: model.parameters)
        do {
            try model.family.validate(modelSet)
        } catch {
            throw languageError(error, arguments: bound, at: position)
        }
        return (modelSet, try parameterSet(operation.parameters, from: bound, override: point))
    }

    /// Refuses work whose estimate over the whole grid exceeds the memory limit, the
    /// time the cell has left, or the operation's own `budget=`.
    private func checkCost(_ operation: ModelOperation, _ prepared: [(model: ParameterSet, arguments: ParameterSet)],
                           name: String, family: String, at position: SourcePosition) throws(LanguageError) {
        guard let estimate = operation.estimate else { return }
        var bytes = 0.0, seconds = 0.0
        for (m, a) in prepared {
            let e = estimate(m, a)
            bytes = max(bytes, e.bytes)
            seconds += e.seconds
        }
        // An operation with a `budget=` parameter lets the caller set a tighter time limit.
        if case .number(let budget)? = prepared.first?.arguments["budget"], !(seconds <= budget) {
            throw LanguageError(.resource(.overBudget(what: "\(name)(\(family))", seconds: seconds, budget: budget)), at: position)
        }
        try admit(WorkEstimate(bytes: bytes, seconds: seconds), for: "\(name)(\(family))",
                  advice: "reduce the dimension, sample sizes, trials or grid", at: position)
    }

    /// A result with one column per swept parameter holding that point's value.
    private func tagged(_ value: Value, with tags: [(String, Value)], at position: SourcePosition) throws(LanguageError) -> Table {
        let table: Table
        switch value {
        case .table(let t): table = t
        case .record(let fields): table = Value.recordTable(fields)
        default:
            throw LanguageError(.evaluation(.unsweepableResult(typeName: value.typeName)), at: position)
        }
        var columns = table.columns.filter { c in !tags.contains { $0.0 == c.name } }
        for (name, tag) in tags {
            switch tag {
            case .number(let x): columns.append(Table.Column(name, [Double](repeating: x, count: table.rowCount)))
            default: columns.append(Table.Column(name, strings: [String](repeating: tag.printed, count: table.rowCount)))
            }
        }
        return Table(columns: columns, caption: table.caption, role: table.role)
    }
}
