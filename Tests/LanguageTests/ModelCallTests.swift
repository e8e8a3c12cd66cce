import Foundation
import Display
import Language
import Models
import NumericCore
import Testing

/// Model constructors, operations, sweeps, seeds, progress and interrupts, over the
/// toy families of `ToyModels`.
@Suite struct ModelCallTests {
    let h = Harness()

    private func table(_ code: String) -> Table? {
        h.run("__t = " + code)
        if case .table(let t)? = h.session.variable("__t") { return t }
        return nil
    }

    @Test func constructorFillsDefaultsAndChecksArguments() {
        #expect(h.plain("toy(alpha=2)") == "toy(alpha=2, dim=100, mode=\"fast\", noise=0)")
        #expect(h.plain("toy(3, 10)") == "toy(alpha=3, dim=10, mode=\"fast\", noise=0)")
        #expect(h.plain("m = toy(alpha=2)\nm.alpha") == "2")
        #expect(h.error("toy(dim=2.5)")?.evalue == "dim = 2.5 is out of range: allowed a whole number dim ≥ 1")
        #expect(h.error("toy(alpha=\"x\")")?.evalue == "alpha must be a number, not a string")
        #expect(h.error("toy(alpha=[1, 2])")?.evalue.hasPrefix("alpha takes a single value here; to sweep it") == true)
        #expect(h.error("toy(1, 2, \"fast\", 0, 5)")?.ename == "ArgumentError")
    }

    @Test func theoryRunsTheOperation() throws {
        let t = try #require(table("theory(toy(alpha=2), P=[1, 10])"))
        #expect(t.numbers("test") == [1, 0.01])
        #expect(t.role == .theory)
        #expect(h.plain("m = toy()\nlen(m.theory(P=[1, 2, 3]))") == "3")
    }

    @Test func operationArgumentErrors() {
        #expect(h.error("theory(1, P=[1])")?.evalue == "theory needs a model as its first argument, not a number")
        #expect(h.error("theory(toy())")?.evalue == "theory(toy) needs the argument 'P' (sample sizes); see help(theory)")
        #expect(h.error("theory(toy(), P=[1, -1])")?.evalue == "P = -1 (entry 1) is out of range: allowed P > 0")
        #expect(h.error("theory(toy(), Q=[1])")?.evalue.hasSuffix("did you mean 'P'?") == true)
        #expect(h.error("theory(toy(), P=[1], noise=[0, 1])")?.evalue == "noise cannot be swept; give a single value")
    }

    @Test func oneSweptParameterAddsAColumn() throws {
        let t = try #require(table("theory(toy(), P=[1, 10], alpha=[1, 2])"))
        #expect(t.columnNames == ["P", "test", "alpha"])
        #expect(t.numbers("alpha") == [1, 1, 2, 2])
        #expect(t.numbers("test") == [1, 0.1, 1, 0.01])
        #expect(t.caption == "theory")
    }

    @Test func twoSweptParametersGiveALongGrid() throws {
        let t = try #require(table("theory(toy(), P=[10], alpha=[1, 2], mode=[\"fast\", \"slow\"])"))
        #expect(t.columnNames == ["P", "test", "alpha", "mode"])
        #expect(t.numbers("alpha") == [1, 1, 2, 2])
        #expect(t.column("mode")?.values == .strings(["fast", "slow", "fast", "slow"]))
    }

    @Test func overridingAModelParameterWithoutSweeping() throws {
        let t = try #require(table("theory(toy(alpha=1), P=[10], alpha=3)"))
        #expect(t.numbers("test").map { abs($0[0] - 1e-3) < 1e-15 } == true)
        #expect(t.columnNames == ["P", "test"])
    }

    @Test func sweptValuesAreCheckedBeforeAnythingRuns() {
        let e = h.error("theory(toy(), P=[1], alpha=[1, -2])")
        #expect(e?.evalue == "alpha = -2 is out of range: allowed alpha > 0")
        #expect(e?.column == 22)  // the keyword alpha=
    }

    @Test func recordsBecomeRowsWithFields() {
        #expect(h.plain("frontier(toy(alpha=3)).best") == "6")
        #expect(table("frontier(toy(), alpha=[1, 2])")?.numbers("best") == [2, 4])
    }

    @Test func seedSetsTheDefaultSeedSoRerunsAreIdentical() throws {
        let code = "seed(7)\ns = simulate(toy(), P=[10, 100])"
        h.run(code)
        let first = try #require(table("s"))
        h.run("s2 = simulate(toy(), P=[10, 100])")
        h.run(code)
        let again = try #require(table("s"))
        #expect(first == again)
        let explicit = try #require(table("simulate(toy(), P=[10, 100], seed=7)"))
        #expect(explicit == first)
        let other = try #require(table("simulate(toy(), P=[10, 100], seed=8)"))
        #expect(other != first)
    }

    @Test func resourceLimitCoversTime() {
        let e = h.error("simulate(toy(dim=30000), P=[1], trials=100)")
        #expect(e?.ename == "ResourceError")
        #expect(e?.evalue.contains("would need about") == true || e?.evalue.contains("would take about") == true)
    }

    @Test func progressIsShownAsAnUpdatedDisplay() {
        let (_, sink) = h.run("simulate(toy(), P=linspace(1, 100, 50))")
        let progress = sink.events.compactMap { event -> (String, Bool)? in
            if case .display(_, let id?, let update) = event { return (id, update) }
            return nil
        }
        #expect(!progress.isEmpty)
        #expect(progress.first?.1 == false)
        #expect(progress.dropFirst().allSatisfy { $0.1 })
        #expect(Set(progress.map(\.0)).count == 1)
        #expect(progress.count <= 4)
        if case .display(let last, _, _)? = sink.events.last {
            #expect(last.plainText.contains("100%  (50/50)"))
        }
    }

    @Test func interruptStopsLongWork() throws {
        let monitor = WorkMonitor()
        // A real thread, as the kernel's control thread is: a task could wait behind busy
        // tests for a free thread of the cooperative pool.
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 0.1)
            monitor.cancel()
        }
        let start = ContinuousClock.now
        let e = h.error2("spin(toy())", monitor: monitor)
        #expect(e?.ename == "Interrupted")
        #expect(ContinuousClock.now - start < .seconds(30), "a hang guard: spin never ends by itself")
    }

    @Test func functionsFromTheCatalog() {
        #expect(h.plain("decay(0.5)") == "decay(0.5)")
        #expect(h.error("decay(lr=0)")?.evalue == "lr = 0 is out of range: allowed lr > 0")
    }

    @Test func inspectionShowsAModelsParameterTable() throws {
        let bundle = try #require(h.session.inspect("m = toy(alpha=2)", cursor: 5, detailLevel: 0))
        #expect(bundle.plainText.hasPrefix("toy(alpha=1, dim=100, mode=\"fast\", noise=0)"))
        #expect(bundle.plainText.contains("alpha  number   1        alpha > 0"))
        #expect(bundle.plainText.contains("Reference: Nobody (2026), eq. 1"))
        #expect(bundle.plainText.contains("theory(m, P)"))
        #expect(bundle.data[MIMEType.html]?.stringValue?.contains("<td style=\"text-align: left;\"><code>alpha</code></td>") == true)
    }
}

extension Harness {
    /// The error of a cell run under `monitor`.
    func error2(_ code: String, monitor: WorkMonitor) -> CellError? {
        if case .failure(let e) = run(code, monitor: monitor).0 { return e }
        return nil
    }
}

/// Progress of a sweep: one bar for all its points.
@Suite struct SweepProgressTests {
    @Test func aSweepShowsOneProgressBarUpdatedInPlace() {
        let (_, sink) = Harness().run("simulate(toy(), P=linspace(1, 10, 5), alpha=[1, 2, 3])")
        let progress = sink.events.compactMap { event -> (MIMEBundle, String, Bool)? in
            if case .display(let b, let id?, let update) = event { return (b, id, update) }
            return nil
        }
        #expect(Set(progress.map(\.1)).count == 1)
        #expect(progress.first?.2 == false)
        #expect(progress.dropFirst().allSatisfy { $0.2 })
        #expect(progress.last?.0.plainText.hasSuffix("(5/5) [point 3/3: alpha=3]") == true
                || progress.last?.0.plainText.contains("[point 3/3: alpha=3]") == true)
    }
}
