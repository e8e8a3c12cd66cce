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
    /// The evaluator's explores, redrawn from any thread (nil: an evaluator without explore).
    var exploreShelf: ExploreShelf? { get }
    /// Re-evaluates explore `id` with its controls set to `settings`, on the evaluator's
    /// own turn (see `Session.exploreFrame`).
    func exploreFrame(_ id: Int, settings: [JSONValue], sink: OutputSink, monitor: WorkMonitor) -> Result<ExploreShelf.Drawn, CellError>
}

extension CellEvaluator {
    /// No explores.
    public var exploreShelf: ExploreShelf? { nil }
    /// An evaluator without explore: every re-evaluation is an error saying so.
    public func exploreFrame(_ id: Int, settings: [JSONValue], sink: OutputSink, monitor: WorkMonitor) -> Result<ExploreShelf.Drawn, CellError> {
        .failure(CellError(ename: "NameError", evalue: "this evaluator has no explore \(id)", traceback: []))
    }
}

extension Session: CellEvaluator {
    /// The session's explores.
    public var exploreShelf: ExploreShelf? { explores }
}
