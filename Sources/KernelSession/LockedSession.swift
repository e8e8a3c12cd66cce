import Language
import Synchronization

/// The language's `Session` behind a lock: the language runs one thing at a time, so
/// cells, completion, help and explore redraws take turns.
final class LockedSession: @unchecked Sendable {  // `session` is used under `lock` only (or for a parse)
    private let session = Session()
    private let lock = Mutex<Void>(())

    /// Runs `body` on the session, waiting for whatever holds it.
    func run<T>(_ body: (Session) -> T) -> T {
        lock.withLock { _ in body(session) }
    }

    /// Whether `code` can run: a parse, which touches no session state, so needs no turn.
    func isComplete(_ code: String) -> Completeness { session.isComplete(code) }
}
