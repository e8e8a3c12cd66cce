import JSON
import Language

/// The plain-text table `solvable check` prints: one row per claim with notebook,
/// claim, evidence kind, measured, expected, tolerance and PASS/FAIL, columns padded to line up.
public enum ClaimTable {
    /// One row: which notebook made the claim, and the claim.
    public typealias Row = (notebook: String, claim: Claim)

    /// The table text (header, rule, rows), ending in a newline.
    public static func text(_ rows: [Row]) -> String {
        let header = ["notebook", "claim", "evidence", "measured", "expected", "tolerance", "result"]
        let body = rows.map { row in
            [row.notebook, row.claim.text, row.claim.evidence?.rawValue ?? "-", number(row.claim.measured), number(row.claim.expected),
             number(row.claim.tolerance), row.claim.passed ? "PASS" : "FAIL"]
        }
        return aligned(header, body)
    }

    /// Header, rule and rows with columns padded to line up, ending in a newline.
    static func aligned(_ header: [String], _ body: [[String]]) -> String {
        let all = [header] + body
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { cell, width in cell + String(repeating: " ", count: width - cell.count) }
                .joined(separator: "  ").trimmingSpaces + "\n"
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        return line(header) + rule + body.map(line).joined()
    }

    /// A number as Python's `repr` prints it, or `-` when absent.
    public static func number(_ value: Double?) -> String {
        value.map(JSONWriter.formatDouble) ?? "-"
    }
}

extension ClaimTable {
    /// The plain-text table of claims per kind of evidence, one row per notebook.
    public static func evidenceText(_ rows: [(name: String, counts: EvidenceCounts)]) -> String {
        let showUnspecified = rows.contains { $0.counts.unspecified > 0 }
        var header = ["notebook"] + ClaimEvidence.allCases.map(\.rawValue)
        if showUnspecified { header.append("unspecified") }
        let body = rows.map { row in
            [row.name] + ClaimEvidence.allCases.map { String(row.counts[$0]) }
                + (showUnspecified ? [String(row.counts.unspecified)] : [])
        }
        return aligned(header, body)
    }
}
