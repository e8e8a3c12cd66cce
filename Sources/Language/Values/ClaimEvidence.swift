/// The kind of evidence a claim offers (issue 13): what its expected value is and how
/// independent it is of the measured one. Reports and `solvable check` count claims by kind.
public enum ClaimEvidence: String, Sendable, CaseIterable {
    /// Theory against an independent Monte-Carlo of the same finite system.
    case simulation
    /// A fitted scaling exponent against the paper's prediction.
    case exponent
    /// A number or statement the paper reports.
    case paper
    /// A known closed form or limit.
    case limit
    /// Internal bookkeeping: the theory against itself.
    case consistency

    /// The five kinds as the language spells them, quoted: `"simulation", "exponent", …`.
    public static var quotedList: String { allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ") }
}
