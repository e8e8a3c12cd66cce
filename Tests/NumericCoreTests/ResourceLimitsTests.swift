import Testing
@testable import NumericCore

/// The advice a refusal gives for raising the time limit.
@Suite struct ResourceLimitsTests {
    @Test func suggestsALimitThatSufficesWithinADay() {
        #expect(ResourceLimits.raiseTime(toAtLeast: 1331)
                == "raise the limit with limits(seconds=1680) for the session, or add cell=true for this cell only")
        // Close to a day the suggestion is the day itself, never less than what is needed.
        #expect(ResourceLimits.raiseTime(toAtLeast: 80_000).contains("limits(seconds=86400)"))
    }

    @Test func pastADayItSaysNoLimitSuffices() {
        let advice = ResourceLimits.raiseTime(toAtLeast: 2.3e6)
        #expect(advice == "not by raising the limit: this is past one day, the largest limit (limits(seconds=86400)), "
                + "so only smaller sizes help")
        #expect(ResourceLimits.raiseTime(toAtLeast: .infinity) == advice)
    }
}
