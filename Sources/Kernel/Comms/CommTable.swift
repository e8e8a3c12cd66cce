import JSON
import Synchronization

/// The comms open now, id → target name, for `comm_info_reply`. The core records the
/// comms the front end opens to a registered target, and the comms the interpreter
/// opens by publishing `comm_open`; either side's `comm_close` removes one. Safe from
/// any thread, so `comm_info` answers on a subshell while the main shell computes.
public final class CommTable: Sendable {
    private let open = Mutex<[String: String]>([:])

    /// Makes an empty table.
    public init() {}

    /// Records that `id` is open to `target`.
    public func opened(_ id: String, target: String) {
        open.withLock { $0[id] = target }
    }

    /// Forgets `id` (no-op if it is not open).
    public func closed(_ id: String) {
        _ = open.withLock { $0.removeValue(forKey: id) }
    }

    /// Whether `id` is open.
    public func contains(_ id: String) -> Bool { open.withLock { $0[id] != nil } }

    /// Records what a published iopub message does to the table (`comm_open`, `comm_close`).
    func observe(_ type: String, _ content: JSONValue) {
        guard let id = content["comm_id"]?.stringValue else { return }
        switch type {
        case "comm_open": opened(id, target: content["target_name"]?.stringValue ?? "")
        case "comm_close": closed(id)
        default: break
        }
    }

    /// The `comms` object of `comm_info_reply`: id → `{target_name}`, only those to
    /// `target` if it is given.
    public func info(target: String?) -> JSONValue {
        let entries = open.withLock { $0 }.filter { target == nil || $0.value == target }
        return .object(entries.mapValues { ["target_name": .string($0)] })
    }
}
