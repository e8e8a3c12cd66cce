#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import NumericCore
import Testing
@testable import Models

/// `widetheory(samples=P)`: the infinite-width train and test loss at finite data α = P/dim
/// (Eqs. (F1), (F2) of DeepLinear+WideData.swift, after Bordelon & Pehlevan 2025, arXiv 2502.02531).
@Suite("Deep linear networks from random init at finite data α = P/dim")
struct DeepLinearDataTests {
    func run(_ op: String, _ model: [String: ParameterValue], _ arguments: [String: ParameterValue]) throws -> Table {
        try runDynamicsOperation(DeepLinear.family, op, model: model, arguments: arguments)
    }

    let model: [String: ParameterValue] = ["dim": .number(4), "singular": .vector([2, 1])]

    @Test("depth 1, one step: E test = ½(Σs²/dim)(dim − 2η₀dim + η₀²dim(dim + P + 1)/P), the exact Wishart moment, within 3 SE")
    func depthOneFirstStep() throws {
        for p in [2.0, 8] {
            let t = try run("widetheory", model.merging(["depth": .number(1)]) { $1 },
                            ["eta": .vector([0.3]), "steps": .vector([1]), "samples": .number(p), "trials": .number(2000), "seed": .number(1)])
            let (loss, se) = (try #require(t.numbers("loss")?.first), try #require(t.numbers("loss_se")?.first))
            let exact = 0.5 * (5.0 / 4) * (4 - 2 * 0.3 * 4 + 0.09 * 4 * (4 + p + 1) / p)
            #expect(abs(loss - exact) <= 3 * se, "P \(p): \(loss) ± \(se) vs \(exact)")
        }
    }

    @Test("α < 1: depth 1 and μP depth 2 plateau at the min-norm test loss ½Σs²(1 − α)")
    func minimumNormPlateau() throws {
        for depth in [1.0, 2] {
            let t = try run("widetheory", model.merging(["depth": .number(depth)]) { $1 },
                            ["eta": .vector([0.1]), "steps": .vector([1000]), "samples": .number(2), "trials": .number(150), "seed": .number(2)])
            let (loss, se) = (try #require(t.numbers("loss")?.first), try #require(t.numbers("loss_se")?.first))
            #expect(abs(loss - 0.5 * 5 * 0.5) <= 3 * se, "depth \(depth): \(loss) ± \(se) vs 1.25")
        }
    }

    @Test("proportional limit: depth 1 at dim 64 (orthogonal teacher) is ½Σs²∫(1 − η₀λ)^{2n} dMP(λ) of aspect 1/α (within 3 SE + 1/dim)")
    func marchenkoPastur() throws {
        let steps: [Double] = [1, 5, 20, 80]
        for alpha in [0.5, 2.0] {
            // An orthogonal teacher (64 unit singular values): ½‖SMⁿ‖² = ½ tr M^{2n}, no teacher fluctuation.
            let big: [String: ParameterValue] = ["depth": .number(1), "dim": .number(64), "modes": .number(64), "exponent": .number(0)]
            let t = try run("widetheory", big, ["eta": .vector([0.2]), "steps": .vector(steps), "samples": .number(64 * alpha),
                                                "trials": .number(4), "seed": .number(3)])
            let (loss, se) = (t.numbers("loss") ?? [], t.numbers("loss_se") ?? [])
            for (i, n) in steps.enumerated() {
                let limit = 0.5 * 64 * marchenkoPasturMean(ratio: 1 / alpha) { pow(1 - 0.2 * $0, 2 * n) }
                #expect(abs(loss[i] - limit) <= 3 * se[i] + limit / 64, "α \(alpha), step \(n): \(loss[i]) ± \(se[i]) vs \(limit)")
            }
        }
    }

    @Test("γ → 0: μP depth 2 on the same data is depth 1 at rate 2η₀ (lazy, kernel 2)")
    func lazyLimit() throws {
        let args: [String: ParameterValue] = ["steps": .vector([0, 3, 30, 200]), "samples": .number(6), "trials": .number(3), "seed": .number(4)]
        let rich = try run("widetheory", model, args.merging(["eta": .vector([0.05]), "gamma": .number(1e-6)]) { $1 })
        let lazy = try run("widetheory", model.merging(["depth": .number(1)]) { $1 }, args.merging(["eta": .vector([0.1])]) { $1 })
        for name in ["loss", "train"] {
            for (x, y) in zip(rich.numbers(name) ?? [], lazy.numbers(name) ?? []) { #expect(abs(x - y) <= 1e-6 * max(1e-3, y), "\(name): \(x) vs \(y)") }
        }
        let gamma1 = try run("widetheory", model, args.merging(["eta": .vector([0.05])]) { $1 }).numbers("loss") ?? []
        #expect(gamma1[2] < 0.8 * (lazy.numbers("loss") ?? [])[2], "γ = 1 learns faster than lazy")
    }

    @Test("P → ∞ (P = 40000 at dim 4) gives the population theory")
    func populationLimit() throws {
        let args: [String: ParameterValue] = ["eta": .vector([0.05]), "steps": .vector([0, 5, 15])]
        let population = try run("widetheory", model, args).numbers("loss") ?? []
        let data = try run("widetheory", model, args.merging(["samples": .number(40_000), "trials": .number(2)]) { $1 }).numbers("loss") ?? []
        for (x, y) in zip(data, population) { #expect(abs(x - y) <= 0.03 * y, "\(x) vs \(y)") }
    }

    @Test("μP depth 2, α = 0.5 and 2: widths 256 and 1024 on the same data extrapolated in 1/N give the theory within 3 SE")
    func richMatchesTraining() throws {
        for samples in [2, 8] {
            try expectPairedExtrapolation(depth: 2, param: "mup", samples: samples, steps: [0, 5, 20, 60, 150], label: "P = \(samples)")
        }
    }

    @Test("NTK depth 3, α = 0.5 and 2: widths 128 and 512 on the same data extrapolated in 1/N give the lazy theory within 3 SE")
    func ntkMatchesTraining() throws {
        for samples in [2, 8] {
            try expectPairedExtrapolation(depth: 3, param: "ntk", samples: samples, steps: [0, 5, 20, 60], width: 512, label: "ntk P = \(samples)")
        }
    }

    @Test("the finite-data estimate grows like trials × steps and with dim³ per step")
    func estimateShape() throws {
        let estimate = try #require(DeepLinear.family.operation("widetheory")?.estimate)
        func seconds(_ dim: Double, _ trials: Double, _ steps: Double) -> Double {
            estimate(ParameterSet(["dim": .number(dim), "singular": .vector([3, 2, 1, 0.5])]),
                     ParameterSet(["eta": .vector([0.05, 0.1]), "steps": .vector([steps]), "samples": .number(2 * dim), "trials": .number(trials)])).seconds
        }
        #expect(abs(seconds(32, 16, 400) / seconds(32, 8, 400) - 2) < 1e-9)
        #expect(seconds(32, 8, 800) / seconds(32, 8, 400) > 1.8)
        #expect(seconds(64, 8, 400) / seconds(32, 8, 400) > 3, "dim 64: \(seconds(64, 8, 400)) s, dim 32: \(seconds(32, 16, 400)) s")
    }

    @Test("μP at depth ≥ 3 with samples is refused, naming depth and its range")
    func errors() throws {
        do {
            _ = try run("widetheory", model.merging(["depth": .number(3)]) { $1 }, ["samples": .number(4)])
            Issue.record("depth 3 μP with samples ran")
        } catch let ModelError.domain(parameter, value, allowed) {
            #expect(parameter == "depth" && value == "3")
            #expect(allowed == "depth ≤ 2 for widetheory with param=\"mup\" and samples > 0 (the finite-data DMFT at depth ≥ 3 is not derived)")
        }
        #expect(throws: ModelError.self) { try run("widetheory", model, ["samples": .number(-1)]) }
        #expect(throws: ModelError.self) { try run("widetheory", model, ["samples": .number(8), "trials": .number(1)]) }
    }
}

extension DeepLinearDataTests {
    /// Per data set (teacher and samples from stream `trial`, as widetheory draws them), trains widths
    /// `width`/4 and `width` from their own random starts and the theory run; expects the mean over data sets
    /// of the Richardson extrapolation (4 loss(width) − loss(width/4))/3 minus the theory, test and train, to
    /// be within 3 SE of zero.
    func expectPairedExtrapolation(depth: Int, param: String, samples: Int, steps: [Int], width: Int = 1024, label: String) throws {
        var p = DeepLinear.Parameters()
        p.depth = depth; p.dim = 4; p.singular = [2, 1]
        let c = DeepLinear.Configuration(p)
        var train = DeepLinear.WideTrainingArguments(), theory = DeepLinear.WideTheoryArguments()
        train.samples = samples; theory.samples = samples
        train.wide.param = param; theory.wide.param = param
        let monitor = WorkMonitor(), trials = 12, eta = 0.04
        var differences = [[Double]](repeating: [], count: 2 * steps.count)
        for trial in 0..<trials {
            func fresh() -> Xoshiro256StarStar { Xoshiro256StarStar(seed: 7, stream: UInt64(trial)) }
            var r0 = fresh(), r1 = fresh(), r2 = fresh()
            let th = try DeepLinear.wideDataRun(c, theory, eta: eta, steps: steps, rng: &r0, monitor: monitor)
            let wide = try DeepLinear.wideRun(c, train, width: width, eta: eta, steps: steps, rng: &r1, monitor: monitor)
            let narrow = try DeepLinear.wideRun(c, train, width: width / 4, eta: eta, steps: steps, rng: &r2, monitor: monitor)
            for i in steps.indices {
                for (k, pick) in [\DeepLinear.WideRun.test, \DeepLinear.WideRun.train].enumerated() {
                    let limit = (4 * wide[keyPath: pick][i]! - narrow[keyPath: pick][i]!) / 3
                    differences[k * steps.count + i].append(limit - th[keyPath: pick][i]!)
                }
            }
        }
        for (j, d) in differences.enumerated() {
            let (mean, se) = DeepLinear.meanAndError(d)
            #expect(abs(mean) <= 3 * se + 1e-12, "\(label), \(j < steps.count ? "test" : "train") step \(steps[j % steps.count]): \(mean) ± \(se)")
        }
    }

    /// ∫ f dμ over the Marchenko–Pastur law of ratio q = dim/P (variance 1), atom 1 − 1/q at 0 when q > 1;
    /// Gauss–Chebyshev quadrature of the second kind in λ = 1 + q + 2√q cos θ.
    func marchenkoPasturMean(ratio q: Double, _ f: (Double) -> Double) -> Double {
        let nodes = 4000
        var sum = 0.0
        for k in 1...nodes {
            let theta = Double.pi * (Double(k) - 0.5) / Double(nodes)
            let lambda = 1 + q + 2 * q.squareRoot() * cos(theta)
            // density √((λ₊ − λ)(λ − λ₋))/(2πqλ); dλ = 2√q sin θ dθ, √(…) = 2√q sin θ.
            sum += f(lambda) * 4 * q * sin(theta) * sin(theta) / (2 * Double.pi * q * lambda) * Double.pi / Double(nodes)
        }
        return sum + (q > 1 ? (1 - 1 / q) * f(0) : 0)
    }
}
