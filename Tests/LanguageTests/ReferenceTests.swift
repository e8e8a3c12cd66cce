import Foundation
import Language
import Testing
import TestSupport

/// docs/REFERENCE.md is generated from the registry; it must match what the current
/// registry generates (regenerate with `swift run solvable reference`).
@Suite struct ReferenceTests {
    @Test func committedReferenceIsUpToDate() throws {
        let committed = try Repository.text("docs/REFERENCE.md")
        let generated = Registry().referenceMarkdown
        #expect(committed == generated, "docs/REFERENCE.md is stale: run `swift run solvable reference`")
    }

    @Test func referenceListsEveryBuiltinAndModel() {
        let registry = Registry(families: ToyModels.families, functions: ToyModels.functions)
        let text = registry.referenceMarkdown
        for name in ["linspace", "geomspace", "plot", "fit", "claim", "toy", "decay", "theory"] {
            #expect(text.contains("### \(name)") || text.contains("| `\(name)` |"), "\(name) missing")
        }
        #expect(text.contains("| `alpha` | number | 1 | alpha > 0 | decay exponent α |"))
    }
}
