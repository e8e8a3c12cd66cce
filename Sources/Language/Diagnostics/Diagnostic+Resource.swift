import NumericCore

extension Diagnostic {
    /// The errors of the resource policy — memory the session's values would take, work
    /// estimated past the cell's limits, work stopped — each with its one rendering and
    /// the way to raise the limit (`ResourceLimits.raiseMemory`/`raiseTime`).
    enum Resource {
        /// A value (`what`: `the value of v`) that would bring the values held to `total` bytes.
        case sessionMemory(what: String, total: Double, limit: Double, held: Double)
        /// Work (`what`: `simulate(ridge)`) estimated at `bytes` past the memory limit.
        case workMemory(what: String, bytes: Double, limit: Double, held: Double, advice: String)
        /// Work estimated at `seconds` past the time the cell has left.
        case workTime(what: String, seconds: Double, limit: Double, elapsed: Double, advice: String)
        /// An operation estimated past its own `budget=` seconds.
        case overBudget(what: String, seconds: Double, budget: Double)
        /// The cell ran past its time limit.
        case timeLimit(seconds: Double)
        /// The user interrupted the cell (`during`: what was running, if said).
        case interrupted(during: String?)

        /// The error kind a user sees.
        var kind: LanguageError.Kind {
            if case .interrupted = self { return .interrupted }
            return .resource
        }

        /// The message, without the position.
        var message: String {
            switch self {
            case .sessionMemory(let what, let total, let limit, let held):
                return "\(what) would bring the session's values to \(ResourceLimits.describe(bytes: total)) "
                    + "of memory (limit \(ResourceLimits.describe(bytes: limit)); variables hold "
                    + "\(ResourceLimits.describe(bytes: held))); make smaller values, or "
                    + ResourceLimits.raiseMemory(toAtLeast: total)
            case .workMemory(let what, let bytes, let limit, let held, let advice):
                let amount = bytes.isFinite ? "about \(ResourceLimits.describe(bytes: bytes))" : "an unbounded amount"
                let heldNote = held >= 1_048_576 ? "; variables hold \(ResourceLimits.describe(bytes: held))" : ""
                return "\(what) would need \(amount) of memory (limit \(ResourceLimits.describe(bytes: limit))"
                    + "\(heldNote)); \(advice), or " + ResourceLimits.raiseMemory(toAtLeast: held + bytes)
            case .workTime(let what, let seconds, let limit, let elapsed, let advice):
                let amount = seconds.isFinite ? "about \(ResourceLimits.describe(seconds: seconds))" : "forever"
                let leftNote = elapsed >= 1 ? ", \(ResourceLimits.describe(seconds: max(0, limit - elapsed))) left in this cell" : ""
                return "\(what) would take \(amount) (limit \(ResourceLimits.describe(seconds: limit))\(leftNote)); "
                    + "\(advice), or " + ResourceLimits.raiseTime(toAtLeast: elapsed + seconds)
            case .overBudget(let what, let seconds, let budget):
                return "\(what) would take about \(ResourceLimits.describe(seconds: seconds)) (budget \(NumberText.plain(budget)) s); reduce the dimension, trials or grid"
            case .timeLimit(let seconds):
                return "the cell ran past its time limit of \(ResourceLimits.describe(seconds: seconds)); "
                    + ResourceLimits.raiseTime(toAtLeast: 2 * seconds)
            case .interrupted(let during):
                return "interrupted by the user" + (during.map { " during \($0)" } ?? "")
            }
        }
    }
}
