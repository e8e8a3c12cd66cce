import Testing
import NumericCore
@testable import Models

/// The exact SGD recursion: hand-computed values, an independent closed form, and Monte-Carlo.
@Suite struct SGDTheoryTests {
    /// dim = 2, alpha = beta = 1 (λ = (1, ½), w*² = (1, ½)), η = ½, B = 2, σ = ½, two steps by hand:
    /// c(1) = (9/16, 25/64), R(1) = 97/128; R(2) = 31/64.
    @Test func twoStepsByHand() throws {
        let setup = try SGDSetup(alpha: 1, beta: 1, noise: 0.5, dim: 2, steps: 2,
                                 lr: ConstantValue(value: 0.5), batch: ConstantValue(value: 2))
        let curve = try setup.theory(times: [0, 1, 2])
        #expect(abs(curve.test[0] - 1.25) < 1e-15)
        #expect(abs(curve.test[1] - 97.0 / 128) < 1e-15)
        #expect(abs(curve.test[2] - 31.0 / 64) < 1e-15)
        #expect(curve.samples == [0, 2, 4])
    }

    /// dim = 1 against the chi-square closed form: with S = Σ x_i² ~ χ²_B,
    /// E[(1 − ηS/B)²] = 1 − 2η + η²(1 + 2/B), and the noise adds η²σ²/B per step.
    @Test func oneModeMatchesChiSquareMoments() throws {
        let eta = 0.3, b = 5.0, sigma = 0.7, steps = 40
        let setup = try SGDSetup(alpha: 2, beta: 1, noise: sigma, dim: 1, steps: steps,
                                 lr: ConstantValue(value: eta), batch: ConstantValue(value: b))
        let curve = try setup.theory(times: [steps])
        let factor = 1 - 2 * eta + eta * eta * (1 + 2 / b)
        var c = 1.0
        for _ in 0..<steps { c = factor * c + eta * eta * sigma * sigma / b }
        #expect(abs(curve.test[0] - c) <= 1e-13 * c)
    }

    /// Averaging with a = 1 everywhere (EMA decay 0) must reproduce the last iterate exactly.
    @Test func emaWithZeroDecayIsLastIterate() throws {
        let plain = try SGDSetup(alpha: 1.5, beta: 1, noise: 0.3, dim: 50, steps: 100,
                                 lr: CosineSchedule(peak: 0.2), batch: ConstantValue(value: 3))
        var ema = plain
        ema.averaging = .ema(decay: 0)
        let times = Array(stride(from: 0, through: 100, by: 10))
        let a = try plain.theory(times: times), b = try ema.theory(times: times)
        for (x, y) in zip(a.test, b.test) { #expect(abs(x - y) <= 1e-12 * x) }
    }

    /// Expected squared gradient norm at t = 0 by hand: E‖g‖² = (1 + 1/B) Σ λ²c + Tr Λ (R + σ²)/B.
    @Test func gradientNormAtStart() throws {
        let setup = try SGDSetup(alpha: 1, beta: 1, noise: 0.5, dim: 2, steps: 2,
                                 lr: ConstantValue(value: 0.5), batch: ConstantValue(value: 2))
        let curve = try setup.theory(times: [0])
        // Σ λ²c = 1 + ¼·½ = 9/8; Tr Λ = 3/2; R + σ² = 3/2.
        #expect(abs(curve.gnorm2[0] - (1.5 * 9.0 / 8 + 1.5 * 1.5 / 2)) < 1e-15)
    }
}

/// Bad SGD parameters are refused by name rather than producing NaN.
@Suite struct SGDErrorTests {
    @Test func unstableRateNamesLR() {
        do {
            let setup = try SGDSetup(alpha: 1.5, beta: 1, noise: 0, dim: 10, steps: 5000,
                                     lr: ConstantValue(value: 5), batch: ConstantValue(value: 1))
            _ = try setup.theory(times: [5000])
            Issue.record("no error")
        } catch let error as ModelError {
            guard case .domain(let parameter, _, let allowed) = error else { Issue.record("wrong kind"); return }
            #expect(parameter == "lr")
            #expect(allowed.contains("stable"))
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func badChoicesAndRanges() throws {
        var p = ParameterSet()
        for spec in SGDFamily.family.parameters { p[spec.name] = spec.defaultValue }
        p["average"] = .string("mean")
        #expect(throws: ModelError.domain(parameter: "average", value: "\"mean\"", allowed: "one of \"none\", \"tail\", \"window\", \"ema\"")) {
            try SGDSetup(parameters: try SGDFamily.Parameters(p))
        }
        p["average"] = .string("none"); p["dim"] = .number(1e9)
        #expect(throws: ModelError.self) { try SGDSetup(parameters: try SGDFamily.Parameters(p)) }
        p["dim"] = .number(10)
        let setup = try? SGDSetup(parameters: try SGDFamily.Parameters(p))
        #expect(throws: ModelError.domain(parameter: "t", value: "2000", allowed: "0 ≤ t ≤ steps = 1000")) {
            try setup?.reportTimes([0, 2000])
        }
        #expect(try setup?.reportTimes([0, 2.4, 2.6, 3]) == [0, 2, 3])
    }
}

/// The constant-rate noise floor: the fixed point of the recursion, R∞ = σ²S/(1 − S) with
/// S = Σ (ηλ_k/B)/(2 − ηλ_k(1 + 1/B)), reached after all modes have mixed.
@Suite struct SGDNoiseFloorTests {
    @Test func constantRateReachesStationaryRisk() throws {
        let eta = 0.1, b = 2.0, sigma = 0.5
        let setup = try SGDSetup(alpha: 1, beta: 1, noise: sigma, dim: 20, steps: 40_000,
                                 lr: ConstantValue(value: eta), batch: ConstantValue(value: b))
        let s = setup.lambdas.reduce(0.0) { $0 + (eta * $1 / b) / (2 - eta * $1 * (1 + 1 / b)) }
        let floor = sigma * sigma * s / (1 - s)
        let final = try setup.theory(times: [40_000]).test[0]
        #expect(abs(final / floor - 1) < 1e-9)
    }
}
