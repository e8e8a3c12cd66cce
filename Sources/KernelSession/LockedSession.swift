import Language
import Synchronization

/// The language's `Session` behind a lock: the language runs one thing at a time, so
/// cells, completion and help take turns. Explore redraws need no turn: they run on
/// the session's `explores`, a copy of the session that the running cell does not touch.
final class LockedSession: @unchecked Sendable {  // `session` is used under `lock` only (or for a parse)
    private let session = Session()
    private let lock = Mutex<Void>(())
    /// The session's explores, redrawn from any thread without the lock.
    let explores: ExploreShelf

    init() {
        explores = session.explores
    }

    /// Runs `body` on the session, waiting for whatever holds it.
    func run<T>(_ body: (Session) -> T) -> T {
        lock.withLock { _ in body(session) }
    }

    /// Whether `code` can run: a parse, which touches no session state, so needs no turn.
    func isComplete(_ code: String) -> Completeness { session.isComplete(code) }
}
