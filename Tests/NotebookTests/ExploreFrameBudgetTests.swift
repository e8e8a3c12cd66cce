import CellCache
import Foundation
import JSON
import Language
import Models
@testable import Notebook
import NumericCore
import Testing
import TestSupport

/// `solvable run` precomputes an explore's frames within the cell's time limit, judged
/// by the cell's own estimate of one redraw: a coarser grid, stated, or none.
@Suite struct ExploreFrameBudgetTests {
    /// A simulation whose estimate says `cost` seconds but which returns at once: the
    /// plan must follow the estimate, so the test needs no slow work and no clock.
    struct Slow: ParameterGroup {
        @Option("decay exponent α", range: .positive) var alpha = 1.0
        @Option("estimated seconds of one call", range: .positive) var cost = 1.0
        @Option("seconds one call really takes", range: .nonNegative) var takes = 0.0
    }

    static let slow = ModelFamily(
        name: "slow", summary: "A curve estimated to be slow.", doc: "For tests.", reference: "none", model: Slow.self,
        operations: [
            .table("simulate", "The curve P^-alpha.", model: Slow.self, arguments: NoArguments.self,
                   estimate: { slow, _ in WorkEstimate(bytes: 64, seconds: slow.cost) }) { slow, _, monitor in
                let clock = ContinuousClock()
                let start = clock.now
                while clock.now - start < .seconds(slow.takes) {
                    try monitor.checkCancelled()
                    Thread.sleep(forTimeInterval: 0.005)
                }
                let P = [10.0, 100, 1000]
                return Table(columns: [Table.Column("P", P), Table.Column("test", P.map { pow($0, -slow.alpha) })],
                             caption: "simulation", role: .simulation)
            },
        ])

    /// The frames `solvable run` saves for an explore of a simulation estimated at `cost`
    /// seconds (taking `takes`), under a session time limit of `limit` seconds; and the session.
    static func frames(cost: Double, takes: Double = 0, limit: Double = 10) throws -> (JSONValue, Session) {
        let session = Session(families: [slow], functions: [])
        let cells = ["limits(seconds=\(limit))",
                     "explore(simulate(slow(alpha=slider(1, 3, 2, step=0.05), cost=\(cost), takes=\(takes))))"]
        let result = NotebookExecutor(evaluator: session).run(notebook(cells))
        #expect(result.failure == nil)
        let output = try #require(result.notebook.cells[1].outputs.first { $0["data"]?[ExploreFrames.mimeType] != nil })
        return (try #require(output["data"]?[ExploreFrames.mimeType]), session)
    }

    @Test func cheapFramesCoverTheWholeGrid() throws {
        let (frames, _) = try Self.frames(cost: 0.001)
        #expect(frames["frames"]?.arrayValue?.count == 41)
        #expect(frames["note"]?.stringValue?.hasPrefix("41 frames precomputed (41 values of alpha)") == true)
    }

    @Test func slowFramesTakeACoarserGridThatFitsTheLimit() throws {
        // 41 frames at 1 s each would pass the 10 s limit: 9 fit (the cell itself took a few ms).
        let (frames, session) = try Self.frames(cost: 1)
        let views = try #require(frames["frames"]?.arrayValue)
        #expect(views.count == 9)
        #expect(frames["controls"]?.arrayValue?.first?["values"]?.arrayValue?.map { $0.stringValue ?? "" }
            == ["1", "1.25", "1.5", "1.75", "2", "2.25", "2.5", "2.75", "3"])
        let note = try #require(frames["note"]?.stringValue)
        #expect(note.hasPrefix("9 frames precomputed, at 9 of 41 values of alpha: one redraw is estimated at 1 s"), "\(note)")
        #expect(note.contains("room for 9 of the 41 frames"), "\(note)")
        // Frames made in parallel are the ones the session draws one at a time.
        for (i, alpha) in [1.0, 2.25, 3.0].enumerated() {
            let index = [0, 5, 8][i]
            guard case .success(let drawn) = session.reexplore(0, settings: [.double(alpha)], sink: OutputRecorder(),
                                                               monitor: WorkMonitor()) else {
                Issue.record("redraw at \(alpha) failed"); continue
            }
            #expect(views[index].stringValue == ExploreWidgets.html(drawn.dataJSON))
        }
        #expect(Set(views.compactMap(\.stringValue)).count == 9)
    }

    @Test func framesThatCannotFitAreRefusedWithTheReason() throws {
        let (frames, _) = try Self.frames(cost: 6)
        #expect(frames["frames"] == nil)
        let error = try #require(frames["error"]?.stringValue)
        #expect(error.hasPrefix("no frames precomputed: one redraw is estimated at 6 s and the cell's time limit of 10 s leaves"),
                "\(error)")
        #expect(error.hasSuffix("room for 1 of the 41 frames"), "\(error)")
    }

    /// Redraws that take longer than their estimate stop at the cell's time limit, and
    /// the figure says so (the estimate let 4 frames in: the cell took 0.5 s of 1.5 s).
    @Test func framesSlowerThanTheirEstimateStopAtTheTimeLimit() throws {
        let (frames, _) = try Self.frames(cost: 0.25, takes: 0.5, limit: 1.5)
        #expect(frames["frames"] == nil)
        let error = try #require(frames["error"]?.stringValue)
        #expect(error.hasPrefix("frames stopped at the cell's time limit of 1.5 s after "), "\(error)")
        #expect(error.hasSuffix("the redraws took longer than their estimate"), "\(error)")
    }

    /// A frame may read a name that only the session can build (bound by a cell the
    /// cell cache restored, read by no earlier evaluation): those frames are drawn on the
    /// session's turn, one at a time, and see its value.
    @Test func aNameRestoredFromTheCellCacheIsBuiltForTheFramesThatReadIt() throws {
        let directory = try Scratch.directory("solvable-explore-cache")
        func run(_ cells: [String]) throws -> (frames: JSONValue?, restored: [Int]) {
            let session = Session(families: [Self.slow], functions: [])
            session.files = FileScope(base: directory)
            let memo = SessionMemo(session: session, cachePath: SessionMemo.path(forNotebooksIn: directory), refresh: []) { _ in }
            let result = NotebookExecutor(evaluator: session, memo: memo).run(notebook(cells))
            #expect(result.failure == nil, "\(String(describing: result.failure))")
            let output = result.notebook.cells.last?.outputs.first { $0["data"]?[ExploreFrames.mimeType] != nil }
            return (output?["data"]?[ExploreFrames.mimeType], memo?.restoredCells ?? [])
        }
        _ = try run(["a = 2.5", "1"])
        let explore = "explore(simulate(slow(alpha=a if checkbox(false) else slider(1, 3, 2, step=1), cost=0.001)))"
        let (saved, restored) = try run(["a = 2.5", explore])
        #expect(restored == [1])
        let frames = try #require(saved)
        let list = frames["frames"]?.arrayValue ?? []
        let views = list.compactMap(\.stringValue)
        // Row-major over (checkbox, slider): false × 1, 2, 3, then true × the slider, where alpha = a.
        #expect(views.count == 6)
        #expect(Set(views[0..<3]).count == 3 && Set(views[3..<6]).count == 1 && !views[0..<3].contains(views[3]))
        let (direct, _) = try Self.frames(cost: 0.001)
        let twoAndAHalf = try #require(direct["frames"]?.arrayValue?[30].stringValue)  // 1 + 30 × 0.05 = 2.5
        #expect(views[3] == twoAndAHalf)
    }

    /// Frames that write a file are drawn one at a time, and the file is left as the
    /// cell's own values write it, not as the last frame did.
    @Test func framesThatWriteFilesLeaveTheCellsFile() throws {
        let directory = try Scratch.directory("solvable-explore-save")
        let session = Session(families: [Self.slow], functions: [])
        session.files = FileScope(base: directory)
        let table = "simulate(slow(alpha=%@, cost=0.001))"
        let cells = ["save(" + table.replacingOccurrences(of: "%@", with: "2") + ", \"direct.csv\")",
                     "explore(save(" + table.replacingOccurrences(of: "%@", with: "slider(1, 3, 2, step=1)") + ", \"curve.csv\"))"]
        let result = NotebookExecutor(evaluator: session).run(notebook(cells))
        #expect(result.failure == nil)
        let frames = result.notebook.cells[1].outputs.compactMap { $0["data"]?[ExploreFrames.mimeType] }.first
        #expect(frames?["frames"]?.arrayValue?.count == 3, "\(String(describing: frames))")
        let written = try String(contentsOfFile: directory + "/curve.csv", encoding: .utf8)
        #expect(written == (try String(contentsOfFile: directory + "/direct.csv", encoding: .utf8)))
    }
}
