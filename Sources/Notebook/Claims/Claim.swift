import JSON
import Language

/// A checkable statement from a paper, as `claim(text, measured, expect=, tol=)` shows it:
/// an output carrying `application/vnd.solvable.claim+json`
/// `{"text", "measured", "expect", "tol", "pass", "evidence"}`.
public struct Claim: Sendable, Equatable {
    /// The MIME type of a claim record.
    public static let mimeType = "application/vnd.solvable.claim+json"

    /// The statement, in the paper's words.
    public var text: String
    /// What this notebook measured (`nil` if the record had no number).
    public var measured: Double?
    /// What the paper predicts.
    public var expected: Double?
    /// The allowed absolute difference (`tol`, plus `rtol · |expect|` when given).
    public var tolerance: Double?
    /// Whether the claim holds, as the language decided it.
    public var passed: Bool
    /// The kind of evidence (`nil` if the record names none, or none this version knows).
    public var evidence: ClaimEvidence?
    /// Index of the cell that made the claim.
    public var cellIndex: Int

    /// Reads a claim record; `nil` unless it is an object with a `text`.
    public init?(record: JSONValue, cellIndex: Int) {
        guard record.objectValue != nil, let text = record["text"]?.stringValue else { return nil }
        self.text = text
        measured = record["measured"]?.doubleValue
        let expect = record["expect"]?.doubleValue, tol = record["tol"]?.doubleValue
        expected = expect
        // The allowance: tol plus rtol·|expect| when the claim gave a relative tolerance.
        if let rtol = record["rtol"]?.doubleValue { tolerance = (tol ?? 0) + rtol * abs(expect ?? 0) } else { tolerance = tol }
        passed = record["pass"]?.boolValue ?? false
        evidence = record["evidence"]?.stringValue.flatMap(ClaimEvidence.init(rawValue:))
        self.cellIndex = cellIndex
    }

    /// Every claim in the notebook's outputs, in cell order.
    public static func all(in notebook: Notebook) -> [Claim] {
        var claims: [Claim] = []
        for (index, cell) in notebook.cells.enumerated() where cell.kind == .code {
            for output in cell.outputs {
                if let record = output["data"]?[mimeType], let claim = Claim(record: record, cellIndex: index) {
                    claims.append(claim)
                }
            }
        }
        return claims
    }
}
