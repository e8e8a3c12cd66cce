import Dispatch
import JupyterProtocol
import Synchronization

/// The requests waiting for one shell (the main shell or a subshell): the router
/// thread puts them in as they arrive, the shell's own thread takes them one by one.
final class ShellQueue: Sendable {
    private let items = Mutex<[Message]>([])
    private let arrived = DispatchSemaphore(value: 0)

    /// Adds a request at the back.
    func put(_ message: Message) {
        items.withLock { $0.append(message) }
        arrived.signal()
    }

    /// The oldest request, waiting up to `milliseconds` for one.
    func take(milliseconds: Int) -> Message? {
        guard arrived.wait(timeout: .now() + .milliseconds(milliseconds)) == .success else { return nil }
        return items.withLock { $0.isEmpty ? nil : $0.removeFirst() }
    }

    /// Every request waiting now, and those that arrive until the queue has been
    /// quiet for `settleMilliseconds` (at most `limitMilliseconds` in all).
    func takeAll(settleMilliseconds: Int, limitMilliseconds: Int) -> [Message] {
        var taken = items.withLock { items in
            defer { items = [] }
            return items
        }
        let deadline = DispatchTime.now() + .milliseconds(limitMilliseconds)
        // Each request arrived signals once, so stale signals of requests already taken
        // wake this loop early; it then finds the queue empty and waits again.
        while DispatchTime.now() < deadline,
              arrived.wait(timeout: min(deadline, .now() + .milliseconds(settleMilliseconds))) == .success {
            taken += items.withLock { items in
                defer { items = [] }
                return items
            }
        }
        return taken
    }
}
