import Foundation
import Language
import NumericCore
import Synchronization

/// The frames of one explore as they come in, from any thread: each frame's view, the
/// estimated work spent so far against the plan's budget, and the first reason to stop
/// (a frame's error, or the work passing the budget), which cancels the others.
final class FrameTally: Sendable {
    private struct State {
        var frames: [String?]
        var spent = 0.0
        var done = 0
        var failure: String?
    }

    private let state: Mutex<State>
    private let budget: Double
    private let monitor: WorkMonitor
    private let progress: @Sendable (WorkMonitor.Progress) -> Void

    init(count: Int, budget: Double, monitor: WorkMonitor, progress: @escaping @Sendable (WorkMonitor.Progress) -> Void) {
        state = Mutex(State(frames: Array(repeating: nil, count: count)))
        self.budget = budget
        self.monitor = monitor
        self.progress = progress
    }

    /// Records frame `index`'s redraw; returns whether it wrote files, or nil when the
    /// frames must stop.
    func record(_ index: Int, _ result: Result<ExploreShelf.Drawn, CellError>) -> Bool? {
        let (report, stop): (WorkMonitor.Progress?, Bool) = state.withLock { state in
            guard state.failure == nil else { return (nil, true) }
            switch result {
            case .failure(let error):
                if case .timeLimit(let seconds)? = monitor.stopReason {
                    state.failure = "frames stopped at the cell's time limit of \(ExploreFramePlan.seconds(seconds)) after "
                        + "\(state.done) of \(state.frames.count): the redraws took longer than their estimate"
                } else {
                    state.failure = "a frame failed: \(error.ename): \(error.evalue)"
                }
            case .success(let drawn):
                state.frames[index] = ExploreWidgets.html(drawn.bundle.dataJSON)
                state.spent += drawn.estimatedSeconds
                state.done += 1
                if state.spent > budget {
                    state.failure = "frames stopped after \(state.done) of \(state.frames.count): their estimated work, "
                        + "\(ExploreFramePlan.seconds(state.spent)), passed the \(ExploreFramePlan.seconds(budget)) the cell's "
                        + "time limit leaves (redraws at other control values are estimated to cost more than the first)"
                }
            }
            return (WorkMonitor.Progress(done: state.done, total: state.frames.count, label: "explore frames"), state.failure != nil)
        }
        if stop { monitor.cancel() }
        if let report { progress(report) }
        guard !stop, case .success(let drawn) = result else { return nil }
        return drawn.wroteFiles
    }

    /// Every frame's view, or why they stopped.
    var outcome: Result<[String], Failure> {
        state.withLock { state in
            if let failure = state.failure { return .failure(Failure(text: failure)) }
            return .success(state.frames.map { $0 ?? "" })
        }
    }

    /// Why the frames stopped.
    struct Failure: Error {
        var text: String
    }
}
