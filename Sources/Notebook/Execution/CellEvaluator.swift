import Display
import JSON
import Language
import NumericCore

/// What the executor needs from an interpreter: run one cell's code, sending outputs
/// to a sink, and re-evaluate an `explore` for the frames of a static report.
/// `Session` is the real one; tests may supply a scripted evaluator.
public protocol CellEvaluator: AnyObject {
    /// Runs `code`, streaming outputs to `sink` and polling `monitor` for interrupts.
    func execute(_ code: String, sink: OutputSink, monitor: WorkMonitor) -> CellOutcome
    /// Re-evaluates explore `id` with its controls set to `settings` (see `Session.reexplore`).
    func reexplore(_ id: Int, settings: [JSONValue], sink: OutputSink, monitor: WorkMonitor) -> Result<MIMEBundle, CellError>
}

extension CellEvaluator {
    /// An evaluator without explore: every re-evaluation is an error saying so.
    public func reexplore(_ id: Int, settings: [JSONValue], sink: OutputSink, monitor: WorkMonitor) -> Result<MIMEBundle, CellError> {
        .failure(CellError(ename: "NameError", evalue: "this evaluator has no explore \(id)", traceback: []))
    }
}

extension Session: CellEvaluator {}
