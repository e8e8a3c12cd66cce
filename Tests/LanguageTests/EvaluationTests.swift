import Display
import Foundation
import JSON
import Language
import NumericCore
import Testing

/// Values, operators and each builtin.
@Suite struct EvaluationTests {
    let h = Harness()

    private func vector(_ code: String) -> [Double]? {
        h.run("__v = " + code)
        if case .vector(let v)? = h.session.variable("__v") { return v }
        return nil
    }

    @Test func integralResultsPrintWithoutDecimalPoint() {
        #expect(h.plain("6 * 7") == "42")
        #expect(h.plain("2 ^ 10") == "1024")
        #expect(h.plain("-3") == "-3")
    }

    @Test func powerIsRightAssociativeAndBindsTighterThanUnaryMinus() {
        #expect(h.plain("2 ^ 3 ^ 2") == "512")
        #expect(h.plain("-2 ^ 2") == "-4")
        #expect(h.plain("2 ** 3") == "8")
        #expect(h.plain("(1 + 2) * 3 - 4 / 2") == "7")
    }

    @Test func elementwiseArithmeticOverVectors() throws {
        #expect(vector("[1, 4, 16] ^ -0.5") == [1, 0.5, 0.25])
        #expect(vector("2 * [1, 2] + [10, 20]") == [12, 24])
        #expect(vector("-[1, 2]") == [-1, -2])
        #expect(h.error("[1, 2] + [1, 2, 3]")?.ename == "ArgumentError")
    }

    @Test func comparisonsAndBooleans() {
        #expect(h.plain("1 < 2") == "true")
        #expect(h.plain("2 <= 1") == "false")
        #expect(h.plain("\"a\" == \"a\"") == "true")
        #expect(h.plain("true != false") == "true")
        #expect(h.plain("none") == "")
    }

    @Test func stringsAndLists() {
        #expect(h.plain("\"ab\" + \"cd\"") == "\"abcd\"")
        #expect(h.plain("[\"a\", 1]") == "[\"a\", 1]")
        #expect(h.plain("len([\"a\", 1])") == "2")
        #expect(h.plain("[\"a\", \"b\"][-1]") == "\"b\"")
    }

    @Test func assignmentCommentsSemicolonsAndContinuationLines() {
        #expect(h.plain("x = 2; y = 3 # comment\nz = (x +\n  y)\nz * [1,\n 2][1]") == "10")
    }

    @Test func lastExpressionIsTheResultAndAssignmentShowsNothing() {
        #expect(h.plain("x = 5") == "")
        #expect(h.plain("x") == "5")
    }

    @Test func linspaceAndGeomspaceIncludeEndpoints() throws {
        #expect(vector("linspace(0, 1, 5)") == [0, 0.25, 0.5, 0.75, 1])
        let g = try #require(vector("geomspace(10, 1e4, 4)"))
        #expect(g.count == 4 && g[0] == 10 && g[3] == 1e4)
        #expect(abs(g[1] - 100) < 1e-12 && abs(g[2] - 1000) < 1e-10)
        #expect(vector("geomspace(-1, -100, 3)").map { abs($0[1] + 10) < 1e-12 } == true)
        #expect(h.error("geomspace(0, 10, 3)")?.ename == "DomainError")
        #expect(vector("linspace(2, 3, 1)") == [2])
    }

    @Test func rangeLikePython() {
        #expect(vector("range(4)") == [0, 1, 2, 3])
        #expect(vector("range(1, 10, 3)") == [1, 4, 7])
        #expect(vector("range(5, 0, -2)") == [5, 3, 1])
        #expect(h.error("range(0, 1, 0)")?.ename == "DomainError")
        #expect(h.error("range(0, 1e300, 1e-300)")?.ename == "ResourceError")
    }

    @Test func elementaryFunctions() {
        #expect(h.plain("sqrt(16)") == "4")
        #expect(vector("sqrt([4, 9])") == [2, 3])
        #expect(h.plain("log(exp(3))") == "3")
        #expect(h.plain("log10(1000)") == "3")
        #expect(h.plain("abs(-7)") == "7")
        #expect(vector("round([1.5, -2.5, 2.4])") == [2, -3, 2])
        #expect(vector("floor([1.5, -1.5])") == [1, -2])
        #expect(vector("ceil([1.5, -1.5])") == [2, -1])
        #expect(h.error("sqrt(-1)")?.evalue == "sqrt(-1) is not defined: allowed x ≥ 0")
        #expect(h.error("log([1, 0])")?.ename == "DomainError")
    }

    @Test func reductions() {
        #expect(h.plain("min([3, 1, 2])") == "1")
        #expect(h.plain("max(3, 1, 2)") == "3")
        #expect(h.plain("sum([1, 2, 3])") == "6")
        #expect(h.plain("mean([1, 2, 3])") == "2")
        #expect(h.plain("len(linspace(0, 1, 7))") == "7")
        #expect(h.error("mean([])")?.ename == "ArgumentError")
    }

    @Test func constants() {
        h.run("p = pi")
        if case .number(let p)? = h.session.variable("p") { #expect(p == Double.pi) } else { Issue.record("pi is not a number") }
        #expect(h.plain("inf") == "inf")
    }

    @Test func tablesColumnsAndRows() throws {
        h.run("t = table(P=[10, 100, 1000], test=[3, 2, 1], name=[\"a\", \"b\", \"c\"])")
        #expect(vector("t.P") == [10, 100, 1000])
        #expect(h.plain("t[1].test") == "2")
        #expect(h.plain("t[-1].name") == "\"c\"")
        #expect(h.plain("len(t)") == "3")
        #expect(h.plain("columns(t)") == "[\"P\", \"test\", \"name\"]")
        #expect(h.error("t.tset")?.evalue == "the table has no column 'tset' (columns: P, test, name); did you mean 'test'?")
        #expect(h.error("table(a=[1, 2], b=[1])")?.ename == "ArgumentError")
        guard case .success(let result?, _) = h.run("t").0 else { Issue.record("no table display"); return }
        #expect(result.data[MIMEType.dataResource] != nil)
        #expect(result.data[MIMEType.html] != nil)
    }

    @Test func saveWritesCSVAndSVG() throws {
        let dir = "/tmp/solvable-language-tests-\(UInt32.random(in: 0...UInt32.max))"
        h.run("t = table(P=[10, 0.5], name=[\"a,b\", \"c\"])\nsave(t, \"\(dir).csv\")\nsave(plot([1, 2], [3, 4]), \"\(dir).svg\")")
        let csv = try String(contentsOfFile: dir + ".csv", encoding: .utf8)
        #expect(csv == "P,name\n10.0,\"a,b\"\n0.5,c\n")
        let svg = try String(contentsOfFile: dir + ".svg", encoding: .utf8)
        #expect(svg.hasPrefix("<svg"))
        #expect(h.error("save(t, \"/nonexistent-dir/x.csv\")")?.ename == "IOError")
        #expect(h.error("save(t, \"x.txt\")")?.ename == "ArgumentError")
    }

    @Test func printWarnShowClear() {
        let (outcome, sink) = h.run("print(\"a\", 1, [1, 2])\nwarn(\"careful\")\nshow(6 * 7)\nclear(wait=true)")
        #expect(outcome == .success(result: nil, payloads: []))
        #expect(sink.events == [
            .stream(.stdout, "a 1 [1, 2]\n"), .stream(.stderr, "careful\n"),
            .display(MIMEBundle(plain: "42"), id: nil, update: false), .clear(wait: true),
        ])
    }

    @Test func helpDisplaysAndQuestionMarkPages() throws {
        let (_, sink) = h.run("help(linspace)")
        let text = try #require(sink.displays.first?.plainText)
        #expect(text.hasPrefix("linspace(start, stop, n=50)"))
        #expect(text.contains("n      integer  50        1 ≤ n ≤ 10000000  how many values"))
        for code in ["?linspace", "linspace?"] {
            guard case .success(nil, let payloads) = h.run(code).0 else { Issue.record("no payload for \(code)"); continue }
            #expect(payloads.count == 1)
            #expect(payloads[0]["source"] == "page")
            #expect(payloads[0]["start"] == 0)
            #expect(payloads[0]["data"]?["text/plain"]?.stringValue == text)
            #expect(payloads[0]["data"]?["text/html"]?.stringValue?.contains("<table>") == true)
        }
        #expect(h.error("?linspaec")?.evalue == "no help for 'linspaec': it is not a builtin, model or variable; did you mean 'linspace'?")
        let (_, all) = h.run("help()")
        #expect(all.displays.first?.plainText.contains("toy") == true)
    }

    @Test func fitRecoversAPowerLawAndExposesFields() {
        h.run("P = geomspace(10, 1e4, 20)\nt = table(P=P, test=3 * P^-1.5)\nf = fit(t, x=\"P\", y=\"test\", law=\"powerlaw\", min=20)")
        #expect(abs(h.number("f.exponent") + 1.5) < 1e-9)
        #expect(abs(h.number("f.prefactor") - 3) < 1e-9)
        #expect(h.number("f.r2") == 1)
        #expect(h.number("f.exponent_se") < 1e-9)
        #expect(h.number("f.n") == 18)  // 10 and 14.4 lie below min=20
        guard case .success(let bundle?, _) = h.run("f").0 else { Issue.record("no fit display"); return }
        #expect(bundle.plainText.hasPrefix("powerlaw fit: y = "))
        #expect(bundle.plainText.hasSuffix("r2 = 1 (18 points)"))
        #expect(bundle.data[MIMEType.latex]?.stringValue?.hasPrefix("$y = (") == true)
        #expect(bundle.data[MIMEType.latex]?.stringValue?.contains("\\, x^{(") == true)
        #expect(h.error("fit(t, x=\"P\", y=\"test\", min=1e5)")?.ename == "DomainError")
        #expect(h.error("fit(t, x=\"Q\", y=\"test\")")?.evalue.hasSuffix("did you mean 'P'?") == true)
        #expect(abs(h.number("fit([1, 2, 3], [3, 5, 7], law=\"linear\").exponent") - 2) < 1e-12)
    }

    @Test func claimPassesFailsAndCarriesItsRecord() throws {
        guard case .success(let pass?, _) = h.run("claim(\"slope\", -1.79, expect=-1.8, tol=0.1)").0 else {
            Issue.record("no claim"); return
        }
        #expect(pass.plainText.hasPrefix("✓ PASS  slope: measured"))
        let record = try #require(pass.data[MIMEType.claim])
        #expect(record["text"] == "slope")
        #expect(record["expect"]?.doubleValue == -1.8)
        #expect(record["tol"]?.doubleValue == 0.1)
        #expect(record["pass"] == true)
        #expect(record["rtol"] == nil)
        guard case .success(let fail?, _) = h.run("claim(\"big\", 2, expect=1, rtol=0.5)").0 else { Issue.record("no claim"); return }
        #expect(fail.plainText.hasPrefix("✗ FAIL  big: measured 2, expected 1"))
        #expect(fail.data[MIMEType.claim]?["rtol"]?.doubleValue == 0.5)
        #expect(fail.data[MIMEType.claim]?["pass"] == false)
        #expect(h.error("claim(\"x\", 1, expect=1)")?.ename == "ArgumentError")
    }

    @Test func plotsAndClaimsDisplayEvenWhenNotLast() {
        let (_, sink) = h.run("plot([1, 2], [3, 4], title=\"t\")\nclaim(\"c\", 1, expect=1, tol=0)\nx = 1")
        #expect(sink.displays.count == 2)
        #expect(sink.displays[0].data[MIMEType.svg] != nil)
        #expect(sink.displays[1].data[MIMEType.claim] != nil)
    }

    @Test func plotArgumentChecking() {
        #expect(h.error("plot([1, 2], [3])")?.ename == "ArgumentError")
        #expect(h.error("plot([1, 2], [3, 4], scale=\"logg\")")?.evalue.hasSuffix("did you mean 'logx'?") == true)
        #expect(h.error("plot(1, 2, 3)")?.ename == "ArgumentError")
        #expect(h.plain("plot(decay(0.1), steps=100)").contains("1 series"))
    }

    @Test func seedValidation() {
        #expect(h.error("seed(-1)")?.ename == "DomainError")
        #expect(h.error("seed(1.5)")?.ename == "DomainError")
    }
}
