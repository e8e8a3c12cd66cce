import Foundation
import JSON
import Notebook
import Testing
import TestSupport
@testable import Report

/// The claims table and the index show each claim's kind of evidence and the counts per kind,
/// and claim texts reach KaTeX's auto-render untouched (issue 13).
@Suite struct ClaimEvidenceReportTests {
    private let templates = Repository.path("templates")

    private func notebook() -> Notebook {
        func claimCell(_ id: String, _ text: String, _ evidence: String?) -> Cell {
            var record: [String: JSONValue] = ["text": .string(text), "measured": -1.79, "expect": -1.8, "tol": 0.1, "pass": true]
            if let evidence { record["evidence"] = .string(evidence) }
            var cell = Cell(kind: .code, source: "claim(...)", id: id)
            cell.outputs = [OutputJSON.displayData(.init(plain: "PASS", [Claim.mimeType: .object(record)]))]
            return cell
        }
        return Notebook(metadata: [:], cells: [
            claimCell("a", "error decays as $P^{-\\alpha\\beta}$ and $x < y$", "exponent"),
            claimCell("b", "theory within 3 SE of simulation", "simulation"),
            claimCell("c", "another simulation", "simulation"),
            claimCell("d", "legacy claim", nil),
        ])
    }

    @Test func claimsTableShowsKindsAndCounts() throws {
        let renderer = try SiteRenderer(options: .init(templateDirectory: templates, version: "1"))
        let html = renderer.page(for: notebook(), path: "/tmp/kinds.ipynb")
        #expect(html.contains("<th>Evidence</th>"))
        #expect(html.contains("<td class=\"evidence\">exponent</td>"))
        #expect(html.contains("<td class=\"evidence\">unspecified</td>"))
        #expect(html.contains("<p class=\"evidence\">Evidence: simulation 2 · exponent 1 · unspecified 1</p>"))
        // Math in a claim text is left for KaTeX (outside pre/code), with only HTML escaping.
        #expect(html.contains("<td>error decays as $P^{-\\alpha\\beta}$ and $x &lt; y$</td>"))
        #expect(html.contains("<span class=\"evidence\">[simulation]</span>"))  // the inline badge
    }

    @Test func indexShowsCountsPerNotebook() throws {
        let directory = try Scratch.directory("evidence")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try notebook().write(to: directory + "/kinds.ipynb")
        let renderer = try SiteRenderer(options: .init(templateDirectory: templates, version: "1"))
        try renderer.render([directory + "/kinds.ipynb"], to: directory + "/site")
        let index = try String(contentsOfFile: directory + "/site/index.html", encoding: .utf8)
        #expect(index.contains("<p class=\"evidence\">simulation 2 · exponent 1 · unspecified 1</p>"))
    }
}
