import Display
import JSON
import NumericCore
import Synchronization

/// A session's explores, each redrawn on an interpreter of its own, from any thread,
/// without waiting for the cell the session is running.
///
/// A redraw reads a frozen copy of the session (`Context`): its variables, seed,
/// limits and file scope as they stood when the last cell ended or the last explore
/// was shown. Values are Swift value types and a function keeps its definition and
/// the (finished) scope it was defined in, so the copy shares nothing that the running
/// cell writes: the redraw gets a fresh `Interpreter` (its own namespace, sink,
/// monitor, call frames, progress counter and control board); the registry is
/// immutable; random draws come from each operation's explicit `seed=` (or the
/// copied `seed(n)` default), never from a shared stream. What the running cell binds
/// is seen from the next redraw after it ends, as a Python function sees globals at
/// call time.
///
/// One thing is not copied: a name bound by a cell that `solvable run` restored from
/// its cell cache is built only when first read, by re-running cells in the session.
/// Only `Session.reexplore` (on the session's own turn) can build it; `redraw` reports
/// it as not yet built. The kernel has no cell cache, so its redraws never need one.
public final class ExploreShelf: Sendable {
    /// What a redraw reads: the session as it stood at `publish`.
    struct Context: Sendable {
        var variables: [String: Value]
        /// Names bound to values not built yet (restored from the cell cache).
        var deferred: [String]
        var seed: Double?
        var limits: ResourceLimits
        var files: FileScope
    }

    /// One explore and what its first evaluation cost.
    struct Entry: Sendable {
        var exploration: Exploration
        /// The estimated seconds of the operations its first evaluation ran (`WorkEstimate`).
        var estimatedSeconds: Double
        /// When the cell that showed it started.
        var cellStart: ContinuousClock.Instant
        /// The time limit, in seconds, that cell ran under.
        var cellLimit: Double
    }

    private struct Shelf {
        var context: Context?
        var entries: [Entry] = []
    }

    private let shelf = Mutex(Shelf())
    private let registry: Registry

    init(registry: Registry) {
        self.registry = registry
    }

    /// Keeps `entry`, copies the session's state from `interpreter`, and returns the id.
    func add(_ entry: Entry, from interpreter: Interpreter) -> Int {
        let context = Self.context(of: interpreter)
        return shelf.withLock { shelf in
            shelf.entries.append(entry)
            shelf.context = context
            return shelf.entries.count - 1
        }
    }

    /// Copies the session's state from `interpreter` for the redraws that follow (a
    /// cell has ended). Without an explore, nothing is copied.
    func publish(_ interpreter: Interpreter) {
        guard shelf.withLock({ !$0.entries.isEmpty }) else { return }
        let context = Self.context(of: interpreter)
        shelf.withLock { $0.context = context }
    }

    private static func context(of interpreter: Interpreter) -> Context {
        var variables: [String: Value] = [:]
        for (name, value) in interpreter.variables { variables[name] = value }  // iterating is not a read
        let deferred = interpreter.variables.keys.filter { variables[$0] == nil }
        return Context(variables: variables, deferred: deferred, seed: interpreter.seed,
                       limits: interpreter.sessionLimits, files: interpreter.files)
    }

    /// What precomputing an explore's frames will cost and may do.
    public struct Cost: Sendable {
        /// The estimated seconds of one redraw: the operations' estimates (`WorkEstimate`)
        /// summed over the explore's first evaluation; 0 when it ran none.
        public var secondsPerRedraw: Double
        /// When the cell that showed the explore started.
        public var cellStart: ContinuousClock.Instant
        /// The time limit, in seconds, of the cell that showed the explore.
        public var cellLimit: Double
        /// Whether a redraw may read a name only the session can build (restored from the
        /// cell cache): then redraws must run through `Session.reexplore`, one at a time.
        public var needsSession: Bool
    }

    /// The cost of explore `id`, or nil if there is none.
    public func cost(_ id: Int) -> Cost? {
        shelf.withLock { shelf in
            guard shelf.entries.indices.contains(id) else { return nil }
            let entry = shelf.entries[id]
            return Cost(secondsPerRedraw: entry.estimatedSeconds, cellStart: entry.cellStart, cellLimit: entry.cellLimit,
                        needsSession: !(shelf.context?.deferred.isEmpty ?? true))
        }
    }

    /// One redraw: the view and what it did.
    public struct Drawn: Sendable {
        /// The new view (the representations the first display had, the explore JSON
        /// carrying the new values).
        public var bundle: MIMEBundle
        /// The estimated seconds of the operations it ran.
        public var estimatedSeconds: Double
        /// Whether it wrote a file (`save`, `savefig`).
        public var wroteFiles: Bool
    }

    /// Re-evaluates explore `id` with its controls set to `settings` (one per control,
    /// in the display's order: a number for a slider, an option index for a dropdown, a
    /// bool for a checkbox) on a fresh interpreter over the copied session. Thread-safe;
    /// waits for nothing but the shelf's own lock.
    public func redraw(_ id: Int, settings: [JSONValue], sink: OutputSink, monitor: WorkMonitor) -> Result<Drawn, CellError> {
        draw(id, settings: settings, sink: sink, monitor: monitor, build: nil)
    }

    /// `redraw`, building a deferred name through `build` (the session's own namespace,
    /// so only on the session's turn).
    func draw(_ id: Int, settings: [JSONValue], sink: OutputSink, monitor: WorkMonitor,
              build: ((String) -> Value?)?) -> Result<Drawn, CellError> {
        guard let (entry, context) = shelf.withLock({ shelf -> (Entry, Context?)? in
            shelf.entries.indices.contains(id) ? (shelf.entries[id], shelf.context) : nil
        }), let context else {
            return .failure(LanguageError(.widget(.noExplore(id: id)), at: nil).cellError(source: ""))
        }
        var exploration = entry.exploration
        guard settings.count == exploration.controls.count else {
            return .failure(LanguageError(.widget(.settingCount(id: id, controls: exploration.controls.count, given: settings.count)), at: nil).cellError(source: ""))
        }
        let interpreter = Interpreter(registry: registry)
        for (name, value) in context.variables { interpreter.variables[name] = value }
        for name in context.deferred {
            interpreter.variables.bindDeferred(name) { build?(name) }
        }
        interpreter.seed = context.seed
        interpreter.sessionLimits = context.limits
        // The redraw's own log tells whether it wrote; the session's log (the cell cache's
        // record of the running cell) still hears of every path.
        let log = FileAccessLog()
        interpreter.files = context.files
        interpreter.files.log = log
        interpreter.sink = sink
        interpreter.startCell(WorkMonitor(parent: monitor) { monitor.report(done: $0.done, total: $0.total, label: $0.label) })
        let drawn = Result { () throws(LanguageError) -> (MIMEBundle, Double) in
            var values: [ControlKey: Value] = [:]
            for (i, entry) in exploration.controls.enumerated() {
                let value = try entry.control.value(for: settings[i])
                values[entry.key] = value
                exploration.controls[i].control.value = value
            }
            let (value, _, seconds) = try interpreter.evaluateExploring(exploration.expression, source: exploration.source,
                                                                         settings: values)
            return (exploration.bundle(id: id, view: value.bundle(registry: registry)), seconds)
        }
        let paths = log.drain()
        paths.read.forEach { context.files.log?.noteRead($0) }
        paths.written.forEach { context.files.log?.noteWritten($0) }
        return drawn.map { Drawn(bundle: $0.0, estimatedSeconds: $0.1, wroteFiles: !paths.written.isEmpty) }
            .mapError { $0.cellError(source: "") }
    }
}
