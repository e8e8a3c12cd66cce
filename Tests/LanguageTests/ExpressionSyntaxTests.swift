import Language
import Testing

/// Comprehensions, conditional expressions, comparisons, and/or/not, masks, table
/// filters and column assignment, `//` and `%`, each against the value Python gives.
@Suite struct ExpressionSyntaxTests {
    let h = Harness()

    @Test func comprehensionsOverListsVectorsRangesAndStrings() {
        #expect(h.plain("[x^2 for x in [1, 2, 3, 4] if x > 1]") == "[4, 9, 16]")
        #expect(h.plain("[x * 10 for x in linspace(0, 1, 3)]") == "[0, 5, 10]")
        #expect(h.plain("[i for i in range(10) if i % 3 == 0]") == "[0, 3, 6, 9]")
        #expect(h.plain("[c + c for c in \"ab\"]") == "[\"aa\", \"bb\"]")
        #expect(h.plain("[[x, y] for x in [1, 2] for y in [10, 20] if x + y != 21]") == "[[1, 10], [2, 10], [2, 20]]")
        #expect(h.plain("[]") == "[]")
        #expect(h.plain("[x for x in [] if x]") == "[]")
        #expect(h.number("sum(x^2 for x in range(4))") == 14)
        // The loop name does not leak into the session, and a session name is not clobbered.
        h.run("x = 99\ny = [x for x in [1, 2]]")
        #expect(h.number("x") == 99)
        #expect(h.plain("y") == "[1, 2]")
    }

    @Test func comprehensionOfUserCallsOverManyElements() {
        // sum(x*x + 1 for x in range(100000)) in Python is 333328333450000.
        #expect(h.number("def sq(x): return x * x + 1\nsum([sq(x) for x in range(100000)])") == 333_328_333_450_000)
    }

    @Test func conditionalExpressions() {
        #expect(h.plain("1 if true else 2") == "1")
        #expect(h.plain("\"neg\" if -3 < 0 else \"pos\"") == "\"neg\"")
        #expect(h.plain("[\"small\" if x < 2 else \"big\" for x in [1, 5]]") == "[\"small\", \"big\"]")
        // Only the chosen branch is evaluated.
        #expect(h.number("1 if true else undefined_name") == 1)
        #expect(h.number("0 if 0 else 1 if 1 else 2") == 1)
    }

    @Test func comparisonsAndChains() {
        #expect(h.plain("1 < 2 < 3") == "true")
        #expect(h.plain("1 < 3 < 2") == "false")
        #expect(h.plain("3 >= 3 == 3 != 4") == "true")
        #expect(h.plain("\"apple\" < \"banana\"") == "true")
        #expect(h.plain("nan == nan") == "false")
        #expect(h.plain("none == none") == "true")
        #expect(h.plain("1 == \"1\"") == "false")
        #expect(h.plain("true == 1") == "true")
        // A chain stops at the first false link (Python's short circuit).
        #expect(h.plain("2 < 1 < undefined_name") == "false")
        #expect(h.plain("2 in [1, 2]") == "true")
        #expect(h.plain("\"b\" not in [\"a\", \"c\"]") == "true")
        #expect(h.plain("\"ell\" in \"hello\"") == "true")
        #expect(h.plain("\"a\" in table(a=[1])") == "true")
    }

    @Test func elementwiseComparisonsGiveMasks() {
        #expect(h.plain("[1, 2, 3] > 1") == "[false, true, true]")
        #expect(h.plain("2 >= [1, 2, 3]") == "[true, true, false]")
        #expect(h.plain("[1, 2, 3] == [3, 2, 1]") == "[false, true, false]")
        #expect(h.plain("0 < linspace(0, 1, 5) < 1") == "[false, true, true, true, false]")
        #expect(h.plain("table(s=[\"a\", \"b\", \"a\"]).s == \"a\"") == "[true, false, true]")
        #expect(h.plain("len(linspace(0, 1, 30) > 0.5)") == "30")
        #expect(h.plain("linspace(0, 1, 30) > 2").hasSuffix("(30 values)"))
    }

    @Test func andOrNot() {
        // Scalars: Python's short circuit returns the deciding operand.
        #expect(h.plain("0 or 5") == "5")
        #expect(h.plain("3 and 4") == "4")
        #expect(h.plain("none or \"default\"") == "\"default\"")
        #expect(h.plain("false and undefined_name") == "false")
        #expect(h.plain("not 0") == "true")
        #expect(h.plain("not [1] == [2]") == "[true]")
        // Masks: elementwise.
        h.run("v = [1, 2, 3, 4]")
        #expect(h.plain("v > 1 and v < 4") == "[false, true, true, false]")
        #expect(h.plain("v < 2 or v > 3") == "[true, false, false, true]")
        #expect(h.plain("not v > 2") == "[true, true, false, false]")
        #expect(h.plain("(v > 1) and true") == "[false, true, true, true]")
    }

    @Test func masksSelectAndCount() {
        h.run("v = [5, 1, 4, 2]")
        #expect(h.plain("v[v > 2]") == "[5, 4]")
        #expect(h.plain("v[[true, false, false, true]]") == "[5, 2]")
        #expect(h.plain("v[v > 10]") == "[]")
        #expect(h.number("sum(v > 1)") == 3)
        #expect(h.number("mean(v > 1)") == 0.75)
        #expect(h.plain("(v > 1) * 2") == "[2, 0, 2, 2]")
        #expect(h.plain("[\"a\", \"b\"][[false, true]]") == "[\"b\"]")
    }

    @Test func filteringATableByAMask() {
        h.run("t = table(N=[10, 100, 1000], loss=[0.5, 0.2, 0.1], opt=[\"sgd\", \"adam\", \"adam\"])")
        #expect(h.plain("t[t.loss < 0.3].N") == "[100, 1000]")
        #expect(h.plain("t[t.opt == \"adam\" and t.N > 100].loss") == "[0.1]")
        #expect(h.plain("len(t[t.loss > 1])") == "0")
        #expect(h.plain("t[t.loss < 0.3].opt") == "[\"adam\", \"adam\"]")
    }

    @Test func addingAndReplacingColumns() {
        h.run("t = table(a=[1, 2, 3])\nt[\"b\"] = t.a * 10\nt[\"c\"] = 7\nt[\"name\"] = \"run\"\nt[\"big\"] = t.b > 15")
        #expect(h.plain("columns(t)") == "[\"a\", \"b\", \"c\", \"name\", \"big\"]")
        #expect(h.plain("t.b") == "[10, 20, 30]")
        #expect(h.plain("t.c") == "[7, 7, 7]")
        #expect(h.plain("t.big") == "[0, 1, 1]")
        h.run("t[\"a\"] = [3, 2, 1]")
        #expect(h.plain("columns(t)") == "[\"a\", \"b\", \"c\", \"name\", \"big\"]")
        #expect(h.plain("t.a") == "[3, 2, 1]")
        // Inside a function a column added to a session table changes the session's table.
        h.run("def tag(x):\n    t[\"x\"] = x\n    return len(columns(t))")
        #expect(h.number("tag(1)") == 6)
        #expect(h.plain("t.x") == "[1, 1, 1]")
    }

    @Test func settingElements() {
        #expect(h.plain("v = [1, 2, 3]\nv[0] = 9\nv[-1] = 7\nv") == "[9, 2, 7]")
        #expect(h.plain("w = [1, 2]\nw[1] = \"b\"\nw") == "[1, \"b\"]")
    }

    @Test func floorDivisionAndModuloFollowPython() {
        // Python: -7 // 2 = -4, -7 % 2 = 1, 7 % -2 = -1, 7.5 // 2 = 3.0, -0.5 % 1 = 0.5.
        #expect(h.plain("[-7 // 2, -7 % 2, 7 % -2, 7.5 // 2, -0.5 % 1]") == "[-4, 1, -1, 3, 0.5]")
        #expect(h.plain("[1, 2, 3, 4] % 2 == 0") == "[false, true, false, true]")
    }

    @Test func pythonSpellingsOfTheConstants() {
        #expect(h.plain("[True, False, None]") == "[true, false, none]")
    }

    @Test func indentationOfAPastedCellIsItsBase() {
        #expect(h.number("    x = 1\n    y = x + 1\n    y") == 2)
        #expect(h.number("def f(x):\n\tif x:\n\t\treturn 1\n\treturn 0\nf(1)") == 1)
    }
}
