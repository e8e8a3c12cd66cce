/// Memory and time a piece of work needs, for refusing impossible requests up front
/// against the cell's `ResourceLimits`.
public struct WorkEstimate: Sendable, Equatable {
    /// Peak bytes of memory.
    public var bytes: Double
    /// Seconds on this 2-core machine.
    public var seconds: Double

    /// Makes an estimate.
    public init(bytes: Double, seconds: Double) {
        self.bytes = bytes
        self.seconds = seconds
    }
}
