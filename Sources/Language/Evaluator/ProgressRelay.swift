import Display
import NumericCore
import Synchronization

/// Runs one piece of long work with its own `WorkMonitor` that (1) follows the
/// cell's monitor's cancellation (a child monitor reads the parent's flag) and (2)
/// turns progress reports into a progress-bar display on the cell's sink — a first
/// `display_data` with a display id, then `update: true` replacements, at most
/// about four per second.
final class ProgressRelay: Sendable {
    /// What the progress callback and `finish()` share.
    private final class Shared: Sendable {
        struct State {
            var lastShown: ContinuousClock.Instant?
            var latest: WorkMonitor.Progress?
            /// Whether `latest` is what the bar shows now.
            var latestShown = false
        }
        let state = Mutex(State())
        let sink: SinkBox
        let displayID: String
        let suffix: String

        init(sink: SinkBox, displayID: String, suffix: String) {
            self.sink = sink
            self.displayID = displayID
            self.suffix = suffix
        }

        /// Shows `progress` unless one was shown less than `interval` ago (the last
        /// step always shows).
        func receive(_ reported: WorkMonitor.Progress) {
            var progress = reported
            progress.label += suffix
            let now = ContinuousClock.now
            let show: Bool = state.withLock { s in
                s.latest = progress
                if let last = s.lastShown, now - last < ProgressRelay.interval, progress.done < progress.total {
                    s.latestShown = false
                    return false
                }
                s.lastShown = now
                s.latestShown = true
                return true
            }
            if show { sink.display(displayID: displayID) { ProgressRelay.bundle(progress, first: !$0) } }
        }
    }

    /// The monitor to hand to the work.
    let monitor: WorkMonitor
    private let shared: Shared
    private static let interval = Duration.milliseconds(250)

    /// Starts relaying progress to `sink` under the cell's `parent` monitor, as the
    /// display `displayID` (shared by the points of a sweep), with `suffix` added to
    /// the work's label (`" [point 2/6]"`).
    init(parent: WorkMonitor, sink: SinkBox, displayID: String, suffix: String) {
        let shared = Shared(sink: sink, displayID: displayID, suffix: suffix)
        self.shared = shared
        // The child reads the cell's cancellation flag at every check, so an interrupt
        // reaches the work without a watcher thread.
        monitor = WorkMonitor(parent: parent) { progress in shared.receive(progress) }
    }

    /// Brings the bar up to date, if one was shown.
    func finish() {
        let latest: WorkMonitor.Progress? = shared.state.withLock { $0.lastShown != nil && !$0.latestShown ? $0.latest : nil }
        if let latest {
            var shown = latest
            shown.label += shared.suffix
            shared.sink.display(displayID: shared.displayID) { Self.bundle(shown, first: !$0) }
        }
    }

    /// A text and HTML progress bar.
    ///
    /// The `first` display's text/plain names the work instead of drawing the bar:
    /// text front ends (`jupyter console`) print a display's text/plain once and do not
    /// apply `update_display_data`, so a bar there would stay at its first percentage
    /// after the work ended. Notebook front ends render the HTML bar and replace the
    /// whole bundle on each update, so a saved notebook holds the final bar.
    static func bundle(_ p: WorkMonitor.Progress, first: Bool = false) -> MIMEBundle {
        let width = 24
        let filled = Int((p.fraction * Double(width)).rounded())
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let percent = Int((p.fraction * 100).rounded())
        let plain = first && p.done < p.total
            ? "\(p.label): running, \(p.total) steps"
            : "\(p.label)  [\(bar)]  \(percent)%  (\(p.done)/\(p.total))"
        let html = "<div class=\"solvable-progress\"><progress value=\"\(p.done)\" max=\"\(max(p.total, 1))\"></progress> "
            + "\(p.label.htmlEscaped) \(percent)% (\(p.done)/\(p.total))</div>"
        return MIMEBundle(plain: plain, [MIMEType.html: .string(html)])
    }
}

/// The cell's sink behind a lock, so progress from a worker thread reaches it safely;
/// it remembers which display ids it has shown, so later ones go out as updates.
final class SinkBox: @unchecked Sendable {
    private let sink: OutputSink
    private let lock = Mutex<Set<String>>([])

    init(_ sink: OutputSink) { self.sink = sink }

    /// Sends a display: the first for an id as new, later ones as updates in place;
    /// `bundle` is told which (`true`: an update).
    func display(displayID: String, _ bundle: (Bool) -> MIMEBundle) {
        lock.withLock { shown in
            let isUpdate = shown.contains(displayID)
            shown.insert(displayID)
            sink.display(bundle(isUpdate), displayID: displayID, update: isUpdate)
        }
    }
}

extension Interpreter {
    /// A fresh display id for a progress bar.
    func newProgressID() -> String {
        progressDisplays += 1
        return "solvable-progress-\(progressDisplays)-\(ObjectIdentifier(self).hashValue & 0xffff)"
    }

    /// Runs `body` with a monitor that follows the cell's interrupts and shows the
    /// work's progress as the display `displayID` (a new one if `nil`).
    func withProgress<T>(displayID: String? = nil, suffix: String = "", _ body: (WorkMonitor) throws -> T) throws -> T {
        let relay = ProgressRelay(parent: monitor, sink: progressSink, displayID: displayID ?? newProgressID(), suffix: suffix)
        defer { relay.finish() }
        return try body(relay.monitor)
    }
}
