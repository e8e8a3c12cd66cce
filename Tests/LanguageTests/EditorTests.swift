import Display
import Language
import Testing

/// Completion, inspection and is-complete, as Jupyter front ends call them.
@Suite struct EditorTests {
    let h = Harness()

    @Test func completesKeywordArgumentsOfAModel() {
        let c = h.session.complete("m = toy(al", cursor: 10)
        #expect(c.matches.first == "alpha")
        #expect(c.cursorStart == 8 && c.cursorEnd == 10)
    }

    @Test func completesOperationParametersForTheModelsFamily() {
        h.run("m = toy()")
        let c = h.session.complete("theory(m, ", cursor: 10)
        #expect(Array(c.matches.prefix(5)) == ["P", "alpha", "dim", "mode", "noise"])
        let s = h.session.complete("simulate(m, P=[1], tr", cursor: 21)
        #expect(s.matches == ["trials"])
        let rest = h.session.complete("theory(m, alpha=1, ", cursor: 19)
        #expect(Array(rest.matches.prefix(4)) == ["P", "dim", "mode", "noise"])
        let method = h.session.complete("m.simulate(se", cursor: 13)
        #expect(method.matches.first == "seed")
    }

    @Test func completesBuiltinKeywordsAndNames() {
        #expect(h.session.complete("plot(t, sc", cursor: 10).matches.first == "scale")
        #expect(h.session.complete("geo", cursor: 3).matches == ["geomspace"])
        h.run("learning = 1")
        #expect(h.session.complete("x = lea", cursor: 7).matches == ["learning"])
        #expect(h.session.complete("to", cursor: 2).matches == ["toy"])
    }

    @Test func noKeywordsInsideAValue() {
        let c = h.session.complete("toy(alpha=d", cursor: 11)
        #expect(!c.matches.contains("dim"))
        #expect(c.matches.contains("decay"))
    }

    @Test func completesFields() {
        h.run("t = table(P=[1], test=[2])")
        #expect(h.session.complete("t.te", cursor: 4).matches == ["test"])
        h.run("f = fit([1, 2, 3], [1, 4, 9])")
        #expect(h.session.complete("f.exp", cursor: 5).matches == ["exponent", "exponent_se"])
    }

    @Test func cursorIsCountedInUnicodeScalars() {
        let c = h.session.complete("s = \"αβ\"; lin", cursor: 13)
        #expect(c.matches == ["linspace"])
        #expect(c.cursorStart == 10)
    }

    @Test func inspectsBuiltinsVariablesAndTheCallAroundTheCursor() throws {
        let b = try #require(h.session.inspect("linspace(1, 2)", cursor: 3, detailLevel: 0))
        #expect(b.plainText.hasPrefix("linspace(start, stop, n=50)"))
        let inCall = try #require(h.session.inspect("geomspace(1, ", cursor: 13, detailLevel: 0))
        #expect(inCall.plainText.hasPrefix("geomspace("))
        h.run("x = 3")
        #expect(h.session.inspect("x", cursor: 1, detailLevel: 0)?.plainText == "x\n\nx is a number: 3")
        #expect(h.session.inspect("1 + 2", cursor: 2, detailLevel: 0) == nil)
    }

    @Test func isCompleteForBracketsStringsAndErrors() {
        #expect(h.session.isComplete("x = 1") == .complete)
        #expect(h.session.isComplete("plot(t,") == .incomplete(indent: "    "))
        #expect(h.session.isComplete("x = [1,\n 2") == .incomplete(indent: "    "))
        #expect(h.session.isComplete("print(\"abc") == .incomplete(indent: "    "))
        #expect(h.session.isComplete("s = \"abc") == .incomplete(indent: ""))
        #expect(h.session.isComplete("x = 1 +") == .incomplete(indent: ""))
        #expect(h.session.isComplete("x = )") == .invalid)
        #expect(h.session.isComplete("x = 1 2") == .invalid)
        #expect(h.session.isComplete("") == .complete)
    }
}
