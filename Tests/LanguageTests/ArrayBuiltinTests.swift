import Language
import Testing

/// argmin, argmax, sort, unique, cumsum, diff, any and all, against numpy's answers
/// (numpy 2.4 gives each expected value quoted).
@Suite struct ArrayBuiltinTests {
    let h = Harness()

    @Test func argminAndArgmax() {
        #expect(h.number("argmin([3, 1, 2, 1])") == 1)      // np.argmin: first of the ties
        #expect(h.number("argmax([3, 7, 7])") == 1)
        #expect(h.number("argmax([3, nan, 5])") == 1)       // np.argmax: a NaN wins
        #expect(h.number("argmin(linspace(-1, 1, 101)^2)") == 50)
        h.run("t = table(lr=[0.1, 0.01, 0.001], loss=[0.9, 0.3, 0.5])")
        #expect(h.number("t[argmin(t.loss)].lr") == 0.01)
    }

    @Test func sortAndUnique() {
        #expect(h.plain("sort([3, nan, 1, 2])") == "[1, 2, 3, nan]")   // np.sort puts NaN last
        #expect(h.plain("sort([3, 1, 2], reverse=true)") == "[3, 2, 1]")
        #expect(h.plain("sort([\"b\", \"B\", \"a\"])") == "[\"B\", \"a\", \"b\"]")
        #expect(h.plain("unique([3, 1, 3, nan, nan, 2])") == "[1, 2, 3, nan]")
        #expect(h.plain("unique([\"adam\", \"sgd\", \"adam\"])") == "[\"adam\", \"sgd\"]")
        #expect(h.plain("unique([])") == "[]")
    }

    @Test func sortATableByAColumnKeepsTies() {
        h.run("t = table(a=[2, 1, 2, 0], s=[\"x\", \"y\", \"z\", \"w\"])")
        #expect(h.plain("sort(t, by=\"a\").s") == "[\"w\", \"y\", \"x\", \"z\"]")
        #expect(h.plain("sort(t, by=\"a\", reverse=true).s") == "[\"x\", \"z\", \"y\", \"w\"]")
        #expect(h.plain("sort(t, by=\"s\").a") == "[0, 2, 1, 2]")
    }

    @Test func cumsumAndDiff() {
        #expect(h.plain("cumsum([1, 2, 3.5])") == "[1, 3, 6.5]")
        #expect(h.plain("diff([1, 4, 9, 16])") == "[3, 5, 7]")
        #expect(h.plain("diff([1, 4, 9, 16], n=2)") == "[2, 2]")
        #expect(h.plain("diff([1, 4], n=5)") == "[]")
        #expect(h.plain("diff([1, 4], n=0)") == "[1, 4]")
        // diff undoes cumsum.
        #expect(h.plain("diff(cumsum([5, 1, 4]))") == "[1, 4]")
    }

    @Test func anyAndAll() {
        #expect(h.plain("any([1, 2] > 1)") == "true")
        #expect(h.plain("all([1, 2] > 1)") == "false")
        #expect(h.plain("[any([]), all([])]") == "[false, true]")
    }
}
