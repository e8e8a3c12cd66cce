import Display
import Language
import Numerics
import Synchronization

/// Turns `WorkMonitor` progress into one display per cell that is updated in place,
/// at most ten times a second (and always at completion).
final class ProgressDisplay: Sendable {
    private let sink: any OutputSink & Sendable
    private let displayID: String
    private let state = Mutex<(shown: Bool, last: ContinuousClock.Instant?)>((false, nil))

    init(sink: any OutputSink & Sendable, cell: Int) {
        self.sink = sink
        displayID = "solvable-progress-\(cell)-\(MessageIDs.next())"
    }

    func report(_ progress: WorkMonitor.Progress) {
        let now = ContinuousClock.now
        let update: Bool? = state.withLock { state in
            let finished = progress.done >= progress.total
            if let last = state.last, !finished, now - last < .milliseconds(100) { return nil }
            let wasShown = state.shown
            state = (true, now)
            return wasShown
        }
        guard let update else { return }
        let percent = Int((progress.fraction * 100).rounded())
        let text = "\(progress.label): \(percent)% (\(progress.done)/\(progress.total))"
        let html = "<progress value=\"\(progress.done)\" max=\"\(max(progress.total, 1))\"></progress> "
            + text.replacingHTMLSpecials()
        sink.display(MIMEBundle(plain: text, [MIMEType.html: .string(html)]), displayID: displayID, update: update)
    }
}

/// A process-wide counter that keeps progress display ids unique across cells.
enum MessageIDs {
    private static let counter = Atomic<Int>(0)
    static func next() -> Int { counter.add(1, ordering: .relaxed).newValue }
}

extension String {
    /// The text with `&`, `<`, `>` and `"` escaped for HTML.
    func replacingHTMLSpecials() -> String {
        var out = ""
        for c in self {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
