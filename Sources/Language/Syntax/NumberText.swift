import Display

/// How the language writes numbers in text: Display's `NumberFormat.plain`
/// (integral values without a decimal point, others with up to 6 significant digits).
enum NumberText {
    /// `x` as `text/plain` shows it.
    static func plain(_ x: Double) -> String { NumberFormat.plain(x) }
}
