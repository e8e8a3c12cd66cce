#if canImport(Glibc)
import Glibc
#endif
import CellCache
import Dispatch
import Foundation
import GRDB
import JSON
import Language
import Notebook
import Synchronization
import Testing
import TestSupport

/// The input-keyed cell cache: which cells a run restores, which it runs, and that
/// what it restores or rebuilds is what a fresh run computes.
@Suite struct CellCacheTests {
    /// One cached run: each code cell's printed text, the cells restored, the notices.
    struct Run {
        var texts: [String]
        var restored: [Int]
        var notices: [String]
    }

    private func scratch() throws -> String { try Scratch.directory("solvable-cache") }

    /// Runs `sources` as a notebook in `directory` with the cache there.
    private func run(_ sources: [String], in directory: String, refresh: [String] = []) -> Run {
        let notices = Mutex<[String]>([])
        let session = Session()
        session.files = FileScope(base: directory)
        let memo = SessionMemo(session: session, cachePath: SessionMemo.path(forNotebooksIn: directory),
                               refresh: refresh) { line in notices.withLock { $0.append(line) } }
        let cells = sources.enumerated().map { Cell(kind: .code, source: $1, id: "cell\($0 + 1)") }
        let result = NotebookExecutor(evaluator: session, memo: memo).run(Notebook(cells: cells))
        #expect(result.failure == nil, "\(String(describing: result.failure))")
        let texts = result.notebook.cells.map { cell in
            cell.outputs.compactMap { output in output["text"]?.multilineText ?? output["data"]?["text/plain"]?.multilineText }
                .joined()
        }
        return Run(texts: texts, restored: memo?.restoredCells ?? [], notices: notices.withLock { $0 })
    }

    /// Cell 3 reads only cell 1's name; cell 4 reads cells 2 and 3.
    private let chain = [
        "a = 2\nprint(\"a\", a)",
        "b = a * 10\nprint(\"b\", b)",
        "c = a + 1\nprint(\"c\", c)",
        "d = b + c\nprint(\"d\", d)",
    ]

    @Test func anUnchangedNotebookIsRestoredWhole() throws {
        let directory = try scratch()
        let cold = run(chain, in: directory)
        #expect(cold.restored == [])
        #expect(cold.texts == ["a 2\n", "b 20\n", "c 3\n", "d 23\n"])
        let warm = run(chain, in: directory)
        #expect(warm.restored == [1, 2, 3, 4])
        #expect(warm.texts == cold.texts)
    }

    @Test func aNotebookRestoredWholeIsWrittenBackUnchanged() throws {
        let directory = try scratch()
        func execute(_ notebook: Notebook) -> Notebook {
            let session = Session()
            session.files = FileScope(base: directory)
            let memo = SessionMemo(session: session, cachePath: SessionMemo.path(forNotebooksIn: directory), refresh: []) { _ in }
            return NotebookExecutor(evaluator: session, memo: memo).run(notebook).notebook
        }
        let cold = execute(Notebook(cells: chain.enumerated().map { Cell(kind: .code, source: $1, id: "cell\($0 + 1)") }))
        // Same outputs as the file: the saved timing stays, so the file is unchanged.
        #expect(execute(cold) == cold)
        // Outputs that differ from the file's (here emptied) are restored and stamped anew.
        var stale = cold
        stale.cells[0].outputs = []
        let restamped = execute(stale)
        #expect(restamped.cells[0].outputs == cold.cells[0].outputs)
        #expect(restamped.cells[0].metadata["execution"] != cold.cells[0].metadata["execution"])
        #expect(restamped.cells[1] == cold.cells[1])
    }

    @Test func aChangedCellRerunsExactlyItsDownstream() throws {
        let directory = try scratch()
        _ = run(chain, in: directory)
        var changed = chain
        changed[1] = "b = a * 1000\nprint(\"b\", b)"
        let rerun = run(changed, in: directory)
        #expect(rerun.restored == [1, 3])
        #expect(rerun.texts == ["a 2\n", "b 2000\n", "c 3\n", "d 2003\n"])
    }

    @Test func aRunningCellRebuildsTheValuesOfRestoredCellsItReads() throws {
        let directory = try scratch()
        _ = run(chain, in: directory)
        var changed = chain
        changed[3] = "d = b + c + 100\nprint(\"d\", d)"
        let rerun = run(changed, in: directory)
        #expect(rerun.restored == [1, 2, 3])
        #expect(rerun.texts.last == "d 123\n")
    }

    @Test func aRebuildUsesTheValuesTheCellReadEvenIfRebound() throws {
        let directory = try scratch()
        let sources = ["a = 1", "b = a + 1", "a = 50", "print(b + a)"]
        _ = run(sources, in: directory)
        var changed = sources
        changed[3] = "print(b * a)"
        let rerun = run(changed, in: directory)
        #expect(rerun.restored == [1, 2, 3])
        #expect(rerun.texts.last == "100\n")
    }

    @Test func aChangedDataFileRerunsItsLoadCellAndDependents() throws {
        let directory = try scratch()
        try "x,y\n1,2\n3,4\n".write(toFile: directory + "/data.csv", atomically: true, encoding: .utf8)
        let sources = ["k = 3", "t = load(\"data.csv\")", "print(sum(t.y) * k)", "print(k)"]
        #expect(run(sources, in: directory).texts[2] == "18\n")
        #expect(run(sources, in: directory).restored == [1, 2, 3, 4])
        try "x,y\n1,20\n3,40\n".write(toFile: directory + "/data.csv", atomically: true, encoding: .utf8)
        let rerun = run(sources, in: directory)
        #expect(rerun.restored == [1, 4])
        #expect(rerun.texts[2] == "180\n")
    }

    @Test func aSavedFileThatIsGoneRerunsItsCell() throws {
        let directory = try scratch()
        let sources = ["save(table(a=[1, 2]), \"out.csv\")", "print(1)"]
        _ = run(sources, in: directory)
        #expect(run(sources, in: directory).restored == [1, 2])
        try FileManager.default.removeItem(atPath: directory + "/out.csv")
        #expect(run(sources, in: directory).restored == [2])
        #expect(FileManager.default.fileExists(atPath: directory + "/out.csv"))
    }

    @Test func theSeedIsAnInputAndASeedCellAlwaysRuns() throws {
        let directory = try scratch()
        let sources = ["seed(1)", "x = 5", "print(x)"]
        _ = run(sources, in: directory)
        #expect(run(sources, in: directory).restored == [2, 3])
        var changed = sources
        changed[0] = "seed(2)"
        #expect(run(changed, in: directory).restored == [])
    }

    @Test func refreshRunsTheNamedCellsByNumberOrID() throws {
        let directory = try scratch()
        _ = run(chain, in: directory)
        #expect(run(chain, in: directory, refresh: ["2"]).restored == [1, 3, 4])
        #expect(run(chain, in: directory, refresh: ["cell3"]).restored == [1, 2, 4])
    }

    @Test func twoRunsAtOnceShareTheCache() throws {
        let directory = try scratch()
        let sources = (1...30).map { "v\($0) = \($0) * 2\nprint(v\($0))" }
        let runs = Mutex<[Run]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            let result = run(sources, in: directory)
            runs.withLock { $0.append(result) }
        }
        let both = runs.withLock { $0 }
        #expect(both.count == 2)
        #expect(both.allSatisfy { $0.texts == sources.indices.map { "\(2 * ($0 + 1))\n" } })
        #expect(both.allSatisfy { $0.notices.isEmpty }, "\(both.map(\.notices))")
        #expect(run(sources, in: directory).restored == Array(1...30))
    }

    /// Many runs starting at once on a new cache: opening and creating it is serialized
    /// (one lock file), so none of them sees a half-made cache or runs without one.
    @Test func runsStartingTogetherOnANewCacheAllUseIt() throws {
        let sources = ["w = 3", "print(w * 7)"]
        for _ in 1...8 {
            let directory = try scratch()
            let runs = Mutex<[Run]>([])
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                let result = run(sources, in: directory)
                runs.withLock { $0.append(result) }
            }
            let all = runs.withLock { $0 }
            #expect(all.count == 4 && all.allSatisfy { $0.texts == ["", "21\n"] })
            #expect(all.allSatisfy { $0.notices.isEmpty }, "\(all.map(\.notices))")
            #expect(run(sources, in: directory).restored == [1, 2])
        }
    }

    @Test(arguments: ["random bytes", "truncated", "foreign SQLite"])
    func aCorruptOrForeignCacheIsRebuiltNotTrusted(_ damage: String) throws {
        let directory = try scratch()
        let path = SessionMemo.path(forNotebooksIn: directory)
        _ = run(chain, in: directory)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        switch damage {
        case "random bytes":
            var generator = SystemRandomNumberGenerator()
            try Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) })
                .write(to: URL(fileURLWithPath: path))
        case "truncated":
            try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: path))
        default:
            try FileManager.default.removeItem(atPath: path)
            // A real SQLite database of another application.
            let foreign = try DatabaseQueue(path: path)
            try foreign.write { db in
                try db.execute(sql: "CREATE TABLE cell (key TEXT); INSERT INTO cell VALUES ('x')")
            }
        }
        let rebuilt = run(chain, in: directory)
        #expect(rebuilt.restored == [])
        #expect(rebuilt.texts == ["a 2\n", "b 20\n", "c 3\n", "d 23\n"])
        #expect(rebuilt.notices.count == 1 && rebuilt.notices[0].contains("not trusted and was rebuilt"),
                "\(rebuilt.notices)")
        #expect(run(chain, in: directory).restored == [1, 2, 3, 4])
    }
}
