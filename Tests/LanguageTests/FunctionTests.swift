import Language
import NumericCore
import Testing

/// `def`, `lambda`, `return`, closures, recursion, and what the editor knows of them.
@Suite struct FunctionTests {
    let h = Harness()

    @Test func defWithDefaultsAndKeywords() {
        h.run("def f(a, b=2):\n    c = a + b\n    return c * 10")
        #expect(h.number("f(1)") == 30)
        #expect(h.number("f(1, 5)") == 60)
        #expect(h.number("f(b=1, a=4)") == 50)
        // Locals do not leak into the session.
        #expect(h.error("c")?.ename == "NameError")
    }

    @Test func oneLineBodiesAndBareReturn() {
        #expect(h.number("def twice(x): return 2 * x\ntwice(21)") == 42)
        #expect(h.plain("def nothing():\n    return\nnothing()") == "")
        #expect(h.plain("def skip(x):\n    pass\nskip(1)") == "")
    }

    @Test func defaultsAreEvaluatedWhenTheFunctionIsDefined() {
        h.run("k = 1\ndef f(x=k): return x\nk = 2")
        #expect(h.number("f()") == 1)
    }

    @Test func topLevelFunctionsReadTheSessionWhenCalled() {
        h.run("def g(x): return x + offset\noffset = 100")
        #expect(h.number("g(1)") == 101)
        h.run("offset = 200")
        #expect(h.number("g(1)") == 201)
    }

    @Test func closuresCaptureTheEnclosingScope() {
        h.run("def adder(k):\n    def add(x):\n        return x + k\n    return add\nadd3 = adder(3)\nadd10 = adder(10)")
        #expect(h.number("add3(1)") == 4)
        #expect(h.number("add10(1)") == 11)
        #expect(h.number("(lambda k: lambda x: x * k)(3)(5)") == 15)
    }

    @Test func lambdas() {
        #expect(h.number("sq = lambda x: x^2\nsq(7)") == 49)
        #expect(h.number("(lambda: 5)()") == 5)
        #expect(h.number("(lambda a, b=3: a - b)(10)") == 7)
        #expect(h.plain("[(lambda x: x + 1)(v) for v in [1, 2]]") == "[2, 3]")
    }

    @Test func recursionMatchesAnIndependentValue() {
        // 20! = 2432902008176640000 (Python's math.factorial(20)).
        h.run("def fact(n):\n    if n <= 1:\n        return 1\n    return n * fact(n - 1)")
        #expect(h.plain("fact(20) == 2432902008176640000") == "true")
        h.run("fib = lambda n: n if n < 2 else fib(n - 1) + fib(n - 2)")
        #expect(h.number("fib(15)") == 610)
        h.run("def depth(n): return 0 if n == 0 else 1 + depth(n - 1)")
        #expect(h.number("depth(50)") == 50)
    }

    @Test func runawayRecursionIsARecursionError() {
        h.run("def f(n):\n    return f(n + 1)")
        let e = h.error("f(0)")
        #expect(e?.ename == "RecursionError")
        #expect(e?.evalue == "maximum recursion depth 200 exceeded in f")
        #expect(e?.line == 2 && e?.column == 12)
        // However deep each level's expression, the stack never overflows.
        h.run("def g(n): return 0 if n == 0 else 1 + (1 + (1 + (1 + (1 + (1 + g(n - 1) - 1) - 1) - 1) - 1) - 1)")
        #expect(h.error("g(100000)")?.ename == "RecursionError")
        // The session is usable afterwards, and calls nest from zero again.
        #expect(h.number("def d(n): return 0 if n == 0 else 1 + d(n - 1)\nd(150)") == 150)
    }

    @Test func interruptStopsAComprehensionOfUserCalls() {
        let monitor = WorkMonitor()
        monitor.cancel()
        let (outcome, _) = h.run("def f(x): return x\n[f(x) for x in range(1000000)]", monitor: monitor)
        guard case .failure(let e) = outcome else { Issue.record("expected an interrupt"); return }
        #expect(e.ename == "Interrupted")
    }

    @Test func localsAreLocalThroughoutTheBodyAsInPython() {
        h.run("x = 1\ndef f():\n    y = x\n    x = 2\n    return y")
        let e = h.error("f()")
        #expect(e?.ename == "NameError")
        #expect(e?.evalue == "local variable 'x' is used before it is assigned")
    }

    @Test func userFunctionsShadowBuiltinsAndTakeBuiltinsAsArguments() {
        #expect(h.number("def mean(v): return 42\nmean([1, 2])") == 42)
        #expect(h.number("def apply(g, x): return g(x)\napply(sqrt, 16)") == 4)
        #expect(h.number("apply(lambda y: y + 1, 1)") == 2)
    }

    @Test func ifElifElseStatements() {
        h.run("def sign(x):\n    if x > 0:\n        return 1\n    elif x < 0:\n        return -1\n    else:\n        return 0")
        #expect(h.plain("[sign(x) for x in [-2, 0, 3]]") == "[-1, 0, 1]")
        #expect(h.number("if 1 > 2:\n    z = 1\nelse:\n    z = 2\nz") == 2)
    }

    @Test func augmentedAssignment() {
        #expect(h.number("x = 5\nx += 2\nx *= 3\nx -= 1\nx") == 20)
        #expect(h.number("y = 7\ny //= 2\ny") == 3)
        #expect(h.number("def acc(n):\n    total = 0\n    total += n\n    total ^= 2\n    return total\nacc(3)") == 9)
    }

    @Test func aFunctionValueShowsItsSignature() {
        #expect(h.plain("def f(a, b=2): return a\nf").hasPrefix("f(a, b=2)"))
        #expect(h.plain("print(lambda x: x)") == "")
        let (_, sink) = h.run("print(lambda x: x)")
        #expect(sink.text(.stdout) == "<function <lambda>(x)>\n")
    }

    @Test func helpInspectionAndCompletionKnowUserFunctions() throws {
        h.run("def loss(n, alpha=0.5, c=1):\n    \"\"\"Power-law loss c * n^-alpha.\n\n    Used for the toy fits.\n    \"\"\"\n    return c * n^-alpha")
        let (_, sink) = h.run("help(loss)")
        let text = try #require(sink.displays.first?.plainText)
        #expect(text.hasPrefix("loss(n, alpha=0.5, c=1)\n\nPower-law loss c * n^-alpha."))
        #expect(text.contains("alpha  any   0.5"))
        #expect(text.hasSuffix("Used for the toy fits."))
        let inspected = try #require(h.session.inspect("loss(10, ", cursor: 9, detailLevel: 0))
        #expect(inspected.plainText.hasPrefix("loss(n, alpha=0.5, c=1)"))
        #expect(h.session.complete("loss(10, al", cursor: 11).matches.first == "alpha")
        #expect(h.session.complete("los", cursor: 3).matches == ["loss"])
        guard case .success(_, let payloads) = h.run("?loss").0 else { Issue.record("?loss failed"); return }
        #expect(payloads.count == 1)
        #expect(h.plain("def bare(x): return x\nhelp(bare)") == "")
        let (_, bareSink) = h.run("help(bare)")
        #expect(bareSink.displays.first?.plainText.contains("A function defined in this session (line 1 of its cell).") == true)
    }

    @Test func isCompleteContinuesABlockUntilABlankLine() {
        #expect(h.session.isComplete("def f(x):") == .incomplete(indent: "    "))
        #expect(h.session.isComplete("def f(x):\n    y = x") == .incomplete(indent: "    "))
        #expect(h.session.isComplete("def f(x):\n    if x:") == .incomplete(indent: "        "))
        #expect(h.session.isComplete("def f(x):\n    return x\n") == .complete)
        #expect(h.session.isComplete("def f(x):\n    return x\n    ") == .complete)
        #expect(h.session.isComplete("def f(x):\n    \"\"\"Doc") == .incomplete(indent: ""))
        #expect(h.session.isComplete("def f(x):\n    return x\n  y") == .invalid)
        #expect(h.session.isComplete("def f(x): return x") == .complete)
        #expect(h.session.isComplete("for x in xs:") == .invalid)
        #expect(h.session.isComplete("x = 1 +") == .incomplete(indent: ""))
    }
}
