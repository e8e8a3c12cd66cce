import Display
import JSON
import NumericCore

// MARK: - Re-evaluating an explore with new control values

extension Session {
    /// The MIME type of an `explore` display (`{id, controls}` beside the view).
    public static let exploreMIMEType = Exploration.mimeType

    /// The session's explores, redrawn from any thread without waiting for a cell.
    public var explores: ExploreShelf { interpreter.explores }

    /// Re-evaluates exploration `id` (from its display) with its controls set to
    /// `settings` (see `ExploreShelf.redraw`), on the session's turn, so a name restored
    /// from the cell cache is built in the session if the expression reads it.
    /// - Returns: the new view (the same representations the first display had, the
    ///   explore JSON carrying the new values), or the error, pointing at the control.
    public func reexplore(_ id: Int, settings: [JSONValue], sink: OutputSink, monitor: WorkMonitor) -> Result<MIMEBundle, CellError> {
        exploreFrame(id, settings: settings, sink: sink, monitor: monitor).map(\.bundle)
    }

    /// `reexplore`, with what the redraw cost and did.
    public func exploreFrame(_ id: Int, settings: [JSONValue], sink: OutputSink,
                             monitor: WorkMonitor) -> Result<ExploreShelf.Drawn, CellError> {
        let interpreter = interpreter
        return explores.draw(id, settings: settings, sink: sink, monitor: monitor) { interpreter.variables[$0] }
    }
}
