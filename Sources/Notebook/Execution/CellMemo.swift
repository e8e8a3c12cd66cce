import JSON

/// A memory of earlier runs that lets `NotebookExecutor` skip cells whose inputs are
/// unchanged (the cell cache of `solvable run`, in the CellCache target). Before each
/// code cell the executor asks `recall`; on `nil` it runs the cell between `willRun`
/// and `didRun`.
public protocol CellMemo: AnyObject {
    /// The outputs to restore for `cell` (the `codeCell`-th code cell, from 1) if its
    /// inputs are those of a recorded run, or `nil` to run it.
    func recall(_ cell: Cell, codeCell: Int) -> [JSONValue]?
    /// The cell is about to run.
    func willRun(_ cell: Cell, codeCell: Int)
    /// The cell ran, with these outputs; `succeeded` is false if it stopped with an error.
    func didRun(_ cell: Cell, codeCell: Int, outputs: [JSONValue], succeeded: Bool)
}
