import Display
import Foundation
import Language
import NumericCore
import Testing

/// The reproducers of issue 15 through the real models: each answers with the right
/// value (checked against an independent one) or a clear error naming the parameter,
/// and each hang now answers within its bound.
@Suite(.timeLimit(.minutes(2))) struct ReproducerTests {
    let session = Session()

    private func run(_ code: String) -> CellOutcome {
        session.execute(code, sink: RecordingSink(), monitor: WorkMonitor())
    }

    private func error(_ code: String) -> CellError? {
        if case .failure(let e) = run(code) { return e }
        Issue.record("expected an error from: \(code)")
        return nil
    }

    /// The numbers of column `name` of the table a cell ends in.
    private func column(_ code: String, _ name: String) -> [Double] {
        guard case .success = run("__t = " + code), case .table(let t)? = session.variable("__t"),
              let values = t.column(name)?.numbers else {
            Issue.record("no column \(name) from \(code)")
            return []
        }
        return values
    }

    private func seconds(_ body: () -> Void) -> Double {
        let start = ContinuousClock.now
        body()
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    // MARK: Silent wrong numbers

    /// Σ_{k ≤ 1000} k^-(αβ+1) with the defaults α = 1.5, β = 1: the zero predictor's risk.
    private var signalPower: Double { (1...1000).reduce(0.0) { $0 + pow(Double($1), -2.5) } }

    @Test(arguments: [1e10, 1e160, 1e200, 1e300])
    func ridgeAtAHugeRidgeTendsToTheSignalPower(lambda: Double) {
        // As λ → ∞ the estimator tends to 0 and the excess risk to Σ λ_k w_k² (κ = λ).
        let test = column("theory(ridge(lambda=\(lambda)), P=[10])", "test")
        #expect(test.count == 1)
        #expect(abs(test[0] - signalPower) <= 1e-9 * signalPower)
    }

    @Test func ridgeWithAnOverflowingTargetWeightKeepsItsTargetPower() {
        // alpha = 300, beta = 0.3: w_k = k^105 overflows where λ_k = k^-300 underflows, but
        // λ_k w_k² = k^-91 is a number; at λ = 1e200 the risk is Σ k^-91 (found by the fuzz test).
        let expected = (1...1000).reduce(0.0) { $0 + pow(Double($1), -91) }
        let test = column("theory(ridge(alpha=300, beta=0.3, lambda=1e200, noise=0.1), P=[inf])", "test")
        #expect(test.count == 1 && abs(test[0] - expected) <= 1e-12)
        // One live mode (alpha = 1e9) at λ = 1: κ solves κ(1 − 1/(P(1 + κ))) = 1, bias (κ/(1 + κ))².
        let p = 333.0
        var kappa = 1.0
        for _ in 0..<100 { kappa = 1 / (1 - 1 / (p * (1 + kappa))) }
        let df2 = 1 / ((1 + kappa) * (1 + kappa))
        let risk = (kappa / (1 + kappa)) * (kappa / (1 + kappa)) + df2 / p * 0.01
        let one = column("theory(ridge(alpha=1e9, beta=0.3, lambda=1, noise=0.1), P=[333])", "test")
        #expect(one.count == 1 && abs(one[0] - risk / (1 - df2 / p)) <= 1e-9)
    }

    #if arch(x86_64)
    @Test func ridgeWithAnUnderflowingSpectrumMatchesExtendedPrecision() throws {
        // alpha = 110: λ_k = k^-110 underflows in double past k ≈ 880 but not in Float80,
        // whose exponent reaches 1e-4951; solve df1(κ) = P there by bisection in log κ.
        func power(_ k: Int, _ e: Int) -> Float80 {
            var x: Float80 = 1
            for _ in 0..<e { x *= Float80(k) }
            return 1 / x
        }
        let lambdas = (1...1000).map { power($0, 110) }
        let targets = (1...1000).map { power($0, 111) }
        func df(_ kappa: Float80) -> (df1: Float80, df2: Float80) {
            var d1: Float80 = 0, d2: Float80 = 0
            for l in lambdas {
                let r = l / (l + kappa)
                d1 += r
                d2 += r * r
            }
            return (d1, d2)
        }
        var lo = Float80.leastNormalMagnitude, hi: Float80 = 1
        for _ in 0..<400 {
            let mid = (lo * hi).squareRoot()
            if df(mid).df1 > 10 { lo = mid } else { hi = mid }
        }
        let kappa = (lo * hi).squareRoot()
        let df2 = df(kappa).df2
        var bias: Float80 = 0
        for (l, c) in zip(lambdas, targets) {
            let q = kappa / (l + kappa)
            bias += c * q * q
        }
        let expected = Double(bias / (1 - df2 / 10))
        let test = column("theory(ridge(alpha=110), P=[10])", "test")
        #expect(test.count == 1 && test[0].isFinite)
        #expect(abs(test[0] - expected) <= 1e-6 * expected)
    }
    #endif

    @Test func ridgeWithOneLiveModeFitsItExactly() {
        // alpha = 1e9 leaves λ_1 = 1 and every other eigenvalue 0: one sample recovers it.
        #expect(column("theory(ridge(alpha=1e9), P=[10, 2000])", "test") == [0, 0])
        #expect(column("theory(ridge(alpha=300), P=[10])", "test").allSatisfy { $0.isFinite && $0 >= 0 })
    }

    @Test func judgeTheoryRefusesANoiseWhoseDigitsAreLost() throws {
        for noise in ["1e-10", "1e-300"] {
            var e: CellError?
            let time = seconds { e = error("theory(judge(noise=\(noise)))") }
            #expect(e?.ename == "DomainError")
            #expect(e?.evalue.hasPrefix("noise = \(noise) is out of range: allowed noise ≥ 1.41421e-05 for theory") == true)
            #expect(time < 5)
        }
        // At the edge the coefficient is finite and follows C = π s²/√(1 − 2v/s²) ≈ π·2σ²/√(…) → 0 with σ.
        let edge = column("theory(judge(noise=1.5e-5))", "coefficient")
        let mid = column("theory(judge(noise=1e-3))", "coefficient")
        #expect(edge.count == 1 && edge[0].isFinite && edge[0] > 0 && edge[0] < mid[0])
    }

    @Test func literalsPastTheLargestDoubleAreASyntaxError() throws {
        let e = try #require(error("x = 1e400"))
        #expect(e.ename == "SyntaxError")
        #expect(e.evalue == "the number '1e400' is too large: numbers go up to about 1.8e308 (write inf for infinity)")
        #expect(e.column == 5)
        // Underflow rounds to zero correctly, and 1.7e308 is a number.
        #expect(column("table(x=[1e-400, 1.7e308])", "x") == [0, 1.7e308])
    }

    @Test func claimsNeedAFiniteExpectation() throws {
        let e = try #require(error("claim(\"x\", inf, expect=inf, tol=0)"))
        #expect(e.ename == "DomainError")
        #expect(e.evalue.hasPrefix("expect = inf is out of range: allowed a finite number"))
        #expect(e.column == 17)
        // A non-finite measurement fails the claim without a nan tolerance.
        guard case .success(let result?, _) = run("claim(\"x\", inf, expect=1, rtol=0.1)") else {
            Issue.record("the claim should show"); return
        }
        #expect(result.plainText == "✗ FAIL  x: measured inf, expected 1 ± 0.1 (rtol 0.1)")
    }

    // MARK: Messages that state the real limit

    @Test func gridLimitsAreStated() throws {
        let l = try #require(error("linspace(0, 1, n=1e12)"))
        #expect(l.ename == "ResourceError")
        #expect(l.evalue == "n = 1000000000000 is too large for linspace: allowed 1 ≤ n ≤ 10000000")
        let p = try #require(error("plot(cosine(0.1), steps=1e12)"))
        #expect(p.evalue == "steps = 1000000000000 is too large for plot: allowed 1 ≤ steps ≤ 10000000")
        let n = try #require(error("linspace(0, 1, n=0.5)"))
        #expect(n.evalue == "n = 0.5 is out of range: allowed a whole number n ≥ 1")
    }

    @Test func deepLinearNamesTheSingularValueWhenNoRateIsStable() throws {
        let e = try #require(error("deeplinear(singular=[1e308])"))
        #expect(e.ename == "DomainError")
        #expect(e.evalue.hasPrefix("singular = 1e+308 is out of range: allowed depth·s_max^(2−2/depth) < 1.8e308"))
        #expect(!e.evalue.contains("lr < 0"))
    }

    // MARK: Work far past the limit is refused up front

    @Test(arguments: [
        "theory(flow(dim=1e7, N=1000, P=1000), t=geomspace(1, 1e6, 1000))",
        "refine(table(t=range(1e7), gnorm2=range(1e7) + 1), smooth=1e7)",
        "theory(deeplinear(depth=12, width=512, dim=512, modes=512), t=linspace(0, 1e6, n=1e6))",
        "theory(ridge(dim=10), P=[10], alpha=linspace(1, 2, n=10000), beta=linspace(1, 2, n=10000))",
    ])
    func farPastTheLimitIsRefusedAtOnce(code: String) throws {
        var e: CellError?
        let time = seconds { e = error(code) }
        #expect(e?.ename == "ResourceError")
        #expect(e?.evalue.contains("limit") == true)
        // Making the arguments (1e7-row tables) is what takes time, in a debug build.
        #expect(time < 30)
    }
}
