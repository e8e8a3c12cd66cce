import Display
import JSON
import Kernel
import Language
import Notebook
import NumericCore
import Synchronization

/// The glue between the language and the kernel: the language's `Session` behind the
/// kernel's language-neutral `Interpreter`. Each cell gets a fresh `WorkMonitor` that
/// an interrupt cancels, and an `OutputRecorder` (the one that also writes notebooks)
/// that turns what the cell shows into iopub content for the kernel to publish.
///
/// The language runs one cell at a time, so the session is behind a lock: a cell sent
/// on a subshell, and completion or help asked on one, wait for the main shell's
/// cell to end. `isComplete` only parses, so it is answered at once from any shell.
/// Widget comms (`explore`) are answered from the widget board without the lock
/// (`comm_info`, `request_state`, `request_states`, `echo_update` come at once on a
/// subshell), and the redraw a move asks for runs on the session's explores (a copy
/// of the session as the last cell left it), so it too ends while a cell runs.
public final class SessionInterpreter: Interpreter, @unchecked Sendable {
    // The monitor slot is shared with the control and signal threads, hence its own mutex.
    private let session = LockedSession()
    private let running = Mutex<WorkMonitor?>(nil)
    private let widgets = WidgetBoard()
    private let redrawer: ExploreRedrawer

    /// Makes an interpreter over a fresh session.
    public init() {
        let explores = session.explores
        redrawer = ExploreRedrawer(board: widgets) { id, settings, sink, monitor in
            explores.redraw(id, settings: settings, sink: sink, monitor: monitor).map(\.bundle)
        }
    }

    /// Runs the cell in the session with a fresh monitor that `interrupt()` can cancel.
    public func execute(_ code: String, context: ExecutionContext) -> ExecutionOutcome {
        let publisher = context.publisher
        let widgets = widgets
        let recorder = OutputRecorder(keepsOutputs: false, forward: { type, content in
            // An explore display opens its widgets first, then shows them.
            let shown = type == "display_data" ? widgets.open(display: content, publisher: publisher) : nil
            publisher.publish(type, shown ?? content)
        },
                                      input: { prompt, password, isCancelled in
            switch publisher.input(prompt, password: password, isCancelled: isCancelled) {
            case .line(let line): return .success(line)
            case .notAllowed(let why): return .failure(.unavailable(why))
            case .interrupted: return .failure(.interrupted)
            }
        })
        let outcome: CellOutcome = session.run { session in
            let monitor = WorkMonitor()
            running.withLock { $0 = monitor }
            defer { running.withLock { $0 = nil } }
            return session.execute(code, sink: recorder, monitor: monitor)
        }
        switch outcome {
        case .success(let result, let payloads): return .ok(result: result.map(Self.data), payloads: payloads)
        case .failure(let error):
            return .error(ExecutionError(ename: error.ename, evalue: error.evalue, traceback: error.traceback))
        }
    }

    /// The session's completions.
    public func complete(_ code: String, cursor: Int) -> CompletionReply {
        let completion = session.run { $0.complete(code, cursor: cursor) }
        return CompletionReply(matches: completion.matches, cursorStart: completion.cursorStart,
                               cursorEnd: completion.cursorEnd, metadata: completion.metadata)
    }

    /// The session's help for the name at the cursor.
    public func inspect(_ code: String, cursor: Int, detailLevel: Int) -> MIMEData? {
        session.run { $0.inspect(code, cursor: cursor, detailLevel: detailLevel) }.map(Self.data)
    }

    /// The session's verdict on whether the code can run (a parse; no session state).
    public func isComplete(_ code: String) -> CompletenessReply {
        switch session.isComplete(code) {
        case .complete: return .complete
        case .incomplete(let indent): return .incomplete(indent: indent)
        case .invalid: return .invalid
        case .unknown: return .unknown
        }
    }

    /// `solvable` with the session's language info and banner.
    public var kernelInfo: KernelInfo {
        KernelInfo(implementation: "solvable", implementationVersion: "0.1.0",
                   languageInfo: Session.languageInfo, banner: Session.banner)
    }

    /// Cancels the running cell's monitor (thread-safe); a no-op between cells.
    public func interrupt() {
        running.withLock { $0?.cancel() }
    }

    /// The ipywidgets targets: `jupyter.widget` and `jupyter.widget.control`.
    public var commTargets: [String] { WidgetBoard.targets }

    /// Widget messages: answered at once from the widget board (no session lock), a
    /// control's move queued for the redrawer.
    public func comm(_ message: CommMessage, publisher: any OutputPublisher) {
        if let redraw = widgets.handle(message, publisher: publisher) { redrawer.request(redraw) }
    }

    /// Nothing to release: the session lives in memory only.
    public func shutdown(restart: Bool) {}

    /// A display as the protocol carries it.
    private static func data(_ bundle: MIMEBundle) -> MIMEData {
        MIMEData(data: bundle.dataJSON, metadata: bundle.metadataJSON)
    }
}
