import Synchronization

/// The link between long-running work and whoever asked for it: a cancellation flag
/// that the work polls (an interrupt sets it) and a progress callback that the work
/// calls (the kernel turns it into `update_display_data`, the CLI into stderr lines).
///
/// Work calls `try monitor.checkCancelled()` at natural checkpoints (each trial,
/// each sweep point, every few hundred steps) and `monitor.report(...)` at most a few
/// times per second of work.
public final class WorkMonitor: Sendable {
    private let cancelled = Atomic<Bool>(false)
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

    /// Whether `cancel()` has been called since the last `reset()`, here or on a parent.
    public var isCancelled: Bool { cancelled.load(ordering: .relaxed) || (parent?.isCancelled ?? false) }

    /// Throws `WorkCancelled` if the work has been asked to stop.
    public func checkCancelled() throws(WorkCancelled) {
        if isCancelled { throw WorkCancelled() }
    }

    /// Reports progress to whoever is watching.
    public func report(done: Int, total: Int, label: String) {
        onProgress(Progress(done: done, total: total, label: label))
    }
}

/// Thrown by `WorkMonitor.checkCancelled()` when work was interrupted; the language
/// turns it into an `Interrupted` diagnostic.
public struct WorkCancelled: Error, Equatable {
    /// Makes the error.
    public init() {}
}
