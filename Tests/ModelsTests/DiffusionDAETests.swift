import RealModule
import Testing
import NumericCore
@testable import Models

/// The two-layer DAE learning a Gaussian mixture by online SGD (setting of Cui, Pehlevan & Lu 2025):
/// the summary-statistics ODEs against finite-dim SGD, the skip's closed form, the Bayes fixed point
/// at β² = α, and parameter errors.
@Suite("Diffusion DAE summary statistics (Cui, Pehlevan & Lu 2025)")
struct DiffusionDAETests {
    func theory(_ model: [String: ParameterValue], _ t: [Double]) throws -> Table {
        try runDynamicsOperation(DiffusionDAE.family, "theory", model: model, arguments: ["t": .vector(t)])
    }

    @Test("the ODEs match online SGD at dim 200 within 3 SE (overlap, norm, cosine) at several times")
    func theoryMatchesSimulation() throws {
        for model: [String: ParameterValue] in [[:], ["balance": .number(0.8), "m0": .number(-0.2), "c0": .number(1)]] {
            let t: [Double] = [0.5, 1, 2, 3]
            let expected = try theory(model.merging(["dim": .number(200)]) { $1 }, t)
            let sim = try runDynamicsOperation(DiffusionDAE.family, "simulate", model: model.merging(["dim": .number(200)]) { $1 },
                                               arguments: ["t": .vector(t), "trials": .number(16), "seed": .number(5)])
            for name in ["overlap", "norm", "cosine"] {
                let th = expected.values(name), mean = sim.values(name), se = sim.values(name + "_se")
                for i in t.indices {
                    let z = zScore(theory: th[i], mean: mean[i], standardError: se[i])
                    #expect(z < 3, "\(model) \(name) at τ = \(t[i]): theory \(th[i]), simulation \(mean[i]) ± \(se[i]) (\(z) SE)")
                }
            }
            // The skip self-averages: its SE is far below its O(1/dim) finite-size bias, so compare to 1/dim.
            for (a, b) in zip(expected.values("skip"), sim.values("skip")) {
                #expect(abs(a - b) < 1.0 / 200, "skip: theory \(a), simulation \(b)")
            }
        }
    }

    /// dc/dτ = −lr(cΔ − ασ²) is linear: c(τ) = c* + (c0 − c*) e^(−lr Δ τ), c* = ασ²/Δ.
    @Test("the skip gain follows its closed form towards the linear denoiser's c* = ασ²/Δ")
    func skipClosedForm() throws {
        let t: [Double] = [0, 1, 3, 10, 40]
        let skip = try theory(["c0": .number(-0.5)], t).values("skip")
        let delta = 0.25 + 0.64, optimum = 0.5 / delta
        for (i, time) in t.enumerated() {
            let exact = optimum + (-0.5 - optimum) * Double.exp(-0.5 * delta * time)
            #expect(skip[i].isApproximatelyEqual(to: exact, absoluteTolerance: 1e-9), "τ = \(time): \(skip[i]) vs \(exact)")
        }
    }

    /// At β² = α the Bayes denoiser (ασ²/Δ) x_t + (β²/Δ) μ tanh(α μᵀx_t/Δ) is the network with w* = (α/Δ)μ:
    /// M* = α snr/Δ, Q* = α² snr/Δ², the global minimum of the population loss, hence the lr → 0 fixed point.
    /// The fixed point moves by O(lr): Richardson's 2F(lr/2) − F(lr) removes it.
    @Test("at β² = α the fixed point tends to the Bayes-optimal denoiser as lr → 0")
    func bayesFixedPoint() throws {
        let base: [String: ParameterValue] = ["alpha": .number(0.25), "beta": .number(0.5), "snr": .number(2)]
        func fixed(_ lr: Double) throws -> (Double, Double) {
            let row = try theory(base.merging(["lr": .number(lr)]) { $1 }, [40 / lr])
            return (row.values("overlap")[0], row.values("norm")[0])
        }
        let delta = 0.0625 + 0.25, overlap = 0.25 * 2 / delta, norm = 0.0625 * 2 / (delta * delta)
        let coarse = try fixed(0.1), fine = try fixed(0.05)
        #expect(abs(coarse.0 - overlap) > 0.01, "the finite-lr shift is visible: \(coarse.0) vs \(overlap)")
        #expect(abs(2 * fine.0 - coarse.0 - overlap) < 2e-3, "M: \(2 * fine.0 - coarse.0) vs \(overlap)")
        #expect(abs(2 * fine.1 - coarse.1 - norm) < 2e-3, "Q: \(2 * fine.1 - coarse.1) vs \(norm)")
    }

    @Test("bad parameters name the parameter and its allowed range")
    func errors() throws {
        func failure(_ model: [String: ParameterValue]) -> ModelError? {
            do { _ = try theory(model, [1]); return nil } catch let e as ModelError { return e } catch { return nil }
        }
        #expect(failure(["m0": .number(2), "q0": .number(1)])?.message
                == "q0 = 1 is out of range: allowed q0 ≥ m0²/snr = 2 (|wᵀμ|² ≤ |μ|²|w|²)")
        #expect(failure(["balance": .number(1.5)]) != nil)
        #expect(failure(["beta": .number(0)]) != nil)
    }
}
