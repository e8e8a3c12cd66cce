import Foundation
import JSON
import Language

/// How many frames of an explore `solvable run` precomputes: the grid its controls'
/// steps ask for (at most `ExploreFrames.perControl` values per control and
/// `ExploreFrames.total` frames), made coarser when the cell's own estimate of one
/// redraw (the operations' `WorkEstimate`s, as a cell is refused past its limit) times
/// the frames would pass the time the cell's limit leaves; refused when not even two
/// values per control fit. The estimate, not a clock, decides, so the plan is the same
/// on every machine that estimates the same.
struct ExploreFramePlan {
    /// The grid values of each control.
    var grid: [[(setting: JSONValue, text: String)]]
    /// The seconds of estimated work the frames may take, and one frame's estimate.
    var budget: Double
    var perFrame: Double
    /// What the note under the figure says about the bound.
    var note: String

    /// Frames in all.
    var count: Int { grid.reduce(1) { $0 * $1.count } }

    /// The plan for `controls` (their `Control.json`) at a redraw cost of `cost`
    /// (nil: unknown, the fine grid), or why no frame is precomputed.
    static func make(_ controls: [JSONValue], cost: ExploreShelf.Cost?,
                     now: ContinuousClock.Instant = .now) -> Result<ExploreFramePlan, Refusal> {
        let fine = ExploreFrames.axes(controls)
        let fineCount = fine.reduce(1) { $0 * $1.count }
        let bound = "at most \(ExploreFrames.perControl) per control and \(ExploreFrames.total) in all"
        guard let cost, cost.secondsPerRedraw > 0 else {
            return .success(ExploreFramePlan(grid: fine, budget: .infinity, perFrame: 0,
                                             note: "\(fineCount) frames precomputed (\(sizes(fine, controls))); \(bound)"))
        }
        let elapsed = now - cost.cellStart
        let left = cost.cellLimit - (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        let perFrame = cost.secondsPerRedraw
        let affordable = left > 0 ? Int(min(Double(ExploreFrames.total), (left / perFrame).rounded(.down))) : 0
        let work = "one redraw is estimated at \(seconds(perFrame)) and the cell's time limit of "
            + "\(seconds(cost.cellLimit)) leaves \(seconds(max(0, left)))"
        if fineCount <= affordable {
            return .success(ExploreFramePlan(grid: fine, budget: left, perFrame: perFrame,
                                             note: "\(fineCount) frames precomputed (\(sizes(fine, controls))); \(bound)"))
        }
        let coarse = ExploreFrames.axes(controls, total: max(1, affordable))
        let coarseCount = coarse.reduce(1) { $0 * $1.count }
        guard coarseCount <= affordable, coarse.allSatisfy({ $0.count >= 2 }) else {
            return .failure(Refusal(text: "no frames precomputed: \(work), room for \(affordable) of the \(fineCount) frames"))
        }
        let positions = controls.indices.map { "\(coarse[$0].count) of \(fine[$0].count) values of \(label(controls[$0]))" }
        return .success(ExploreFramePlan(grid: coarse, budget: left, perFrame: perFrame,
                                         note: "\(coarseCount) frames precomputed, at \(positions.joined(separator: " × ")): "
                                             + "\(work), room for \(affordable) of the \(fineCount) frames"))
    }

    /// Why an explore has no frames.
    struct Refusal: Error {
        var text: String
    }

    private static func label(_ control: JSONValue) -> String { control["label"]?.stringValue ?? "a control" }

    private static func sizes(_ grid: [[(setting: JSONValue, text: String)]], _ controls: [JSONValue]) -> String {
        controls.indices.map { "\(grid[$0].count) values of \(label(controls[$0]))" }.joined(separator: " × ")
    }

    /// `0.82 s`, `12 s`.
    static func seconds(_ x: Double) -> String { String(format: x < 10 ? "%.2g s" : "%.0f s", x) }
}
