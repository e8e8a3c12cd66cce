import Foundation
import JSON
import Language
import NumericCore
import Synchronization

/// How `solvable run` saves an explore output: its display keeps the view's own
/// representations (SVG, HTML, text) as the fallback and gains the widget view
/// (`application/vnd.jupyter.widget-view+json`) and the precomputed frames; the
/// widgets' state goes into notebook metadata `widgets`, so JupyterLab shows the last
/// view on reopening. Model ids are numbered, so two runs write the same file.
struct ExploreRecording {
    /// Notebook metadata `widgets` entries so far: model id → saved state.
    private(set) var state: [String: JSONValue] = [:]
    private var models = 0

    /// Rewrites the explore displays among `outputs` of one cell; frames that cannot be
    /// made leave, instead of the frames, why (a report shows it under the figure).
    /// Frames that take a while show their progress on stderr.
    mutating func record(_ outputs: inout [JSONValue], evaluator: CellEvaluator, monitor: WorkMonitor) {
        rewrite(&outputs) { data in
            ExploreFrames.compute(data, evaluator: evaluator, monitor: monitor, progress: ProgressLine().show)
        }
    }

    /// Renumbers the widget views of a cell restored from the cache and saves their
    /// state again, keeping the frames it stored: the ids then follow this run's order.
    mutating func restore(_ outputs: inout [JSONValue]) {
        rewrite(&outputs) { $0[ExploreFrames.mimeType] }
    }

    /// Gives each explore display among `outputs` a widget view with fresh model ids and
    /// the frames `frames` returns for its data, and keeps the widgets' state.
    private mutating func rewrite(_ outputs: inout [JSONValue], frames: (JSONValue) -> JSONValue?) {
        var models = models
        defer { self.models = models }
        let nextID = { () -> String in
            models += 1
            return String(format: "solvable%024d", models)
        }
        for index in outputs.indices {
            guard let data = outputs[index]["data"], data[Session.exploreMIMEType] != nil,
                  let widgets = ExploreWidgets(display: data, newID: nextID) else { continue }
            outputs[index]["data"]?[ExploreWidgets.viewMIMEType] = widgets.view
            if let computed = frames(data) { outputs[index]["data"]?[ExploreFrames.mimeType] = computed }
            state.merge(widgets.stateEntries([:])) { $1 }
        }
    }

    /// Notebook metadata `widgets`, or nil when the run showed no widgets.
    var metadata: JSONValue? {
        guard !state.isEmpty else { return nil }
        return [ExploreWidgets.stateMIMEType: ["version_major": 2, "version_minor": 0, "state": .object(state)]]
    }
}

/// `explore frames: 12 of 41` on stderr, once the frames have taken a second, then at
/// most once a second and at the end.
private final class ProgressLine: Sendable {
    private let start = ContinuousClock.now
    private let last = Mutex<ContinuousClock.Instant?>(nil)

    func show(_ progress: WorkMonitor.Progress) {
        let now = ContinuousClock.now
        let due = last.withLock { last -> Bool in
            let finished = progress.done == progress.total && last != nil
            guard now - start >= .seconds(1), finished || last.map({ now - $0 >= .seconds(1) }) ?? true else { return false }
            last = now
            return true
        }
        if due { FileHandle.standardError.write(Data("\(progress.label): \(progress.done) of \(progress.total)\n".utf8)) }
    }
}
