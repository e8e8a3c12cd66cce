import Display
import Foundation
import JSON
import Kernel
import Language
import Notebook
import NumericCore
import Synchronization

/// Redraws explores on its own thread, latest move first: a move replaces the redraw
/// waiting and cancels the one running (its result is dropped), so the view always
/// ends at the last value the user set. A redraw runs on the session's explores (a
/// copy of the session), so it needs no turn and ends while a cell runs.
final class ExploreRedrawer: Sendable {
    /// Re-evaluates an explore (`ExploreShelf.redraw`) with a monitor and a sink.
    typealias Render = @Sendable (_ id: Int, _ settings: [JSONValue], _ sink: OutputSink,
                                  _ monitor: WorkMonitor) -> Result<MIMEBundle, CellError>

    private struct Slot {
        var waiting: WidgetBoard.Redraw?
        var running: WorkMonitor?
    }

    private let slot = Mutex(Slot())
    private let wake = DispatchSemaphore(value: 0)
    private let board: WidgetBoard
    private let render: Render

    /// Starts the redraw thread.
    init(board: WidgetBoard, render: @escaping Render) {
        self.board = board
        self.render = render
        let thread = Thread { [self] in loop() }
        thread.name = "explore-redraw"
        thread.stackSize = 64 << 20
        thread.start()
    }

    /// Asks for `redraw`, replacing the one waiting and cancelling the one running.
    func request(_ redraw: WidgetBoard.Redraw) {
        slot.withLock { slot in
            slot.waiting = redraw
            slot.running?.cancel()
        }
        wake.signal()
    }

    private func loop() {
        while true {
            wake.wait()
            let monitor = WorkMonitor()
            guard let redraw = slot.withLock({ slot -> WidgetBoard.Redraw? in
                defer { slot.waiting = nil }
                if slot.waiting != nil { slot.running = monitor }
                return slot.waiting
            }) else { continue }
            let status = StatusSink(board: board, redraw: redraw)
            let result = render(redraw.exploreID, redraw.settings, status, monitor)
            let superseded = slot.withLock { slot -> Bool in
                slot.running = nil
                return monitor.isCancelled
            }
            guard !superseded else { continue }
            switch result {
            case .success(let bundle):
                board.set("value", .string(ExploreWidgets.html(bundle.dataJSON)), of: redraw.viewID, redraw.publisher)
                status.show("")
            case .failure(let error):
                status.show("<pre style=\"color:#b00\">" + Markup.escape("\(error.ename): \(error.evalue)") + "</pre>")
            }
        }
    }
}

/// Where a redraw's progress and printed text go: the explore's status line. Progress
/// shows once the redraw has run `progressAfter`, so a quick theory call redraws
/// without flashing a bar.
final class StatusSink: OutputSink, @unchecked Sendable {  // used by one redraw, on its thread and its workers' (board is thread-safe)
    private let board: WidgetBoard
    private let redraw: WidgetBoard.Redraw
    private let start = ContinuousClock.now
    static let progressAfter = Duration.milliseconds(200)

    init(board: WidgetBoard, redraw: WidgetBoard.Redraw) {
        self.board = board
        self.redraw = redraw
    }

    /// Shows `html` in the status line, if it changes it.
    func show(_ html: String) {
        guard board.state(redraw.statusID)?["value"]?.stringValue != html else { return }
        board.set("value", .string(html), of: redraw.statusID, redraw.publisher)
    }

    func stream(_ name: StreamName, _ text: String) { show("<pre>" + Markup.escape(text) + "</pre>") }
    func display(_ bundle: MIMEBundle, displayID: String?, update: Bool) {
        guard ContinuousClock.now - start >= Self.progressAfter else { return }
        show("<pre>" + Markup.escape(bundle.plainText) + "</pre>")
    }
    func clearOutput(wait: Bool) { show("") }
    func input(_ prompt: String, password: Bool, isCancelled: @escaping @Sendable () -> Bool) -> Result<String, InputFailure> {
        .failure(.unavailable("a control's redraw cannot ask for input"))
    }
}
