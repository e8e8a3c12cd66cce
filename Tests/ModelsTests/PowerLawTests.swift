import RealModule
import Testing
import NumericCore
@testable import Models

/// The shared data conventions and parameter checks.
@Suite struct PowerLawTests {
    @Test func powerLawConventions() throws {
        let data = SpectralData.powerLaw(alpha: 1.5, beta: 1.2, dim: 50)
        for k in [1, 7, 50] {
            #expect(data.eigenvalues[k - 1].isApproximatelyEqual(to: pow(Double(k), -1.5), relativeTolerance: 1e-14))
            #expect(data.targetPower[k - 1].isApproximatelyEqual(to: pow(Double(k), -(1.5 * 1.2 + 1)), relativeTolerance: 1e-13))
        }
    }

    @Test func vectorsOverrideThePowerLaw() throws {
        let p = try PowerLawParameters(parameters([:], vectors: ["spectrum": [2, 1], "target": [0.5, -1]]))
        let data = try SpectralData.from(p)
        #expect(data.eigenvalues == [2, 1])
        #expect(data.targetPower == [0.5, 1])
        #expect(throws: ModelError.domain(parameter: "spectrum", value: "-2", allowed: "spectrum > 0")) {
            try PowerLawParameters(parameters([:], vectors: ["spectrum": [1, -2]]))
        }
    }

    @Test func samplesHaveTheRequestedCovariance() throws {
        let data = SpectralData.powerLaw(alpha: 1, beta: 1, dim: 3)
        var rng = Xoshiro256StarStar(seed: 1)
        let (x, y) = data.sample(count: 20000, noise: 0, generator: &rng)
        let gram = x.gram()
        for k in 0..<3 { #expect((gram[k, k] / 20000).isApproximatelyEqual(to: data.eigenvalues[k], relativeTolerance: 0.04)) }
        let signal = y.reduce(0) { $0 + $1 * $1 } / 20000
        #expect(signal.isApproximatelyEqual(to: data.signalPower, relativeTolerance: 0.04))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
