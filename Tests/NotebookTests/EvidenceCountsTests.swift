import JSON
import Notebook
import Testing

/// Claims counted by kind of evidence, and `--require` parsing (issue 13).
@Suite struct EvidenceCountsTests {
    private func claim(_ evidence: String?) -> Claim {
        var record: [String: JSONValue] = ["text": "c", "measured": 1, "expect": 1, "tol": 0, "pass": true]
        if let evidence { record["evidence"] = .string(evidence) }
        return Claim(record: .object(record), cellIndex: 0)!
    }

    @Test func countsPerKindAndMissingKinds() {
        let counts = EvidenceCounts([claim("simulation"), claim("simulation"), claim("limit"), claim(nil), claim("bogus")])
        #expect(counts[.simulation] == 2 && counts[.limit] == 1 && counts[.paper] == 0)
        #expect(counts.unspecified == 2)
        #expect(counts.missing([.simulation, .paper, .exponent]) == [.paper, .exponent])
        #expect(counts.summary == "simulation 2, exponent 0, paper 0, limit 1, consistency 0, unspecified 2")
    }

    @Test func requireListParses() throws {
        #expect(try EvidenceCounts.parse("simulation, paper,simulation").get() == [.simulation, .paper])
        guard case .failure(let unknown) = EvidenceCounts.parse("simulation,papers") else { Issue.record("accepted papers"); return }
        #expect(unknown.message.hasPrefix("unknown evidence kind \"papers\": use one of \"simulation\", \"exponent\""))
    }

    @Test func relativeToleranceIsPartOfTheAllowance() {
        let record: JSONValue = ["text": "c", "measured": 2, "expect": -4, "tol": 0.5, "rtol": 0.25, "pass": true]
        #expect(Claim(record: record, cellIndex: 0)?.tolerance == 1.5)
    }

    @Test func evidenceTableHasOneRowPerNotebook() {
        let text = ClaimTable.evidenceText([("ridge", EvidenceCounts([claim("simulation"), claim("paper")])),
                                           ("flow", EvidenceCounts([claim("exponent")]))])
        #expect(text == """
        notebook  simulation  exponent  paper  limit  consistency
        --------  ----------  --------  -----  -----  -----------
        ridge     1           0         1      0      0
        flow      0           1         0      0      0

        """)
    }
}
