import Display
import Foundation
import JSON
import Language
import NumericCore
import Synchronization
import Testing

/// The cell's one memory and time budget (issue 15): every value and every operation
/// draws from it, pure-language work follows interrupts and the time limit, displays
/// of huge values stay small, and `limits(...)` raises the limits for a session or a cell.
@Suite(.timeLimit(.minutes(2))) struct BudgetTests {
    let h = Harness()

    /// The error of a cell that must fail, recording an issue if it ran.
    private func failure(_ code: String, monitor: WorkMonitor = WorkMonitor()) -> CellError? {
        guard case .failure(let e) = h.run(code, monitor: monitor).0 else {
            Issue.record("expected an error from: \(code.prefix(80))")
            return nil
        }
        return e
    }

    private func seconds(_ body: () -> Void) -> Double {
        let start = ContinuousClock.now
        body()
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    @Test func sharedNestedListsCostNothingToBuildAndShowBriefly() {
        // Each line doubles the leaves (2⁶⁰ in the end): nesting and display must not walk them.
        let code = "a = [1]\n" + String(repeating: "a = [a, a]\n", count: 60) + "len(a)"
        var plain = ""
        let time = seconds { plain = h.plain(code) }
        #expect(plain == "2")
        #expect(time < 5)
        let shown = h.plain("a")
        #expect(shown.hasPrefix("[[[[[["))
        #expect(shown.hasSuffix("…] (2 items)"))
        #expect(shown.utf8.count < 2_100)
    }

    @Test func hugeStringsShowTheirStartAndLength() {
        // 2²¹ characters (the fuzz test found a 67 MB string took 27 s to show).
        let shown = h.plain("s = \"ab\"\n" + String(repeating: "s = s + s\n", count: 20) + "s")
        #expect(shown.hasPrefix("\"abab"))
        #expect(shown.hasSuffix("ab…\" (2097152 characters)"))
        #expect(shown.utf8.count < 2_100)
    }

    @Test func stringDoublingIsRefusedAtTheLimitNamingHowToRaiseIt() throws {
        let code = "limits(memory=1e7, cell=true)\ns = \"ab\"\n" + String(repeating: "s = s + s\n", count: 32)
        let e = try #require(failure(code))
        #expect(e.ename == "ResourceError")
        // "ab" · 2^k bytes: 2^22 (4 MiB) is held, 2^23 (8 MiB) more would pass 1e7 bytes.
        #expect(e.line == 24)
        #expect(e.evalue.hasPrefix("'+' on two strings would bring the session's values to 12 MiB of memory (limit 9.5 MiB; variables hold 4 MiB)"))
        #expect(e.evalue.contains("limits(memory=1e9)"))
    }

    @Test func manyVectorsAddUpAgainstOneBudget() throws {
        // Each line alone is small (8 MB); together they pass the 2e8-byte limit at v24.
        var code = "limits(memory=2e8, cell=true)\nv0 = linspace(0, 1, n=1e6)\n"
        for k in 0..<95 { code += "v\(k + 1) = v\(k) + 1\n" }
        let e = try #require(failure(code))
        #expect(e.ename == "ResourceError")
        #expect(e.evalue.hasPrefix("'+' on a vector would bring the session's values to 198.4 MiB of memory "
                                   + "(limit 190.7 MiB; variables hold 190.7 MiB)"))
        #expect(e.line == 27)
        #expect(h.session.variable("v24") != nil && h.session.variable("v25") == nil)
    }

    @Test func valuesFromBuiltinsCountToo() throws {
        var code = "limits(memory=5e7, cell=true)\n"
        for k in 0..<10 { code += "g\(k) = linspace(0, 1, n=1e6)\n" }
        let e = try #require(failure(code))
        #expect(e.ename == "ResourceError")
        #expect(e.evalue.hasPrefix("the value of g6 would bring the session's values to 53.4 MiB of memory (limit 47.7 MiB; variables hold 45.8 MiB)"))
        #expect(e.line == 8)
    }

    @Test func sharedStorageIsCountedOnce() {
        // Copies of one vector share its buffer: 20 names for 8 MB stay under 1e8 bytes.
        var code = "limits(memory=1e8, cell=true)\nv = linspace(0, 1, n=1e6)\n"
        for k in 0..<20 { code += "w\(k) = v\n" }
        code += "limits().held"
        #expect(h.number(code) < 1e7)
    }

    @Test func cellLimitsEndWithTheCellAndSessionLimitsStay() {
        h.run("limits(seconds=5, memory=1e8, cell=true)")
        #expect(h.number("limits().seconds") == 600)
        #expect(h.number("limits().memory") == 8 * 1024 * 1024 * 1024)
        h.run("limits(seconds=1200)")
        #expect(h.number("limits().seconds") == 1200)
        #expect(h.number("limits(seconds=30, cell=true)\nlimits().seconds") == 30)
        #expect(h.number("limits().seconds") == 1200)
    }

    @Test func limitsRefuseOutOfRangeValues() throws {
        let e = try #require(failure("limits(seconds=-1)"))
        #expect(e.ename == "DomainError")
        #expect(e.evalue == "seconds = -1 is out of range: allowed 0 < seconds ≤ 86400 (one day)")
        #expect(e.column == 8)
        let m = try #require(failure("limits(memory=1e30)"))
        #expect(m.ename == "DomainError")
        #expect(m.evalue.hasPrefix("memory = 1e+30 is out of range: allowed 1e6 ≤ memory ≤ "))
    }

    @Test func longOperationsStopAtTheCellsTimeLimit() throws {
        // `spin` runs for 10 s unless stopped; the cell's 0.3 s limit stops it.
        var e: CellError?
        let time = seconds { e = failure("limits(seconds=0.3, cell=true)\nspin(toy())") }
        let error = try #require(e)
        #expect(error.ename == "ResourceError")
        #expect(error.evalue.hasPrefix("the cell ran past its time limit of 0.3 s; raise the limit with limits(seconds=60)"))
        #expect(error.line == 2)
        #expect(time < 3)
    }

    @Test func pureLanguageWorkStopsAtTheTimeLimit() throws {
        // No operation at all: vector arithmetic alone runs past the limit and is stopped.
        let code = "limits(seconds=0.2, cell=true)\nv = linspace(0, 1, n=1e6)\n" + String(repeating: "w = v * 2 + 1\n", count: 20000)
        var e: CellError?
        let time = seconds { e = failure(code) }
        #expect(e?.ename == "ResourceError")
        #expect(e?.evalue.hasPrefix("the cell ran past its time limit of 0.2 s") == true)
        #expect(time < 5)
    }

    @Test func pureLanguageWorkFollowsInterrupts() throws {
        let monitor = WorkMonitor()
        let cancelledAt = Mutex<ContinuousClock.Instant?>(nil)
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 0.2)
            cancelledAt.withLock { $0 = .now }
            monitor.cancel()
        }
        let code = "v = linspace(0, 1, n=1e6)\n" + String(repeating: "w = v * 2 + 1\n", count: 20000)
        let e = failure(code, monitor: monitor)
        let stopped = ContinuousClock.now
        #expect(e?.ename == "Interrupted")
        let sent = try #require(cancelledAt.withLock { $0 })
        #expect(stopped - sent < .seconds(5))
    }

    @Test func estimatesAreCheckedAgainstTheTimeLeftAndSayHowToRaiseIt() throws {
        let e = try #require(failure("simulate(toy(dim=10000), P=[10])"))
        #expect(e.ename == "ResourceError")
        #expect(e.evalue == "simulate(toy) would take about 4000 s (limit 600 s); reduce the dimension, sample sizes, trials or grid, "
                + "or raise the limit with limits(seconds=5040) for the session, or add cell=true for this cell only")
        // Raised for the cell, the same call runs.
        guard case .success = h.run("limits(seconds=5040, cell=true)\nsimulate(toy(dim=10000), P=[10])").0 else {
            Issue.record("the raised limit should admit the call"); return
        }
        #expect(abs((h.session.lastEstimate?.seconds ?? 0) - 4000) < 1e-6)
    }

    @Test func sweepGridsAreSizedBeforeTheyAreBuilt() throws {
        var e: CellError?
        let time = seconds { e = failure("theory(toy(), P=[10], alpha=linspace(1, 2, n=10000), dim=range(1, 10001))") }
        let error = try #require(e)
        #expect(error.ename == "ResourceError")
        #expect(error.evalue == "the sweep has 100000000 points (10000 alpha × 10000 dim); the limit is 100000 points: sweep fewer values")
        #expect(time < 30, "a hang guard: building the 10⁸-point grid first would take minutes")
    }

    @Test func hugeTablesShowHeadAndTailLikePandas() throws {
        var bundle: MIMEBundle?
        let time = seconds {
            if case .success(let result, _) = h.run("table(a=range(1e6), b=range(1e6))").0 { bundle = result }
        }
        let b = try #require(bundle)
        #expect(time < 5)
        #expect(b.plainText.hasSuffix("[1000000 rows x 2 columns]"))
        let html = try #require(b.data[MIMEType.html]?.stringValue)
        #expect(html.hasSuffix("<p>1000000 rows × 2 columns</p>"))
        #expect(html.contains("<tr><th>999999</th>"))
        #expect(!html.contains("<tr><th>500000</th>"))
        #expect(html.utf8.count < 5_000)
        let rows = b.data[MIMEType.dataResource]?.objectValue?["data"]?.arrayValue
        #expect(rows?.count == TableDisplay.maxPlainRows)
    }

    @Test func smallTablesStillShowEveryRow() throws {
        let code = "table(a=range(60))"
        guard case .success(let result?, _) = h.run(code).0 else { Issue.record("table failed"); return }
        let html = try #require(result.data[MIMEType.html]?.stringValue)
        #expect(html.contains("<tr><th>59</th>") && html.contains("<tr><th>30</th>"))
        #expect(!html.contains("rows ×"))
        #expect(result.data[MIMEType.dataResource]?.objectValue?["data"]?.arrayValue?.count == 60)
    }
}
