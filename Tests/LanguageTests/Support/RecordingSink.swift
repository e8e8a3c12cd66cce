import Display
import Language
import NumericCore

/// Records what a cell sends to its sink, in order.
final class RecordingSink: OutputSink {
    enum Event: Equatable {
        case stream(StreamName, String)
        case display(MIMEBundle, id: String?, update: Bool)
        case clear(wait: Bool)
    }

    var events: [Event] = []

    func stream(_ name: StreamName, _ text: String) { events.append(.stream(name, text)) }
    func display(_ bundle: MIMEBundle, displayID: String?, update: Bool) {
        events.append(.display(bundle, id: displayID, update: update))
    }
    func clearOutput(wait: Bool) { events.append(.clear(wait: wait)) }

    /// Everything written to `name`, concatenated.
    func text(_ name: StreamName) -> String {
        events.compactMap { if case .stream(name, let t) = $0 { return t }; return nil }.joined()
    }

    /// The displayed bundles (not progress updates).
    var displays: [MIMEBundle] {
        events.compactMap { if case .display(let b, let id, _) = $0, id == nil { return b }; return nil }
    }
}

/// A session (by default over the toy models), with helpers to run a cell.
struct Harness {
    let session: Session

    /// A harness over `session`; the default knows only the toy models.
    init(session: Session = Session(families: ToyModels.families, functions: ToyModels.functions)) {
        self.session = session
    }

    /// Runs `code`; returns the outcome and the sink.
    @discardableResult
    func run(_ code: String, monitor: WorkMonitor = WorkMonitor()) -> (CellOutcome, RecordingSink) {
        let sink = RecordingSink()
        return (session.execute(code, sink: sink, monitor: monitor), sink)
    }

    /// The text/plain of the cell's result ("" for none); records an issue on failure.
    func plain(_ code: String) -> String {
        switch run(code).0 {
        case .success(let result, _): return result?.plainText ?? ""
        case .failure(let e): return "FAILED " + e.traceback.joined(separator: "\n")
        }
    }

    /// The error of a cell that must fail, or `nil`.
    func error(_ code: String) -> CellError? {
        if case .failure(let e) = run(code).0 { return e }
        return nil
    }

    /// The number a cell evaluates to, or NaN.
    func number(_ code: String) -> Double {
        Double(plain(code)) ?? .nan
    }
}
