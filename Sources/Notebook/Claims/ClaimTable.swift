import JSON

/// The plain-text table `solvable check` prints: one row per claim with notebook,
/// claim, measured, expected, tolerance and PASS/FAIL, columns padded to line up.
public enum ClaimTable {
    /// One row: which notebook made the claim, and the claim.
    public typealias Row = (notebook: String, claim: Claim)

    /// The table text (header, rule, rows), ending in a newline.
    public static func text(_ rows: [Row]) -> String {
        let header = ["notebook", "claim", "measured", "expected", "tolerance", "result"]
        let body = rows.map { row in
            [row.notebook, row.claim.text, number(row.claim.measured), number(row.claim.expected),
             number(row.claim.tolerance), row.claim.passed ? "PASS" : "FAIL"]
        }
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
