import ArgumentParser

/// The `--timeout` option shared by `run` and `check`.
struct CellLimits: ParsableArguments {
    /// The largest per-cell limit accepted: one day (a longer cell is a mistake, and a
    /// huge value such as 1e308 would overflow the timer).
    static let maximumTimeout = 86_400.0

    // `.unconditional` so that `--timeout -1` is read as the value -1 (and refused
    // with the allowed range), not as an unknown flag `-1`.
    @Option(parsing: .unconditional,
            help: ArgumentHelp("Per-cell time limit; the cell is interrupted when it passes (0 < seconds ≤ 86400).",
                               valueName: "seconds"))
    var timeout: Double?

    func validate() throws {
        if let timeout, !(timeout > 0 && timeout <= Self.maximumTimeout) {
            throw ValidationError("--timeout \(timeout.formatted) is out of range: allowed 0 < seconds ≤ 86400 (one day)")
        }
    }
}

extension Double {
    /// The number as a user typed it (`-1`, not `-1.0`).
    var formatted: String {
        rounded() == self && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}
