import Foundation
import JSON
import Language
import NumericCore
import Synchronization

/// The frames of an explore precomputed over its controls' grid, so a static report
/// can swap views as a reader moves a control without a kernel: at most
/// `perControl` values per control and `total` frames in all, fewer when the cell's
/// estimate says they would pass its time limit (`ExploreFramePlan`). Saved by
/// `solvable run` under `mimeType`: `{controls: [{label, kind, values: [text]}],
/// initial: [index], frames: [html], note}`, frames row-major over the controls, or
/// `{error}` saying why there are none.
public enum ExploreFrames {
    /// The MIME type of the frames in a saved output.
    public static let mimeType = "application/vnd.solvable.explore-frames+json"
    /// The most values one control steps through.
    public static let perControl = 64
    /// The most frames one explore keeps.
    public static let total = 400

    /// The grid values of each control, at most `total` frames in all: its settings and how each reads.
    static func axes(_ controls: [JSONValue], total: Int = total) -> [[(setting: JSONValue, text: String)]] {
        let cap = min(perControl, max(2, Int(pow(Double(total), 1 / Double(max(1, controls.count))).rounded(.down))))
        return controls.map { control in
            switch control["kind"]?.stringValue {
            case "dropdown":
                let options = control["options"]?.arrayValue ?? []
                return options.prefix(cap).enumerated().map { (JSONValue.int($0.offset), $0.element.stringValue ?? "") }
            case "checkbox":
                return [(.bool(false), "false"), (.bool(true), "true")]
            default:
                let low = control["min"]?.doubleValue ?? 0, high = control["max"]?.doubleValue ?? 1
                let step = control["step"]?.doubleValue ?? 0.01
                let log = control["log"]?.boolValue ?? false, integer = control["integer"]?.boolValue ?? false
                let span = log ? log10(high / low) : high - low
                let count = min(cap, Int((span / step).rounded()) + 1)
                var values: [Double] = (0..<count).map { i in
                    let t = count == 1 ? 0 : Double(i) / Double(count - 1)
                    return log ? low * pow(high / low, t) : low + (high - low) * t
                }
                if integer { values = Array(Set(values.map { $0.rounded() })).sorted() }
                return values.map { (.double($0), String(format: "%.4g", $0)) }
            }
        }
    }

    /// The index on `axis` nearest to `setting`.
    static func nearest(_ setting: JSONValue?, on axis: [(setting: JSONValue, text: String)]) -> Int {
        if let x = setting?.doubleValue, case .double = axis.first?.setting {
            return axis.indices.min { abs((axis[$0].setting.doubleValue ?? 0) - x) < abs((axis[$1].setting.doubleValue ?? 0) - x) } ?? 0
        }
        return axis.firstIndex { $0.setting == setting } ?? 0
    }

    /// Computes the frames of the explore display `data` through `evaluator`: the
    /// initial frame on the caller's thread, then the rest in parallel on the explore's
    /// own interpreters (`ExploreShelf.redraw`), or one at a time on the caller's thread
    /// when a frame writes files or reads a name only the session can build. Stops at
    /// `monitor`'s interrupt, at the cell's time limit, and when the frames' estimated
    /// work passes what the limit leaves. Returns the frames, or `{error}`; nil if
    /// `data` is not an explore.
    static func compute(_ data: JSONValue, evaluator: CellEvaluator, monitor: WorkMonitor,
                        progress: @escaping @Sendable (WorkMonitor.Progress) -> Void) -> JSONValue? {
        guard let explore = data[Session.exploreMIMEType], let id = explore["id"]?.intValue,
              let controls = explore["controls"]?.arrayValue else { return nil }
        let cost = evaluator.exploreShelf?.cost(id)
        let plan: ExploreFramePlan
        switch ExploreFramePlan.make(controls, cost: cost) {
        case .success(let made): plan = made
        case .failure(let refusal): return ["error": .string(refusal.text)]
        }
        let grid = plan.grid
        let initial = controls.indices.map { nearest(controls[$0]["value"], on: grid[$0]) }
        let strides = grid.indices.map { axis in grid[(axis + 1)...].reduce(1) { $0 * $1.count } }
        let settings: @Sendable (Int) -> [JSONValue] = { frame in grid.indices.map { grid[$0][frame / strides[$0] % grid[$0].count].setting } }
        let framesMonitor = WorkMonitor(parent: monitor) { monitor.report(done: $0.done, total: $0.total, label: $0.label) }
        if let cost { framesMonitor.setDeadline(WorkMonitor.Deadline(start: cost.cellStart, limit: cost.cellLimit)) }
        let tally = FrameTally(count: plan.count, budget: plan.budget, monitor: framesMonitor, progress: progress)

        let first = zip(initial, strides).reduce(0) { $0 + $1.0 * $1.1 }
        let serial = { (frame: Int) in
            tally.record(frame, evaluator.exploreFrame(id, settings: settings(frame), sink: OutputRecorder(), monitor: framesMonitor))
        }
        let wrote = serial(first)
        let rest = (0..<plan.count).filter { $0 != first }
        if let shelf = evaluator.exploreShelf, cost?.needsSession == false, wrote == false {
            FrameWorkers.run(rest) { frame in
                tally.record(frame, shelf.redraw(id, settings: settings(frame), sink: OutputRecorder(), monitor: framesMonitor)) != nil
            }
        } else {
            for frame in rest { guard serial(frame) != nil else { break } }
            // Leave the files the frames wrote as the cell's own values write them.
            if wrote == true { _ = evaluator.exploreFrame(id, settings: settings(first), sink: OutputRecorder(), monitor: monitor) }
        }
        switch tally.outcome {
        case .failure(let failure): return ["error": .string(failure.text)]
        case .success(let frames):
            let described: [JSONValue] = controls.indices.map { i in
                ["label": controls[i]["label"] ?? "", "kind": controls[i]["kind"] ?? "slider",
                 "values": .array(grid[i].map { .string($0.text) })]
            }
            return ["controls": .array(described), "initial": .array(initial.map(JSONValue.int)),
                    "frames": .array(frames.map(JSONValue.string)), "note": .string(plan.note)]
        }
    }
}
