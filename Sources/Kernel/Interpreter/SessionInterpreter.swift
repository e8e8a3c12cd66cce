import Display
import JSON
import Language
import NumericCore
import Synchronization

/// The language's `Session` behind the kernel's `Interpreter` interface. Each cell
/// gets a fresh `WorkMonitor` that an interrupt cancels. (Progress of long work needs
/// nothing here: the language shows it on the cell's sink as a display that it
/// updates in place, which `IOPubSink` sends as `update_display_data`.)
public final class SessionInterpreter: Interpreter, @unchecked Sendable {
    // `session` is used only from the shell thread (see `Interpreter`); the monitor
    // slot is shared with the control and signal threads, hence the mutex.
    private let session = Session()
    private let running = Mutex<WorkMonitor?>(nil)

    /// Makes an interpreter over a fresh session.
    public init() {}

    /// Runs the cell in the session with a fresh monitor that `interrupt()` can cancel.
    public func execute(_ code: String, context: ExecutionContext) -> CellOutcome {
        let monitor = WorkMonitor()
        running.withLock { $0 = monitor }
        defer { running.withLock { $0 = nil } }
        return session.execute(code, sink: context.sink, monitor: monitor)
    }

    /// The session's completions.
    public func complete(_ code: String, cursor: Int) -> Completion {
        session.complete(code, cursor: cursor)
    }

    /// The session's help for the name at the cursor.
    public func inspect(_ code: String, cursor: Int, detailLevel: Int) -> MIMEBundle? {
        session.inspect(code, cursor: cursor, detailLevel: detailLevel)
    }

    /// The session's verdict on whether the code can run.
    public func isComplete(_ code: String) -> Completeness {
        session.isComplete(code)
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

    /// Nothing to release: the session lives in memory only.
    public func shutdown(restart: Bool) {}
}
