import Foundation
import NumericCore
import Testing

/// Synthetic training runs from a known Chinchilla law with log-normal noise.
enum SyntheticRuns {
    /// Hoffmann et al. (2022)'s fitted coefficients, used as the generating truth.
    static let truth = [1.69, 406.4, 410.7, 0.34, 0.28]

    /// A grid of `sizes` model sizes × `sizes` token counts, loss × exp(σ·z).
    static func chinchilla(sizes: Int = 6, noise: Double, seed: UInt64, truth: [Double] = truth) -> ScalingFit.Request {
        var rng = Xoshiro256StarStar(seed: seed)
        var n: [Double] = [], d: [Double] = [], l: [Double] = []
        for i in 0..<sizes {
            for j in 0..<sizes {
                let ni = pow(10, 7 + 3 * Double(i) / Double(sizes - 1))
                let dj = pow(10, 9 + 3 * Double(j) / Double(sizes - 1))
                n.append(ni); d.append(dj)
                l.append(ScalingLaw.chinchilla.evaluate(truth, at: [ni, dj]) * exp(noise * rng.gaussian()))
            }
        }
        return ScalingFit.Request(law: .chinchilla, inputs: [n, d], inputNames: ["N", "D"], losses: l, outputName: "loss")
    }
}

/// L-BFGS and the scaling-law fits: exact recovery, correct gradients, honest intervals.
@Suite struct ScalingFitTests {
    @Test func lbfgsFindsTheRosenbrockMinimum() {
        let r = LBFGS.minimize(from: [-1.2, 1]) { x, g in
            let a = 1 - x[0], b = x[1] - x[0] * x[0]
            g[0] = -2 * a - 400 * x[0] * b
            g[1] = 200 * b
            return a * a + 100 * b * b
        }
        #expect(abs(r.x[0] - 1) < 1e-6 && abs(r.x[1] - 1) < 1e-6)
    }

    @Test func objectiveGradientMatchesFiniteDifferences() {
        let request = SyntheticRuns.chinchilla(noise: 0.05, seed: 3)
        for loss in [ScalingObjective.Loss.huber(delta: 0.02), .mse] {
            let objective = ScalingObjective(law: .chinchilla, loss: loss, inputs: request.inputs, losses: request.losses)
            let theta = [0.4, 6.1, 5.9, 0.36, 0.3]
            var g = [Double](repeating: 0, count: 5), scratch = g
            _ = objective.value(theta, gradient: &g)
            for k in 0..<5 {
                var up = theta, down = theta
                up[k] += 1e-6; down[k] -= 1e-6
                let numeric = (objective.value(up, gradient: &scratch) - objective.value(down, gradient: &scratch)) / 2e-6
                #expect(abs(numeric - g[k]) <= 1e-5 * max(1, abs(g[k])), "component \(k): \(numeric) vs \(g[k])")
            }
        }
    }

    @Test func recoversNoiseFreeChinchilla() throws {
        let fit = try ScalingFit.fit(SyntheticRuns.chinchilla(noise: 0, seed: 1))
        for (k, value) in SyntheticRuns.truth.enumerated() {
            #expect(abs(fit.estimate[k] - value) / value < 1e-4, "\(fit.law.parameterNames[k]) = \(fit.estimate[k])")
        }
    }

    @Test func recoversNoiseFreeOffsetPowerLaw() throws {
        let x = (0..<12).map { pow(10, 6 + 4 * Double($0) / 11) }
        let truth = [1.8, 250.0, 0.3]
        let request = ScalingFit.Request(law: .offsetPowerlaw, inputs: [x], inputNames: ["N"],
                                         losses: x.map { ScalingLaw.offsetPowerlaw.evaluate(truth, at: [$0]) }, outputName: "loss")
        let fit = try ScalingFit.fit(request)
        for k in 0..<3 { #expect(abs(fit.estimate[k] - truth[k]) / truth[k] < 1e-4) }
    }

    /// The closed form of eq. (4) against a direct search over N on the budget line.
    @Test func optimalAllocationMinimisesTheLossOnTheBudget() {
        let c = SyntheticRuns.truth
        for budget in [1e19, 1e21, 1e23, 1e25] {
            let closed = ScalingFit.optimalAllocation(c, compute: budget)
            let logN = ScalarMinimum.scanThenGolden(lower: 0, upper: log(budget / 6), scan: 2000, tolerance: 1e-10) { ln in
                ScalingLaw.chinchilla.evaluate(c, at: [exp(ln), budget / 6 / exp(ln)])
            }
            #expect(abs(log(closed.parameters) - logN) < 1e-6, "C = \(budget)")
            #expect(abs(6 * closed.parameters * closed.tokens / budget - 1) < 1e-12)
            #expect(abs(closed.loss - ScalingLaw.chinchilla.evaluate(c, at: [closed.parameters, closed.tokens])) < 1e-12)
        }
        // Hoffmann et al.'s fit gives N_opt ∝ C^0.45 (β/(α+β) = 0.28/0.62).
        let ratio = ScalingFit.optimalAllocation(c, compute: 1e24).parameters / ScalingFit.optimalAllocation(c, compute: 1e22).parameters
        #expect(abs(log10(ratio) / 2 - 0.28 / 0.62) < 1e-9)
    }

    @Test func sameSeedSameIntervalsOtherSeedOthers() throws {
        var request = SyntheticRuns.chinchilla(sizes: 4, noise: 0.05, seed: 9)
        request.bootstrap = 40
        request.seed = 7
        let a = try ScalingFit.fit(request), b = try ScalingFit.fit(request)
        #expect(a.samples == b.samples)
        request.seed = 8
        #expect(try ScalingFit.fit(request).samples != a.samples)
    }

    @Test func holdoutFitsTheSmallerComputeRunsAndScoresTheLargest() throws {
        var request = SyntheticRuns.chinchilla(sizes: 5, noise: 0, seed: 1)
        request.holdout = 4
        let fit = try ScalingFit.fit(request)
        let h = try #require(fit.holdout)
        #expect(fit.count == 21 && h.count == 4)
        // Noise-free runs: the law fitted on the rest predicts the largest exactly.
        #expect(h.maxRelativeError < 1e-5)
        // The held-out runs are the four of largest N·D.
        let compute = zip(request.inputs[0], request.inputs[1]).map { 6 * $0 * $1 }.sorted()
        #expect(h.threshold == compute[compute.count - 4])
    }

    @Test func interruptStopsTheBootstrap() {
        var request = SyntheticRuns.chinchilla(sizes: 4, noise: 0.05, seed: 2)
        request.bootstrap = 100_000
        let monitor = WorkMonitor()
        monitor.cancel()
        #expect(throws: WorkCancelled.self) { try ScalingFit.fit(request, monitor: monitor) }
    }

    @Test func unusableRunsAreNamed() {
        var request = SyntheticRuns.chinchilla(sizes: 3, noise: 0, seed: 1)
        request.losses[4] = -1
        #expect(throws: FitError("run 4 has loss = -1.0; a scaling law needs loss > 0")) { try ScalingFit.fit(request) }
        request = SyntheticRuns.chinchilla(sizes: 3, noise: 0, seed: 1)
        request.inputs[1][2] = 0
        #expect(throws: FitError("run 2 has D = 0.0; a scaling law needs D > 0")) { try ScalingFit.fit(request) }
        request = SyntheticRuns.chinchilla(sizes: 2, noise: 0, seed: 1)
        #expect(throws: FitError("the chinchilla law has 5 unknowns and needs at least 6 runs, but 4 remain")) { try ScalingFit.fit(request) }
        request = SyntheticRuns.chinchilla(sizes: 3, noise: 0, seed: 1)
        request.inputs[0] = [Double](repeating: 1e9, count: 9)
        #expect(throws: FitError("every run has the same N; its exponent cannot be fitted")) { try ScalingFit.fit(request) }
    }
}

/// Coverage of the percentile-bootstrap intervals over 200 seeded synthetic data sets:
/// a 6 × 6 grid of N ∈ [1e7, 1e10], D ∈ [1e9, 1e12] from Hoffmann et al.'s coefficients
/// with 5% log-normal noise, 100 resamples each. Each coefficient's 95% interval must
/// cover the truth in 90–98% of the sets (the binomial SE at 95% is 1.5%).
@Suite struct ScalingFitCoverageTests {
    @Test func intervalsCoverTheTruth() throws {
        let sets = 200
        var covered = [Int](repeating: 0, count: 5)
        for s in 0..<sets {
            var request = SyntheticRuns.chinchilla(sizes: 6, noise: 0.05, seed: UInt64(1000 + s))
            request.bootstrap = 100
            request.seed = UInt64(s)
            let fit = try ScalingFit.fit(request)
            for k in 0..<5 {
                let i = try #require(fit.interval(k))
                if i.low <= SyntheticRuns.truth[k] && SyntheticRuns.truth[k] <= i.high { covered[k] += 1 }
            }
        }
        for k in 0..<5 {
            let rate = Double(covered[k]) / Double(sets)
            #expect(rate >= 0.90 && rate <= 0.98, "\(ScalingLaw.chinchilla.parameterNames[k]): coverage \(rate)")
        }
    }
}
