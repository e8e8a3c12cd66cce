import Display
import JSON
import Language
import Testing

/// `claim(..., evidence=)`: the kind is checked, shown and recorded (issue 13).
@Suite struct ClaimEvidenceTests {
    let h = Harness()

    @Test func evidenceIsRecordedAndShown() throws {
        guard case .success(let bundle?, _) = h.run("claim(\"slope\", -1.79, expect=-1.8, tol=0.1, evidence=\"exponent\")").0 else {
            Issue.record("no claim"); return
        }
        #expect(bundle.data[MIMEType.claim]?["evidence"] == "exponent")
        #expect(bundle.plainText.hasSuffix("± 0.1 [exponent]"))
        for kind in ClaimEvidence.allCases {
            guard case .success(let b?, _) = h.run("claim(\"c\", 1, expect=1, tol=0, evidence=\"\(kind.rawValue)\")").0 else {
                Issue.record("no claim for \(kind)"); continue
            }
            #expect(b.data[MIMEType.claim]?["evidence"]?.stringValue == kind.rawValue)
        }
    }

    @Test func claimWithoutEvidenceHasNoKind() throws {
        guard case .success(let bundle?, _) = h.run("claim(\"c\", 1, expect=1, tol=0)").0 else { Issue.record("no claim"); return }
        #expect(bundle.data[MIMEType.claim]?["evidence"] == nil)
        #expect(!bundle.plainText.contains("["))
    }

    @Test func unknownKindIsAnArgumentErrorListingTheFive() throws {
        let error = try #require(h.error("claim(\"c\", 1, expect=1, tol=0, evidence=\"simulated\")"))
        #expect(error.ename == "ArgumentError")
        #expect(error.evalue.contains("\"simulated\""))
        for kind in ["simulation", "exponent", "paper", "limit", "consistency"] {
            #expect(error.evalue.contains("\"\(kind)\""), "message should list \(kind): \(error.evalue)")
        }
        #expect(h.error("claim(\"c\", 1, expect=1, tol=0, evidence=3)")?.ename == "ArgumentError")
    }
}
