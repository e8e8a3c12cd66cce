import Display
@testable import Kernel
import Language
import Numerics
import Synchronization
import Testing

/// Long work's progress becomes one display that is updated in place, throttled.
@Suite struct ProgressDisplayTests {
    final class RecordingSink: OutputSink, Sendable {
        let displays = Mutex<[(String, String?, Bool)]>([])
        func stream(_ name: StreamName, _ text: String) {}
        func display(_ bundle: MIMEBundle, displayID: String?, update: Bool) {
            displays.withLock { $0.append((bundle.plainText, displayID, update)) }
        }
        func clearOutput(wait: Bool) {}
    }

    @Test func firstReportDisplaysLaterOnesUpdateTheSameID() {
        let sink = RecordingSink()
        let progress = ProgressDisplay(sink: sink, cell: 3)
        progress.report(.init(done: 0, total: 4, label: "simulate ridge"))
        progress.report(.init(done: 1, total: 4, label: "simulate ridge"))  // within 100 ms: dropped
        progress.report(.init(done: 4, total: 4, label: "simulate ridge"))  // completion: always shown
        let shown = sink.displays.withLock { $0 }
        #expect(shown.map(\.0) == ["simulate ridge: 0% (0/4)", "simulate ridge: 100% (4/4)"])
        #expect(shown.map(\.2) == [false, true])
        #expect(shown[0].1 != nil && shown[0].1 == shown[1].1)
        #expect(shown[0].1?.hasPrefix("solvable-progress-3-") == true)
    }

    @Test func htmlIsEscaped() {
        #expect("a<b & \"c\">".replacingHTMLSpecials() == "a&lt;b &amp; &quot;c&quot;&gt;")
    }
}
