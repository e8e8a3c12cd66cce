/// The one resource policy of Solvable: how much memory and time a cell may use.
///
/// Every operation's estimate, every value the language makes and every display is
/// checked against these limits (through `CellBudget`), so a cell is refused up front
/// or stopped with a `ResourceError` that names the limit and how to raise it,
/// instead of running the shared machine out of memory or for hours.
///
/// The defaults suit a shared 2-core, 24 GiB machine; a user raises them for the
/// session with `limits(seconds=3600, memory=16e9)` or for one cell with
/// `limits(seconds=3600, cell=true)`.
public struct ResourceLimits: Sendable, Equatable {
    /// Bytes the values of a session and the work of a cell may hold at once.
    public var bytes: Double
    /// Seconds one cell may run.
    public var seconds: Double

    /// Makes limits.
    public init(bytes: Double, seconds: Double) {
        self.bytes = bytes
        self.seconds = seconds
    }

    /// The limits a session starts with: 8 GiB and 600 s.
    public static let standard = ResourceLimits(bytes: 8 * 1024 * 1024 * 1024, seconds: 600)

    /// The largest time limit a user may set: one day.
    public static let maximumSeconds = 86_400.0

    /// Why work estimated at `estimate` is refused under these limits, or `nil` if it fits
    /// (for operations called directly; the language checks before calling, with the
    /// memory the session already holds and the time the cell has left).
    public func refusal(of estimate: WorkEstimate) -> String? {
        if !(estimate.bytes <= bytes) {
            return "this needs about \(Self.describe(bytes: estimate.bytes)) of memory (limit \(Self.describe(bytes: bytes)))"
        }
        if !(estimate.seconds <= seconds) {
            return "this would take about \(Self.describe(seconds: estimate.seconds)) (limit \(Self.describe(seconds: seconds)))"
        }
        return nil
    }

    /// `bytes` as "8 GiB" or "1.3 GiB" (MiB below one GiB).
    public static func describe(bytes: Double) -> String {
        guard bytes.isFinite else { return "an unbounded amount" }
        let mib = bytes / 1_048_576
        if mib < 1024 { return roundedText(mib) + " MiB" }
        return roundedText(mib / 1024) + " GiB"
    }

    /// `seconds` as "600 s" (whole seconds from 10 s up, one decimal below).
    public static func describe(seconds: Double) -> String {
        guard seconds.isFinite else { return "forever" }
        if seconds >= 10 { return wholeText(seconds.rounded()) + " s" }
        return roundedText(seconds) + " s"
    }

    /// How to raise the memory limit to at least `needed` bytes, for messages.
    public static func raiseMemory(toAtLeast needed: Double) -> String {
        let suggestion = needed.isFinite ? wholeText((needed / 1e9).rounded(.up)) + "e9" : "16e9"
        return "raise the limit with limits(memory=\(suggestion)) for the session, or add cell=true for this cell only"
    }

    /// How to raise the time limit to at least `needed` seconds, for messages: a limit with
    /// a quarter to spare (whole minutes, at most a day) when a day suffices, else that no limit
    /// suffices, so the work must shrink.
    public static func raiseTime(toAtLeast needed: Double) -> String {
        guard needed.isFinite, needed <= maximumSeconds else {
            return "not by raising the limit: this is past one day, the largest limit (limits(seconds=\(wholeText(maximumSeconds)))), "
                + "so only smaller sizes help"
        }
        let rounded = min(maximumSeconds, (needed * 1.25 / 60).rounded(.up) * 60)
        return "raise the limit with limits(seconds=\(wholeText(rounded))) for the session, or add cell=true for this cell only"
    }

    /// `x` with at most one decimal ("8", "1.3").
    private static func roundedText(_ x: Double) -> String {
        let tenths = (x * 10).rounded()
        guard tenths < 1e15 else { return String(x) }
        let whole = Int64(tenths) / 10, decimal = Int64(tenths) % 10
        return decimal == 0 ? String(whole) : "\(whole).\(decimal)"
    }

    /// A whole number without a decimal point.
    private static func wholeText(_ x: Double) -> String { x < 1e15 ? String(Int64(x)) : String(x) }
}
