import JSON

/// A checkable statement from a paper, as `claim(text, measured, expect=, tol=)` shows it:
/// an output carrying `application/vnd.solvable.claim+json`
/// `{"text", "measured", "expect", "tol", "pass"}`.
public struct Claim: Sendable, Equatable {
    /// The MIME type of a claim record.
    public static let mimeType = "application/vnd.solvable.claim+json"

    /// The statement, in the paper's words.
    public var text: String
    /// What this notebook measured (`nil` if the record had no number).
    public var measured: Double?
    /// What the paper predicts.
    public var expected: Double?
    /// The allowed absolute difference.
    public var tolerance: Double?
    /// Whether the claim holds, as the language decided it.
    public var passed: Bool
    /// Index of the cell that made the claim.
    public var cellIndex: Int

    /// Reads a claim record; `nil` unless it is an object with a `text`.
    public init?(record: JSONValue, cellIndex: Int) {
        guard record.objectValue != nil, let text = record["text"]?.stringValue else { return nil }
        self.text = text
        measured = record["measured"]?.doubleValue
        expected = record["expect"]?.doubleValue
        tolerance = record["tol"]?.doubleValue
        passed = record["pass"]?.boolValue ?? false
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
