import Synchronization

/// The link between long-running work and whoever asked for it: a cancellation flag
/// that the work polls (an interrupt sets it) and a progress callback that the work
/// calls (the kernel turns it into `update_display_data`, the CLI into stderr lines).
///
/// Work calls `try monitor.checkCancelled()` at natural checkpoints (each trial,
/// each sweep point, every few hundred steps) and `monitor.report(...)` at most a few
/// times per second of work.
///
/// A monitor may also carry a deadline (the cell's time limit, `ResourceLimits`):
/// past it, `checkCancelled()` throws `WorkCancelled` with reason `.timeLimit`, so
/// long work stops at the same checkpoints as for an interrupt.
public final class WorkMonitor: Sendable {
    private let cancelled = Atomic<Bool>(false)
    private let deadline = Mutex<Deadline?>(nil)
    private let parent: WorkMonitor?
    private let onProgress: @Sendable (Progress) -> Void

    /// A snapshot of how far some work has come.
    public struct Progress: Sendable, Equatable {
        /// Units done so far.
        public var done: Int
        /// Units in all.
        public var total: Int
        /// What is being done, in a few words ("simulate ridge").
        public var label: String

        /// Makes a progress snapshot.
        public init(done: Int, total: Int, label: String) {
            self.done = done
            self.total = total
            self.label = label
        }

        /// `done / total`, clamped to [0, 1].
        public var fraction: Double {
            total > 0 ? min(1, max(0, Double(done) / Double(total))) : 0
        }
    }

    /// A monitor that forwards progress to `onProgress`.
    public init(onProgress: @escaping @Sendable (Progress) -> Void = { _ in }) {
        self.parent = nil
        self.onProgress = onProgress
    }

    /// A monitor for a piece of `parent`'s work: cancelled whenever `parent` is (read at
    /// each check, so an interrupt needs no watcher thread), with its own progress sink.
    public init(parent: WorkMonitor, onProgress: @escaping @Sendable (Progress) -> Void) {
        self.parent = parent
        self.onProgress = onProgress
    }

    /// A monitor that is never cancelled and drops progress: for tests and one-off calls.
    public static var none: WorkMonitor { WorkMonitor() }

    /// Asks the work to stop at its next checkpoint. Safe from any thread or a signal-
    /// watching thread.
    public func cancel() { cancelled.store(true, ordering: .relaxed) }

    /// Clears a previous cancellation, before new work starts.
    public func reset() { cancelled.store(false, ordering: .relaxed) }

    /// A time after which the work must stop, and the limit it came from.
    public struct Deadline: Sendable, Equatable {
        /// When the work must stop.
        public var instant: ContinuousClock.Instant
        /// The time limit in seconds (for the message).
        public var limit: Double

        /// Makes a deadline `limit` seconds after `start`.
        public init(start: ContinuousClock.Instant, limit: Double) {
            self.instant = start + .nanoseconds(Int64(min(limit, 1e9) * 1e9))
            self.limit = limit
        }
    }

    /// Sets (or with `nil` clears) the deadline of this monitor's work.
    public func setDeadline(_ value: Deadline?) { deadline.withLock { $0 = value } }

    /// Why the work should stop now, or `nil`: an interrupt (here or on a parent) or
    /// a passed deadline (here or on a parent).
    public var stopReason: WorkCancelled.Reason? {
        if cancelled.load(ordering: .relaxed) { return .interrupted }
        if let d = deadline.withLock({ $0 }), ContinuousClock.now >= d.instant { return .timeLimit(seconds: d.limit) }
        return parent?.stopReason
    }

    /// Whether the work should stop: `cancel()` has been called since the last
    /// `reset()` or the deadline has passed, here or on a parent.
    public var isCancelled: Bool { stopReason != nil }

    /// Throws `WorkCancelled` if the work has been asked to stop.
    public func checkCancelled() throws(WorkCancelled) {
        if let reason = stopReason { throw WorkCancelled(reason: reason) }
    }

    /// Reports progress to whoever is watching.
    public func report(done: Int, total: Int, label: String) {
        onProgress(Progress(done: done, total: total, label: label))
    }
}

/// Thrown by `WorkMonitor.checkCancelled()` when work was interrupted or ran past its
/// deadline; the language turns it into an `Interrupted` or a `ResourceError` diagnostic.
public struct WorkCancelled: Error, Equatable {
    /// Why the work stopped.
    public enum Reason: Sendable, Equatable {
        /// The user interrupted it.
        case interrupted
        /// It ran past the time limit of `seconds`.
        case timeLimit(seconds: Double)
    }

    /// Why the work stopped.
    public var reason: Reason

    /// Makes the error (an interrupt unless told otherwise).
    public init(reason: Reason = .interrupted) { self.reason = reason }
}
