import Display
import Foundation
import Language
import NumericCore
import Testing
import TestSupport

/// The README's language snippet runs and prints what its comment says (numpy's values).
@Suite struct ReadmeLanguageSnippetTests {
    @Test func theSnippetRuns() throws {
        let readme = try Repository.text("README.md")
        let marker = try #require(readme.range(of: "<!-- snippet: language -->\n```\n"))
        let end = try #require(readme.range(of: "\n```", range: marker.upperBound..<readme.endIndex))
        let code = String(readme[marker.upperBound..<end.lowerBound])
        #expect(code.contains("# [3, 6, 2.048]"))
        let outcome = Session().execute(code, sink: RecordingSink(), monitor: WorkMonitor())
        guard case .success(let result, _) = outcome else { Issue.record("the README snippet failed: \(outcome)"); return }
        #expect(result?.plainText == "[3, 6, 2.048]")
    }
}
