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
public final class SessionInterpreter: Interpreter, @unchecked Sendable {
    // The session is used under `lock` only; the monitor slot is shared with the
    // control and signal threads, hence its own mutex.
    private let session = Session()
    private let lock = Mutex<Void>(())
    private let running = Mutex<WorkMonitor?>(nil)

    /// Makes an interpreter over a fresh session.
    public init() {}

    /// Runs the cell in the session with a fresh monitor that `interrupt()` can cancel.
    public func execute(_ code: String, context: ExecutionContext) -> ExecutionOutcome {
        let publisher = context.publisher
        let recorder = OutputRecorder(keepsOutputs: false, forward: { publisher.publish($0, $1) },
                                      input: { prompt, password, isCancelled in
            switch publisher.input(prompt, password: password, isCancelled: isCancelled) {
            case .line(let line): return .success(line)
            case .notAllowed(let why): return .failure(.unavailable(why))
            case .interrupted: return .failure(.interrupted)
            }
        })
        let outcome: CellOutcome = lock.withLock { _ in
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
        let completion = lock.withLock { _ in session.complete(code, cursor: cursor) }
        return CompletionReply(matches: completion.matches, cursorStart: completion.cursorStart,
                               cursorEnd: completion.cursorEnd, metadata: completion.metadata)
    }

    /// The session's help for the name at the cursor.
    public func inspect(_ code: String, cursor: Int, detailLevel: Int) -> MIMEData? {
        lock.withLock { _ in session.inspect(code, cursor: cursor, detailLevel: detailLevel) }.map(Self.data)
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

    /// Nothing to release: the session lives in memory only.
    public func shutdown(restart: Bool) {}

    /// A display as the protocol carries it.
    private static func data(_ bundle: MIMEBundle) -> MIMEData {
        MIMEData(data: bundle.dataJSON, metadata: bundle.metadataJSON)
    }
}
