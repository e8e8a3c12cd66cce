import Language
import NumericCore

/// What the executor needs from an interpreter: run one cell's code, sending outputs
/// to a sink. `Session` is the real one; tests may supply a scripted evaluator.
public protocol CellEvaluator: AnyObject {
    /// Runs `code`, streaming outputs to `sink` and polling `monitor` for interrupts.
    func execute(_ code: String, sink: OutputSink, monitor: WorkMonitor) -> CellOutcome
}

extension Session: CellEvaluator {}
