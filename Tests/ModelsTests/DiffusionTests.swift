import RealModule
import Testing
import NumericCore
@testable import Models

/// The linear diffusion model (Wang & Pehlevan 2025): per-mode theory against the full-matrix
/// simulation, the continuum-of-levels closed forms, the finite-training-set limit, the
/// inverse-variance learning time and parameter errors.
@Suite("Linear diffusion denoiser (Wang & Pehlevan 2025)")
struct DiffusionTests {
    let small: [String: ParameterValue] = ["dim": .number(4), "alpha": .number(2), "samples": .number(20000),
                                          "levels": .number(24)]

    @Test("the per-mode theory matches gradient descent on the matrices and sampling within 3 SE")
    func theoryMatchesSimulation() throws {
        let grid: [String: ParameterValue] = ["t": .vector([0, 8, 64, 256])]
        let theory = try runDynamicsOperation(Diffusion.family, "theory", model: small, arguments: grid)
        var arguments = grid
        arguments["trials"] = .number(20); arguments["seed"] = .number(5); arguments["generated"] = .number(1000)
        let sim = try runDynamicsOperation(Diffusion.family, "simulate", model: small, arguments: arguments)
        let expected = theory.values("variance"), mean = sim.values("variance"), se = sim.values("variance_se")
        #expect(expected.count == 16 && mean.count == 16)
        for i in expected.indices {
            let z = zScore(theory: expected[i], mean: mean[i], standardError: se[i])
            #expect(z < 3, "row \(i) (t = \(theory.values("t")[i]), mode \(theory.values("mode")[i])): \(z) SE")
        }
    }

    /// With K → ∞ levels the sampler integrates the probability-flow ODE exactly:
    /// v(0) = σmax²(σmin² + σd²)/(σmax² + σd²) (the initial denoiser is c_skip) and
    /// v(∞) = σmax²(σmin² + λ)/(σmax² + λ) (the optimal denoiser λ/(λ + σ²)).
    @Test("many levels reproduce the continuum closed forms at t = 0 and t → ∞")
    func continuumLimits() throws {
        let model: [String: ParameterValue] = ["spectrum": .vector([0.7, 0.1, 0.01]), "levels": .number(2000)]
        let table = try runDynamicsOperation(Diffusion.family, "theory", model: model, arguments: ["t": .vector([0])])
        let (smax2, smin2, d2) = (80.0 * 80, 0.002 * 0.002, 0.25)
        for (i, lambda) in [0.7, 0.1, 0.01].enumerated() {
            #expect(table.values("variance")[i].isApproximatelyEqual(to: smax2 * (smin2 + d2) / (smax2 + d2), relativeTolerance: 2e-4))
            #expect(table.values("limit")[i].isApproximatelyEqual(to: smax2 * (smin2 + lambda) / (smax2 + lambda), relativeTolerance: 2e-4))
        }
    }

    /// At finite n the model learns the training set's second moment S, not the population's:
    /// the generated covariance converges to U diag(v(λ̂)) Uᵀ with S = U diag(λ̂) Uᵀ.
    @Test("after long training the generated covariance is that of the training set")
    func learnsTheTrainingSet() throws {
        let spectrum = [1.0, 0.5, 0.3, 0.2]
        let model: [String: ParameterValue] = ["spectrum": .vector(spectrum), "samples": .number(12), "levels": .number(24)]
        let sim = try runDynamicsOperation(Diffusion.family, "simulate", model: model,
                                           arguments: ["t": .vector([3000]), "trials": .number(1), "seed": .number(9),
                                                       "generated": .number(100000)])
        var p = Diffusion.Parameters()
        p.spectrum = spectrum; p.samples = 12; p.levels = 24
        let c = Diffusion.Configuration(p)
        var rng = Xoshiro256StarStar(seed: 9, stream: 1)
        let (values, vectors) = try Diffusion.trainingMoment(c, rng: &rng).symmetricEigen()
        let v = values.map { Diffusion.generatedVariance(lambda: $0, steps: .infinity, c, sigmas: c.sigmas) }
        var farFromPopulation = 0
        for k in 0..<4 {
            let expected = (0..<4).reduce(0.0) { $0 + vectors[k, $1] * vectors[k, $1] * v[$1] }
            let mean = sim.values("variance")[k], se = sim.values("variance_se")[k]
            #expect(zScore(theory: expected, mean: mean, standardError: se) < 3, "mode \(k + 1): \(mean) vs \(expected)")
            let population = Diffusion.generatedVariance(lambda: spectrum[k], steps: .infinity, c, sigmas: c.sigmas)
            if zScore(theory: population, mean: mean, standardError: se) > 10 { farFromPopulation += 1 }
        }
        #expect(farFromPopulation >= 2, "12 samples should move the covariance visibly off the population's")
    }

    /// Spectral bias (Wang & Pehlevan 2025): for λ ≪ σ_data² a mode's learning time scales as 1/λ.
    @Test("learning time scales as 1/λ for low-variance modes")
    func inverseVarianceLaw() throws {
        let table = try runDynamicsOperation(Diffusion.family, "learningtime",
                                             model: ["dim": .number(64), "alpha": .number(2)], arguments: [:])
        let lambda = table.values("lambda"), time = table.values("time")
        let tail = lambda.indices.filter { lambda[$0] < 0.025 }
        let slope = logLogSlope(tail.map { lambda[$0] }, tail.map { time[$0] })
        #expect(abs(slope + 1) < 0.05, "slope \(slope)")
        // Higher-variance modes below σ_data² are learned first.
        #expect(zip(time[2...], time[3...]).allSatisfy { $0 < $1 })
    }

    @Test("bad parameters name the parameter and its allowed range")
    func errors() throws {
        func failure(_ model: [String: ParameterValue], _ args: [String: ParameterValue] = [:]) -> ModelError? {
            do { _ = try runDynamicsOperation(Diffusion.family, "theory", model: model, arguments: args); return nil }
            catch let e as ModelError { return e } catch { return nil }
        }
        #expect(failure(["lr": .number(0.3)])?.message
                == "lr = 0.3 is out of range: allowed 0 < lr ≤ 0.250003 (1/max_σ (λ_max+σ²)/(σ²+σ_data²): monotone descent at every level)")
        guard case .domain(let s, _, _)? = failure(["sigma_min": .number(100)]) else { Issue.record("sigma_min"); return }
        #expect(s == "sigma_min")
        guard case .domain(let l, _, _)? = failure(["levels": .number(1)]) else { Issue.record("levels"); return }
        #expect(l == "levels")
        guard case .domain(let v, _, _)? = failure(["spectrum": .vector([1, -1])]) else { Issue.record("spectrum"); return }
        #expect(v == "spectrum")
    }
}

#if canImport(Glibc)
import Glibc
#endif
