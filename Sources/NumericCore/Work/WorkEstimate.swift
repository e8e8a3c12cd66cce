/// Memory and time a piece of work needs, for refusing impossible requests up front
/// against the cell's `ResourceLimits`.
public struct WorkEstimate: Sendable, Equatable {
    /// Peak bytes of memory.
    public var bytes: Double
    /// Expected wall-clock seconds on this 2-core machine when idle (see `WorkEstimate+Kernels.swift`).
    public var seconds: Double

    /// Makes an estimate.
    public init(bytes: Double, seconds: Double) {
        self.bytes = bytes
        self.seconds = seconds
    }
}
