/// Remembers the signatures of recently accepted messages and refuses a repeat:
/// a captured, validly signed message sent again is a replay (ipykernel keeps
/// a similar `digest_history`).
///
/// Holds at most `capacity` signatures; the oldest are forgotten first.
public struct ReplayGuard: Sendable {
    private var seen: Set<[UInt8]> = []
    private var order: [[UInt8]] = []
    private var head = 0
    /// How many recent signatures are remembered.
    public let capacity: Int

    /// Makes a guard that remembers `capacity` signatures (at least 1).
    public init(capacity: Int = 65_536) {
        self.capacity = max(1, capacity)
    }

    /// Records `signature`.
    /// - Returns: `false` if it was seen recently (the message must be dropped).
    public mutating func admit(_ signature: [UInt8]) -> Bool {
        if seen.contains(signature) { return false }
        if order.count < capacity {
            order.append(signature)
        } else {
            seen.remove(order[head])
            order[head] = signature
            head = (head + 1) % capacity
        }
        seen.insert(signature)
        return true
    }
}
