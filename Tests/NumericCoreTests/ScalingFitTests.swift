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
}
