import NumericCore
import Testing

/// Least-squares fits: exact recovery on noise-free data, honest standard errors on
/// noisy data, clear errors on unusable data.
@Suite struct FittingTests {
    @Test func recoversPowerLawExponentsNoiseFree() throws {
        for (exponent, prefactor) in [(-1.8, 2.5), (-0.5, 1e-3), (0.75, 40.0), (-3.2, 7.0)] {
            let x = (0..<30).map { pow(10, 1 + 3 * Double($0) / 29) }
            let y = x.map { prefactor * pow($0, exponent) }
            let f = try CurveFit.fit(x: x, y: y, law: .powerlaw)
            #expect(abs(f.exponent - exponent) < 1e-9)
            #expect(abs(f.prefactor - prefactor) / prefactor < 1e-9)
            #expect(abs(f.r2 - 1) < 1e-12)
        }
    }

    @Test func recoversExponentialAndLinearNoiseFree() throws {
        let x = (0..<20).map { Double($0) / 4 }
        let e = try CurveFit.fit(x: x, y: x.map { 3 * exp(-0.7 * $0) }, law: .exponential)
        #expect(abs(e.exponent + 0.7) < 1e-9 && abs(e.prefactor - 3) < 1e-9)
        let l = try CurveFit.fit(x: x, y: x.map { 1.5 - 2 * $0 }, law: .linear)
        #expect(abs(l.exponent + 2) < 1e-12 && abs(l.prefactor - 1.5) < 1e-12)
        #expect(abs(l.evaluate(2) + 2.5) < 1e-12)
    }

    /// With Gaussian noise in log y the ±1 SE interval should cover the true exponent
    /// about 68% of the time. With 20 points the t-distribution (18 dof) gives
    /// P(|t| ≤ 1) ≈ 0.670; over 2000 repetitions the binomial SE is ~0.011, so we
    /// accept 0.63…0.71 (about ±3.5 SE).
    @Test func standardErrorsCoverTheTruthAbout68Percent() throws {
        var rng = Xoshiro256StarStar(seed: 42)
        let x = (0..<20).map { pow(10, 1 + 2 * Double($0) / 19) }
        var coveredExponent = 0, coveredPrefactor = 0
        let trials = 2000
        for _ in 0..<trials {
            let y = x.map { 2 * pow($0, -1.5) * exp(0.1 * rng.gaussian()) }
            let f = try CurveFit.fit(x: x, y: y, law: .powerlaw)
            if abs(f.exponent + 1.5) <= f.exponentStandardError { coveredExponent += 1 }
            // The prefactor's SE is from the delta method: check coverage of log(prefactor).
            if abs(log(f.prefactor) - log(2)) <= f.prefactorStandardError / f.prefactor { coveredPrefactor += 1 }
        }
        let e = Double(coveredExponent) / Double(trials), p = Double(coveredPrefactor) / Double(trials)
        #expect(e > 0.63 && e < 0.71, "exponent coverage \(e)")
        #expect(p > 0.63 && p < 0.71, "prefactor coverage \(p)")
    }

    @Test func linearRegressionStandardErrorsMatchAHandComputation() throws {
        // x = 1...5, y = (1.1, 1.9, 3.2, 3.8, 5.1): slope 0.99, intercept 0.05,
        // SSR = 0.107, s² = 0.107/3, Sxx = 10 → se(slope) = √(0.0035667) = 0.059722.
        let r = try LinearRegression.fit(x: [1, 2, 3, 4, 5], y: [1.1, 1.9, 3.2, 3.8, 5.1])
        #expect(abs(r.slope - 0.99) < 1e-12)
        #expect(abs(r.intercept - 0.05) < 1e-12)
        #expect(abs(r.slopeStandardError - (0.107 / 3 / 10).squareRoot()) < 1e-12)
        #expect(abs(r.interceptStandardError - (0.107 / 3 * (0.2 + 9.0 / 10)).squareRoot()) < 1e-12)
    }

    @Test func refusesUnusableData() {
        #expect(throws: FitError.self) { try CurveFit.fit(x: [1, 2, 3], y: [1, -1, 2], law: .powerlaw) }
        #expect(throws: FitError.self) { try CurveFit.fit(x: [1, 2], y: [1, 2], law: .linear) }
        #expect(throws: FitError.self) { try CurveFit.fit(x: [2, 2, 2], y: [1, 2, 3], law: .linear) }
        #expect(throws: FitError.self) { try CurveFit.fit(x: [1, 2, .nan], y: [1, 2, 3], law: .linear) }
        #expect(throws: FitError.self) { try CurveFit.fit(x: [1, 2, 3], y: [1, 2], law: .linear) }
    }
}

#if canImport(Glibc)
import Glibc
#endif
