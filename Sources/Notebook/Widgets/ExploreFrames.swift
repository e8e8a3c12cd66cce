import Foundation
import JSON
import Language
import NumericCore

/// The frames of an explore precomputed over its controls' grid, so a static report
/// can swap views as a reader moves a control without a kernel: at most
/// `perControl` values per control and `total` frames in all. Saved by `solvable run`
/// under `mimeType`: `{controls: [{label, kind, values: [text], settings: [...]}],
/// initial: [index], frames: [html], note}`, frames row-major over the controls.
public enum ExploreFrames {
    /// The MIME type of the frames in a saved output.
    public static let mimeType = "application/vnd.solvable.explore-frames+json"
    /// The most values one control steps through.
    public static let perControl = 64
    /// The most frames one explore keeps.
    public static let total = 400

    /// The grid values of each control: its settings and how each reads.
    static func axes(_ controls: [JSONValue]) -> [[(setting: JSONValue, text: String)]] {
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

    /// Computes the frames of the explore display `data` through `evaluator`, or the
    /// error of the first frame that failed.
    static func compute(_ data: JSONValue, evaluator: CellEvaluator, monitor: WorkMonitor) -> Result<JSONValue, CellError>? {
        guard let explore = data[Session.exploreMIMEType], let id = explore["id"]?.intValue,
              let controls = explore["controls"]?.arrayValue else { return nil }
        let grid = axes(controls)
        let initial = controls.indices.map { nearest(controls[$0]["value"], on: grid[$0]) }
        var frames: [JSONValue] = []
        var index = [Int](repeating: 0, count: grid.count)
        let count = grid.reduce(1) { $0 * $1.count }
        for _ in 0..<count {
            let settings = index.enumerated().map { grid[$0.offset][$0.element].setting }
            switch evaluator.reexplore(id, settings: settings, sink: OutputRecorder(), monitor: monitor) {
            case .success(let bundle): frames.append(.string(ExploreWidgets.html(bundle.dataJSON)))
            case .failure(let error): return .failure(error)
            }
            for axis in stride(from: grid.count - 1, through: 0, by: -1) {
                index[axis] += 1
                if index[axis] < grid[axis].count { break }
                index[axis] = 0
            }
        }
        // Leave the session's explore at the values it was shown with.
        _ = evaluator.reexplore(id, settings: controls.map { $0["value"] ?? .null }, sink: OutputRecorder(), monitor: monitor)
        let described: [JSONValue] = controls.indices.map { i in
            ["label": controls[i]["label"] ?? "", "kind": controls[i]["kind"] ?? "slider",
             "values": .array(grid[i].map { .string($0.text) })]
        }
        let sizes = controls.indices.map { "\(grid[$0].count) values of \(controls[$0]["label"]?.stringValue ?? "a control")" }
        let note = "\(count) frames precomputed (\(sizes.joined(separator: " × "))); at most \(perControl) per control and \(total) in all"
        return .success(["controls": .array(described), "initial": .array(initial.map(JSONValue.int)),
                         "frames": .array(frames), "note": .string(note)])
    }
}
