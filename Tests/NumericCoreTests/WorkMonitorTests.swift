import Testing
@testable import NumericCore

@Suite struct WorkMonitorTests {
    @Test func childFollowsItsParentsCancellationWithoutAWatcher() {
        let parent = WorkMonitor()
        let child = WorkMonitor(parent: parent) { _ in }
        #expect(!child.isCancelled)
        parent.cancel()
        #expect(child.isCancelled)
        #expect(throws: WorkCancelled.self) { try child.checkCancelled() }
        parent.reset()
        #expect(!child.isCancelled)
    }

    @Test func childCancellationDoesNotReachTheParent() {
        let parent = WorkMonitor()
        let child = WorkMonitor(parent: parent) { _ in }
        child.cancel()
        #expect(child.isCancelled && !parent.isCancelled)
    }
}
