import Display
import JSON
import Language
import NumericCore
import Synchronization

/// The language's `Session` behind the kernel's `Interpreter` interface. Each cell
/// gets a fresh `WorkMonitor` that an interrupt cancels. (Progress of long work needs
/// nothing here: the language shows it on the cell's sink as a display that it
/// updates in place, which `IOPubSink` sends as `update_display_data`.)
///
/// The language runs one cell at a time, so the session is behind a lock: a cell sent
/// on a subshell, and completion or help asked on one, wait for the main shell's
/// cell to end. `isComplete` only parses, so it is answered at once from any shell.
public final class SessionInterpreter: Interpreter, @unchecked Sendable {
    // The session is used under `lock` only; the monitor slot is shared with the
    // control and signal threads, hence its own mutex.
    private let session = Session()
    private let lock = Mutex<Void>(())
    private let running = Mutex<WorkMonitor?>(nil)

    /// Makes an interpreter over a fresh session.
    public init() {}

    /// Runs the cell in the session with a fresh monitor that `interrupt()` can cancel.
    public func execute(_ code: String, context: ExecutionContext) -> CellOutcome {
        lock.withLock { _ in
            let monitor = WorkMonitor()
            running.withLock { $0 = monitor }
            defer { running.withLock { $0 = nil } }
            return session.execute(code, sink: context.sink, monitor: monitor)
        }
    }

    /// The session's completions.
    public func complete(_ code: String, cursor: Int) -> Completion {
        lock.withLock { _ in session.complete(code, cursor: cursor) }
    }

    /// The session's help for the name at the cursor.
    public func inspect(_ code: String, cursor: Int, detailLevel: Int) -> MIMEBundle? {
        lock.withLock { _ in session.inspect(code, cursor: cursor, detailLevel: detailLevel) }
    }

    /// The session's verdict on whether the code can run (a parse; no session state).
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
