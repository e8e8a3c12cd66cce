/// How numbers print in `text/plain`: an integral value without a decimal point
/// (`42`), anything else with up to 6 significant digits (`0.333333`, `1.5e-07`).
///
/// CONTRACT (the language builds against this signature).
public enum NumberFormat {
    /// `x` as text/plain shows it.
    public static func plain(_ x: Double) -> String {
        if x.rounded() == x && abs(x) < 1e15 { return String(Int64(x)) }
        return String(x)
    }
}
