import Testing
import NumericCore
@testable import Models

/// Theory against Monte-Carlo SGD over whole curves: every reported point within three
/// standard errors (plus 1e-12 absolute for t = 0, where both are exact).
@Suite struct SGDSimulationTests {
    static let times = [0, 1, 2, 5, 10, 20, 40, 70, 100, 150, 200, 250, 300]

    /// Checks `setup`'s theory against `trials` simulated runs, point by point.
    func expectAgreement(_ setup: SGDSetup, trials: Int, seed: UInt64, sigmas: Double = 3) throws {
        let theory = try setup.theory(times: Self.times)
        let sim = try setup.simulate(times: Self.times, trials: trials, seed: seed)
        for i in Self.times.indices {
            let gap = abs(theory.test[i] - sim.test[i])
            #expect(gap <= sigmas * sim.testError[i] + 1e-12,
                    "t = \(Self.times[i]): theory \(theory.test[i]) vs simulation \(sim.test[i]) ± \(sim.testError[i])")
            #expect(theory.samples[i] == sim.samples[i])
        }
    }

    @Test func lastIterateConstantRate() throws {
        let setup = try SGDSetup(alpha: 1.5, beta: 0.8, noise: 0.5, dim: 60, steps: 300,
                                 lr: ConstantValue(value: 0.25), batch: ConstantValue(value: 1))
        try expectAgreement(setup, trials: 600, seed: 1)
    }

    @Test func tailAverageWithCosineAndBatchRamp() throws {
        let setup = try SGDSetup(alpha: 1.3, beta: 1.2, noise: 0.3, dim: 60, steps: 300,
                                 lr: CosineSchedule(peak: 0.4, warmup: 20), batch: RampSchedule(start: 2, every: 100),
                                 averaging: .tail(start: 150))
        try expectAgreement(setup, trials: 400, seed: 2)
    }

    @Test func emaWithLinearDecayAndBatch() throws {
        let setup = try SGDSetup(alpha: 2, beta: 0.6, noise: 0.4, dim: 60, steps: 300,
                                 lr: LinearSchedule(peak: 0.5), batch: ConstantValue(value: 4),
                                 averaging: .ema(decay: 0.9))
        try expectAgreement(setup, trials: 400, seed: 3)
    }

    /// The simulated squared gradient norm agrees with its exact expectation within 3 SE.
    @Test func gradientNormMatches() throws {
        let setup = try SGDSetup(alpha: 1.5, beta: 1, noise: 0.5, dim: 60, steps: 100,
                                 lr: ConstantValue(value: 0.2), batch: ConstantValue(value: 2))
        let theory = try setup.theory(times: [0, 50, 100])
        let sim = try setup.simulate(times: [0, 50, 100], trials: 2000, seed: 4)
        for i in 0..<3 { #expect(abs(sim.gnorm2[i] - theory.gnorm2[i]) <= 3 * sim.gnorm2Error[i], "row \(i)") }
    }

    /// Normalised SGD: the theory is a proxy (‖g‖ replaced by its RMS √E‖g‖²), not exact: by
    /// Jensen E[1/‖g‖] > 1/√E‖g‖², so real NSGD takes slightly longer steps. Measured here
    /// (batch 16) the proxy is within 12% over the whole curve; the test allows 15%.
    @Test func normalisedProxyIsClose() throws {
        let setup = try SGDSetup(alpha: 1.5, beta: 1, noise: 0.5, dim: 60, steps: 300,
                                 lr: ConstantValue(value: 0.05), batch: ConstantValue(value: 16), normalized: true)
        let theory = try setup.theory(times: Self.times)
        let sim = try setup.simulate(times: Self.times, trials: 100, seed: 5)
        for i in Self.times.indices { #expect(abs(sim.test[i] / theory.test[i] - 1) < 0.15, "t = \(Self.times[i])") }
    }

    /// The ziggurat sampler has the moments of N(0, 1): mean 0, variance 1, kurtosis 3 (5 SE).
    @Test func zigguratMoments() {
        var rng = Xoshiro256StarStar(seed: 9)
        let n = 1_000_000
        var x = [Double](repeating: 0, count: n)
        x.withUnsafeMutableBufferPointer { rng.fillGaussians($0) }
        let mean = x.reduce(0, +) / Double(n)
        let m2 = x.reduce(0) { $0 + $1 * $1 } / Double(n)
        let m4 = x.reduce(0) { $0 + $1 * $1 * $1 * $1 } / Double(n)
        let tail = Double(x.filter { abs($0) > 3.6541528853610088 }.count) / Double(n)
        #expect(abs(mean) < 5 / Double(n).squareRoot())
        #expect(abs(m2 - 1) < 5 * 2.0.squareRoot() / Double(n).squareRoot())
        #expect(abs(m4 - 3) < 5 * 96.0.squareRoot() / Double(n).squareRoot())
        // P(|x| > r) = 2.579e-4 for r = 3.654; binomial SE ≈ 1.6e-5.
        #expect(abs(tail - 2.5796e-4) < 5 * 1.6e-5)
    }
}
