/// A schedule with conditions that involve the run length (a warm-up must end before the
/// run does). Models call `check(total:parameter:)` before reading the schedule.
public protocol CheckedSchedule: Schedule {
    /// Throws a `ModelError` naming `parameter` if the schedule does not fit a run of
    /// `total` steps.
    func check(total: Int, parameter: String) throws(ModelError)
}

/// Throws unless a warm-up of `warmup` steps ends before a run of `total` steps does.
func checkWarmup(_ warmup: Int, total: Int, parameter: String) throws(ModelError) {
    if warmup >= total {
        throw .scheduleTooLong(parameter: parameter, warmup: warmup, decay: nil, total: total)
    }
}

/// What a schedule's values stand for, and so which values are allowed.
public enum ScheduleRole: Sendable {
    /// A learning rate: every value finite and ≥ 0.
    case learningRate
    /// A batch size: every value finite and ≥ 1 (values are rounded to whole numbers; a
    /// constant batch is declared whole, as `sgd`'s `batch`).
    case batchSize
}

/// Checks `schedule` over a run of `total` steps and returns its values, one per step.
///
/// - Parameters:
///   - schedule: the schedule given as `parameter`.
///   - parameter: the argument name used in error messages (`lr`, `batch`).
///   - total: the run length T; the values are read at t = 0..T−1.
///   - role: which values are allowed.
/// - Returns: the T values (batch sizes rounded to whole numbers).
/// - Throws: `ModelError.scheduleTooLong` for a warm-up longer than the run, `ModelError.domain` naming
///   the first step whose value is out of range.
public func scheduleValues(_ schedule: any Schedule, parameter: String, total: Int,
                           role: ScheduleRole) throws(ModelError) -> [Double] {
    if let checked = schedule as? any CheckedSchedule { try checked.check(total: total, parameter: parameter) }
    var values = [Double](repeating: 0, count: total)
    for t in 0..<total {
        var x = schedule.value(at: t, of: total)
        switch role {
        case .learningRate:
            if !(x.isFinite && x >= 0) {
                throw .domain(parameter: parameter, value: "\(formatParameter(x)) at step \(t) of \(schedule.description)",
                              allowed: "a learning rate ≥ 0 at every step")
            }
        case .batchSize:
            if !(x.isFinite && x >= 1) {
                throw .domain(parameter: parameter, value: "\(formatParameter(x)) at step \(t) of \(schedule.description)",
                              allowed: "a batch size ≥ 1 at every step")
            }
            x = x.rounded()
        }
        values[t] = x
    }
    return values
}
