import Display
import JSON
import Language
import Numerics
import Synchronization

/// The language's `Session` behind the kernel's `Interpreter` interface. Each cell
/// gets a fresh `WorkMonitor`: an interrupt cancels it, and the progress it reports
/// becomes a display that is updated in place (`update_display_data`).
public final class SessionInterpreter: Interpreter, @unchecked Sendable {
    // `session` is used only from the shell thread (see `Interpreter`); the monitor
    // slot is shared with the control and signal threads, hence the mutex.
    private let session = Session()
    private let running = Mutex<WorkMonitor?>(nil)

    /// Makes an interpreter over a fresh session.
    public init() {}

    public func execute(_ code: String, context: ExecutionContext) -> CellOutcome {
        let progress = ProgressDisplay(sink: context.sink, cell: context.executionCount)
        let monitor = WorkMonitor { progress.report($0) }
        running.withLock { $0 = monitor }
        defer { running.withLock { $0 = nil } }
        return session.execute(code, sink: context.sink, monitor: monitor)
    }

    public func complete(_ code: String, cursor: Int) -> Completion {
        session.complete(code, cursor: cursor)
    }

    public func inspect(_ code: String, cursor: Int, detailLevel: Int) -> MIMEBundle? {
        session.inspect(code, cursor: cursor, detailLevel: detailLevel)
    }

    public func isComplete(_ code: String) -> Completeness {
        session.isComplete(code)
    }

    public var kernelInfo: KernelInfo {
        KernelInfo(implementation: "solvable", implementationVersion: "0.1.0",
                   languageInfo: Session.languageInfo, banner: Session.banner)
    }

    public func interrupt() {
        running.withLock { $0?.cancel() }
    }

    public func shutdown(restart: Bool) {}
}
