import Language
import NumericCore
import PropertyBased
import Testing

/// Random and mutated programs never crash or hang the parser and evaluator: every
/// cell ends in a value or an error with a kind the language documents.
@Suite(.timeLimit(.minutes(2))) struct PropertyTests {
    static let kinds: Set<String> = ["SyntaxError", "NameError", "ArgumentError", "DomainError", "ResourceError",
                                     "Interrupted", "TypeError", "IndexError", "IOError"]

    static let tokens = [
        "x", "y", "t", "m", "f", "=", "1", "2.5", "-3", "1e9", "0", "(", ")", "[", "]", ",", "+", "-", "*", "/", "^",
        "**", ".", "?", ";", "\n", "#", "\"s\"", "'q", "==", "<", "true", "none", "inf", "nan", "linspace", "geomspace",
        "range", "table", "fit", "plot", "claim", "print", "show", "help", "len", "sum", "mean", "log", "sqrt",
        "toy", "theory", "simulate", "frontier", "decay", "alpha", "P", "x=", "P=", "law=", "\"powerlaw\"", "[1, 2, 3]",
        "table(P=[1, 2, 3], test=[3, 2, 1])", "toy(alpha=2)", "αβ", "\t", " ",
    ]

    static let programs = [
        "m = toy(alpha=1.5, dim=200)\nth = theory(m, P=geomspace(10, 1e4, 8))\nsim = simulate(m, P=geomspace(10, 1e3, 4), seed=1)\nplot(th, sim, x=\"P\", y=\"test\", scale=\"loglog\")\nf = fit(sim, x=\"P\", y=\"test\", min=20)\nclaim(\"slope\", f.exponent, expect=-1.5, tol=0.1)",
        "x = linspace(0, 1, 11)\ny = x^2 + 2 * x - 1\nt = table(x=x, y=y)\nshow(t[3])\nmean(t.y)",
        "v = [1, 2, 3]; w = v * -2; print(v, w[-1], len(w), sum(w)); ?linspace",
        "g = theory(toy(), P=[1, 10], alpha=[1, 2], mode=[\"fast\", \"slow\"])\nplot(g, x=\"P\", y=\"test\")",
    ]

    private func check(_ code: String) {
        let session = Session(families: ToyModels.families, functions: ToyModels.functions)
        let outcome = session.execute(code, sink: RecordingSink(), monitor: WorkMonitor())
        if case .failure(let e) = outcome {
            #expect(Self.kinds.contains(e.ename), "unknown error kind \(e.ename) for \(code)")
            #expect(!e.evalue.isEmpty)
            if let line = e.line { #expect(line >= 1 && line <= code.split(separator: "\n", omittingEmptySubsequences: false).count) }
        }
        _ = session.isComplete(code)
        let n = code.unicodeScalars.count
        _ = session.complete(code, cursor: n / 2)
        _ = session.inspect(code, cursor: n, detailLevel: 0)
    }

    @Test func theExamplesRun() {
        for program in Self.programs {
            let session = Session(families: ToyModels.families, functions: ToyModels.functions)
            let outcome = session.execute(program, sink: RecordingSink(), monitor: WorkMonitor())
            if case .failure(let e) = outcome { Issue.record("\(program) failed: \(e.traceback)") }
        }
    }

    @Test func randomTokenSequences() async {
        await propertyCheck(count: 300, input: Gen.element(of: Self.tokens).array(of: 0...25)) { tokens in
            let words = tokens.compactMap { $0 }
            check(words.joined(separator: " "))
            check(words.joined())
        }
    }

    @Test func mutatedPrograms() async {
        let gen = Gen.element(of: Self.programs)
        await propertyCheck(count: 300, input: gen, Gen.int(in: 0...400), Gen.int(in: 0...6), Gen.element(of: Self.tokens)) {
            program, position, length, token in
            var scalars = Array((program ?? "").unicodeScalars)
            let at = position % (scalars.count + 1)
            let end = min(scalars.count, at + length)
            scalars.replaceSubrange(at..<end, with: Array((token ?? "").unicodeScalars))
            var mutated = ""
            mutated.unicodeScalars.append(contentsOf: scalars)
            check(mutated)
        }
    }

    @Test func listsBuiltUpOverStatementsStayShallow() {
        let session = Session(families: [], functions: [])
        let code = "a = [\"x\"]\n" + String(repeating: "a = [a]\n", count: 500)
        guard case .failure(let e) = session.execute(code, sink: RecordingSink(), monitor: WorkMonitor()) else {
            Issue.record("expected a refusal for deep lists"); return
        }
        #expect(e.ename == "ResourceError")
        #expect(e.line == 101)
    }

    @Test func deepNestingIsRefusedNotOverflowed() {
        let session = Session(families: [], functions: [])
        for code in [String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000),
                     String(repeating: "-", count: 5000) + "1",
                     Array(repeating: "1", count: 5000).joined(separator: "+"),
                     String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000),
                     "2" + String(repeating: "^2", count: 5000)] {
            guard case .failure(let e) = session.execute(code, sink: RecordingSink(), monitor: WorkMonitor()) else {
                Issue.record("expected a refusal for a deep expression"); continue
            }
            #expect(e.ename == "SyntaxError")
        }
    }
}
