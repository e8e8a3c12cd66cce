import NumericCore

/// What one cell read and changed, recorded by `Session.startTrace`/`stopTrace` for
/// the cell cache: its inputs are the names it read before binding them, the files it
/// loaded and the session settings it ran under; its effects are the names it bound,
/// the files it saved and any change to the settings.
public struct CellTrace: Sendable, Equatable {
    /// Session names the cell read before binding them (unbound names and builtins included).
    public var namesRead: [String]
    /// Session names the cell bound.
    public var namesBound: [String]
    /// Files read (`load`), by resolved path.
    public var filesRead: [String]
    /// Files written (`save`, `savefig`), by resolved path.
    public var filesWritten: [String]
    /// Settings before and after the cell.
    public var settingsBefore: SessionSettings
    /// Settings after the cell (differ from `settingsBefore` after `seed(n)` or `limits(...)`).
    public var settingsAfter: SessionSettings
}

/// The session state that is not a variable but changes what operations compute or
/// allow: the default seed (`seed(n)`) and the session's resource limits (`limits(...)`).
public struct SessionSettings: Sendable, Equatable, CustomStringConvertible {
    /// The default `seed=` of operations, if `seed(n)` was called.
    public var seed: Double?
    /// The session's memory and time limits.
    public var limits: ResourceLimits

    /// `seed=…;bytes=…;seconds=…`, exact (an input of the cache key).
    public var description: String {
        "seed=\(seed.map { String($0) } ?? "none");bytes=\(limits.bytes);seconds=\(limits.seconds)"
    }
}

extension Session {
    /// The session's settings; setting them restores a state recorded earlier.
    public var settings: SessionSettings {
        get { SessionSettings(seed: interpreter.seed, limits: interpreter.sessionLimits) }
        set {
            interpreter.seed = newValue.seed
            interpreter.sessionLimits = newValue.limits
        }
    }

    /// Starts recording what the next cells read and change (until `stopTrace`). File
    /// accesses are recorded only if `files` carries a `FileAccessLog`.
    public func startTrace() {
        interpreter.variables.startTrace()
        _ = files.log?.drain()
        traceStart = settings
    }

    /// Stops recording and returns what was read and changed since `startTrace`.
    public func stopTrace() -> CellTrace {
        let names = interpreter.variables.stopTrace()
        let paths = files.log?.drain() ?? (read: [], written: [])
        return CellTrace(namesRead: names.read.sorted(), namesBound: names.bound.sorted(),
                         filesRead: paths.read, filesWritten: paths.written,
                         settingsBefore: traceStart ?? settings, settingsAfter: settings)
    }

    /// Binds `name` to a value that `build` makes the first time anything reads it: a
    /// cell restored from the cache leaves its names deferred, so they cost nothing
    /// unless a later cell that does run needs them.
    public func bindDeferred(_ name: String, build: @escaping () -> Value?) {
        interpreter.variables.bindDeferred(name, build: build)
    }

    /// Binds `name` to `value` (an input of a cell rebuilt outside the notebook's session).
    public func setVariable(_ name: String, _ value: Value?) {
        interpreter.variables[name] = value
    }
}
