import Models
import NumericCore

extension ModelFamily {
    /// The table operation `name` returns for untyped parameter sets, as the language
    /// passes them: the operation reads and checks its typed parameters (defaults from
    /// their declarations) and throws the model's own errors (`ModelError`, `WorkCancelled`).
    /// One helper for every family, in place of an adapter per model.
    public func table(_ name: String, _ model: ParameterSet, _ arguments: ParameterSet = ParameterSet(),
                      _ monitor: WorkMonitor = .none) throws -> Table {
        guard let operation = operation(name) else { throw OperationMismatch.missing(family: self.name, operation: name) }
        guard case .table(let table) = try operation.run(model, arguments, monitor) else {
            throw OperationMismatch.notATable(family: self.name, operation: name)
        }
        return table
    }
}

/// Why `ModelFamily.table` could not run: the test named an operation the family lacks,
/// or one that returns something other than a table.
public enum OperationMismatch: Error, Equatable {
    /// No operation of that name.
    case missing(family: String, operation: String)
    /// The operation returned a record or a schedule.
    case notATable(family: String, operation: String)
}
