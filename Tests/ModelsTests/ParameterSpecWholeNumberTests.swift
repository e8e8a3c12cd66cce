import Testing
import NumericCore
@testable import Models

/// Whole-number ranges: one flag on `NumericRange`, checked and worded in one place for
/// scalars, grid entries, schedule constants and counts that may be `inf`.
@Suite struct ParameterSpecWholeNumberTests {
    /// A group with each shape of whole-number parameter.
    struct Counts: ParameterGroup {
        @Option("width", range: NumericRange(lower: 1, upper: 2048)) var N = 64
        @Option("sample sizes", range: .counts) var P: [Double] = [10]
        @Option("batch (inf: full batch)", range: NumericRange(lower: 1, upper: 1e7, allowsInfinity: true, whole: true))
        var batch = Double.infinity
        @Option("batch schedule", range: .counts) var schedule = ScheduleValue(1)
        @Option("a real, for contrast", range: .positive) var eta = 0.5
    }

    @Test func theRangeSaysWholeOnceAndDescribesIt() {
        let width = NumericRange(lower: 1, upper: 2048, whole: true)
        #expect(width.contains(1) && width.contains(2048) && !width.contains(2.5) && !width.contains(0) && !width.contains(.infinity))
        #expect(width.describe("N") == "a whole number 1 ≤ N ≤ 2048")
        let batch = NumericRange(lower: 1, upper: 1e7, allowsInfinity: true, whole: true)
        #expect(batch.contains(.infinity) && batch.contains(32) && !batch.contains(32.5) && !batch.contains(2e7))
        #expect(!batch.contains(-.infinity) && !batch.contains(.nan))
        #expect(batch.describe("batch") == "a whole number 1 ≤ batch ≤ 10000000 (inf allowed)")
        #expect(NumericRange.counts.describe("P") == "a whole number P ≥ 1")
        #expect(NumericRange(whole: true).describe("k") == "k any whole number")
        #expect(NumericRange(whole: true).contains(-3) && !NumericRange(whole: true).contains(0.5))
        // Without the flag nothing changes: fractions pass, inf only when allowed.
        #expect(NumericRange.atLeastOne.contains(2.5) && NumericRange.atLeastOne.describe("P") == "P ≥ 1")
    }

    @Test func anIntegerKindIsWholeAndAGridOrScheduleByItsRange() {
        let specs = Counts.parameters
        #expect(specs.map(\.kind) == [.integer, .vector, .real, .schedule, .real])
        #expect(specs[0].range.whole && specs[1].range.whole && specs[2].range.whole && specs[3].range.whole)
        #expect(!specs[4].range.whole)
        // A builtin's integer spec made directly is whole too.
        #expect(ParameterSpec("n", "count", kind: .integer, range: .atLeastOne).range.describe("n") == "a whole number n ≥ 1")
    }

    @Test func everyShapeIsCheckedWithTheSameWording() throws {
        func refusal(_ values: [String: ParameterValue]) -> ModelError? {
            do { _ = try Counts(ParameterSet(values)); return nil } catch { return error }
        }
        #expect(refusal(["N": .number(2.5)]) == .domain(parameter: "N", value: "2.5", allowed: "a whole number 1 ≤ N ≤ 2048"))
        #expect(refusal(["N": .number(4096)]) == .domain(parameter: "N", value: "4096", allowed: "a whole number 1 ≤ N ≤ 2048"))
        #expect(refusal(["P": .vector([10, 20.5])]) == .domain(parameter: "P", value: "20.5", allowed: "a whole number P ≥ 1"))
        #expect(refusal(["batch": .number(2.5)])
                == .domain(parameter: "batch", value: "2.5", allowed: "a whole number 1 ≤ batch ≤ 10000000 (inf allowed)"))
        #expect(refusal(["schedule": .number(0.5)]) == .domain(parameter: "schedule", value: "0.5", allowed: "a whole number schedule ≥ 1"))
        #expect(refusal(["eta": .number(0.25)]) == nil)
        let counts = try Counts(ParameterSet(["N": .number(128), "P": .vector([10, 20]), "batch": .number(.infinity)]))
        #expect(counts.N == 128 && counts.P == [10, 20] && counts.batch == .infinity)
    }

    @Test func aNarrowerRangeForOneOperationKeepsTheWordingAndSaysWhen() {
        let simulable = NumericRange(lower: 1, upper: 1e9, whole: true)
        #expect(throws: ModelError.domain(parameter: "N", value: "inf", allowed: "a whole number 1 ≤ N ≤ 1000000000 to simulate")) {
            try simulable.check(.infinity, parameter: "N", purpose: "to simulate")
        }
        #expect(throws: Never.self) { try simulable.check(100, parameter: "N") }
    }
}
