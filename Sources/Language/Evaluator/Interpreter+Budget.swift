import Foundation
import NumericCore

// MARK: - The cell's memory and time budget

extension Interpreter {
    /// The limits in force: this cell's, if `limits(..., cell=true)` set them, else the session's.
    var limits: ResourceLimits { cellLimits ?? sessionLimits }

    /// Starts a cell's budget: its clock, its limits (the session's) and the deadline of
    /// `cellMonitor`, the monitor every piece of the cell's work descends from.
    func startCell(_ cellMonitor: WorkMonitor) {
        cellLimits = nil
        cellStart = ContinuousClock.now
        monitor = cellMonitor
        applyDeadline()
    }

    /// Points the cell monitor's deadline at the limits now in force.
    func applyDeadline() {
        monitor.setLimits(limits)
        monitor.setDeadline(WorkMonitor.Deadline(start: cellStart, limit: limits.seconds))
    }

    /// Seconds the running cell has used.
    var elapsedSeconds: Double {
        let d = ContinuousClock.now - cellStart
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    /// Bytes the session's variables hold (shared storage counted once), leaving out
    /// the variable `excluded` (about to be replaced), plus `extra`'s.
    func heldBytes(excluding excluded: String? = nil, plus extra: Value? = nil) -> Double {
        var counter = FootprintCounter()
        for (name, value) in variables where name != excluded { counter.add(value) }
        if let extra { counter.add(extra) }
        return counter.bytes
    }

    /// Refuses to make `bytes` more bytes of values when the session's variables and
    /// the new ones would pass the memory limit; `what` names the work ("'+' on two
    /// strings").
    func admit(bytes: Double, for what: String, at position: SourcePosition?) throws(LanguageError) {
        let held = heldBytes()
        try admitTotal(held + bytes, held: held, for: what, at: position)
    }

    /// Refuses to keep `value` (as the variable `name`, or as a temporary when `nil`)
    /// when the session's values would then pass the memory limit.
    func admit(_ value: Value, as name: String?, at position: SourcePosition?) throws(LanguageError) {
        let total = heldBytes(excluding: name, plus: value)
        guard total > limits.bytes else { return }
        try admitTotal(total, held: heldBytes(excluding: name), for: name.map { "the value of \($0)" } ?? "this value",
                       at: position)
    }

    private func admitTotal(_ total: Double, held: Double, for what: String, at position: SourcePosition?) throws(LanguageError) {
        guard !(total <= limits.bytes) else { return }
        throw LanguageError(.resource(.sessionMemory(what: what, total: total, limit: limits.bytes, held: held)), at: position)
    }

    /// The error for work stopped for `reason`.
    func stopError(_ reason: WorkCancelled.Reason, at position: SourcePosition?) -> LanguageError {
        switch reason {
        case .interrupted:
            return LanguageError(.resource(.interrupted(during: nil)), at: position)
        case .timeLimit(let seconds):
            return LanguageError(.resource(.timeLimit(seconds: seconds)), at: position)
        }
    }

    /// Refuses work estimated at `estimate` (named `what`, e.g. "theory(ridge)") that
    /// would pass the memory limit or the time the cell has left.
    func admit(_ estimate: WorkEstimate, for what: String, advice: String, at position: SourcePosition) throws(LanguageError) {
        lastEstimate = estimate
        controls.estimatedSeconds += estimate.seconds
        let held = heldBytes()
        if !(held + estimate.bytes <= limits.bytes) {
            throw LanguageError(.resource(.workMemory(what: what, bytes: estimate.bytes, limit: limits.bytes, held: held, advice: advice)),
                                at: position)
        }
        let elapsed = elapsedSeconds
        if !(estimate.seconds <= limits.seconds - elapsed) {
            throw LanguageError(.resource(.workTime(what: what, seconds: estimate.seconds, limit: limits.seconds, elapsed: elapsed,
                                                    advice: advice)), at: position)
        }
    }

    /// `limits(seconds=, memory=, cell=)`: sets the limits for the session (or, with
    /// `cell`, for the rest of this cell) and returns the ones in force.
    func setLimits(seconds: Double?, memory: Double?, cell: Bool) {
        var new = cell ? limits : sessionLimits
        if let seconds { new.seconds = seconds }
        if let memory { new.bytes = memory }
        if cell { cellLimits = new } else { sessionLimits = new }
        applyDeadline()
    }

    /// The most memory a user may allow: the machine's physical memory.
    static var physicalMemory: Double { Double(ProcessInfo.processInfo.physicalMemory) }
}
