import Testing
import NumericCore
@testable import Models

@Suite("Long-sequence Hopfield memory (Chaudhry et al. 2023)")
struct HopfieldTests {
    func configuration(_ n: Int, degree: Int, separation: String = "poly") throws -> Hopfield.Configuration {
        try Hopfield.Configuration(ParameterSet(["N": .number(Double(n)),
                                                 "degree": .number(Double(degree)), "separation": .string(separation)]))
    }

    @Test("simulated per-transition P₅₀ is within 10% of the finite-N erfc prediction (poly, d = 2 and 3)",
          arguments: [(100, 2), (40, 3)])
    func capacity(n: Int, degree: Int) throws {
        let c = try configuration(n, degree: degree)
        let predicted = try Hopfield.predictedCapacity(c, sequence: false)
        let simulated = try Hopfield.simulatedCapacity(c, sequence: false, guess: predicted, trials: 8, seed: 7, monitor: .none)
        #expect(abs(simulated - predicted) <= 0.1 * predicted, "N = \(n), d = \(degree): simulated \(simulated), theory \(predicted)")
    }

    @Test("crosstalk moments are exact: E[m²] = 1/N, E[m⁴] = 3/N² − 2/N³, and ((1+e⁻⁴)/2)^N for exp")
    func moments() throws {
        let n = 50.0
        let one = try configuration(50, degree: 1), two = try configuration(50, degree: 2)
        #expect(abs(Hopfield.crosstalkMoment(one) - 1 / n) <= 1e-14)
        #expect(abs(Hopfield.crosstalkMoment(two) - (3 / (n * n) - 2 / (n * n * n))) <= 1e-15)
        let e = try configuration(20, degree: 2, separation: "exp")
        #expect(abs(Hopfield.crosstalkMoment(e) - pow((1 + exp(-4.0)) / 2, 20)) <= 1e-18)
    }

    @Test("theory: recall is ½ at the predicted P₅₀, the sequence capacity is below the transition one, and the asymptotic formula is (2d−1)!!-scaled")
    func theoryRelations() throws {
        let c = try configuration(100, degree: 2)
        let moment = Hopfield.crosstalkMoment(c)
        let p50 = try Hopfield.predictedCapacity(c, sequence: false)
        #expect(abs(Hopfield.recall(c, patterns: p50, moment: moment).transition - 0.5) <= 1e-9)
        let sequenceP50 = try Hopfield.predictedCapacity(c, sequence: true)
        #expect(sequenceP50 < p50)
        let asymptotic = Hopfield.asymptoticCapacity(c)
        #expect(abs(asymptotic.transition - 1e4 / (2 * 3 * log(100))) <= 1e-9)
        #expect(abs(asymptotic.sequence - asymptotic.transition / 3) <= 1e-9)
    }

    @Test("simulated recall probabilities follow the erfc theory at P below, near and above P₅₀ (poly d = 2, N = 100)")
    func recallCurve() throws {
        let c = try configuration(100, degree: 2)
        let moment = Hopfield.crosstalkMoment(c)
        for p in [150, 300, 450] {
            let sim = try Hopfield.simulatedRecall(c, patterns: p, trials: 6, seed: 3, monitor: .none)
            let th = Hopfield.recall(c, patterns: Double(p), moment: moment).transition
            #expect(abs(sim.transition - th) <= 3 * sim.transitionSE + 0.06, "P = \(p): simulated \(sim.transition), theory \(th)")
        }
    }

    /// capacity(..., simulate=0) is closed-form theory; its cost estimate once counted the
    /// simulated bisection anyway, so N = 911, degree 9 was refused as needing 4e13 GiB.
    @Test("capacity with simulate=0 costs nothing and answers")
    func theoryOnlyCapacityIsNotRefused() throws {
        let model = ParameterSet(["N": .number(911), "degree": .number(9), "separation": .string("poly")])
        let operation = Hopfield.family.operation("capacity")!
        let cost = operation.estimate!(model, ParameterSet(["simulate": .number(0)]))
        #expect(cost.bytes == 0 && cost.seconds == 0)
        #expect(operation.estimate!(model, ParameterSet(["simulate": .number(1)])).seconds > 600)
        guard case .record(let fields) = try operation.run(model, ParameterSet(["simulate": .number(0), "trials": .number(10),
                                                                                "seed": .number(1)]), .none)
        else { Issue.record("not a record"); return }
        #expect(fields.first { $0.name == "transition" }!.value > 1e6)
    }

    /// With separation = "exp", P₅₀ ~ ((1+e⁻⁴)/2)^-N leaves the doubles above N ≈ 1050: capacity
    /// once failed there with "notBracketed(a: 1.0, fa: 0.5, b: inf, …)", and the asymptotic
    /// sequence capacity came out 0 just below (ln(N·P) overflowed).
    @Test("exp capacity: finite up to the largest N it can represent, a DomainError naming N above")
    func exponentialCapacityEdge() throws {
        let edge = try configuration(1050, degree: 2, separation: "exp")
        let asymptotic = Hopfield.asymptoticCapacity(edge)
        #expect(asymptotic.sequence > 1e300 && asymptotic.sequence < asymptotic.transition)
        #expect(try Hopfield.predictedCapacity(edge, sequence: true).isFinite)
        do {
            _ = try Hopfield.predictedCapacity(try configuration(1182, degree: 2, separation: "exp"), sequence: false)
            Issue.record("N = 1182 accepted")
        } catch ModelError.domain(let parameter, _, let allowed) { #expect(parameter == "N" && allowed.contains("1050")) }
    }

    @Test("bad P is refused with its name and range")
    func errors() throws {
        do {
            _ = try runDynamicsOperation(Hopfield.family, "theory", model: [:], arguments: ["P": .vector([1])])
            Issue.record("P = 1 accepted")
        } catch ModelError.domain(let parameter, _, let allowed) { #expect(parameter == "P" && allowed.contains("2")) }
    }
}

#if canImport(Glibc)
import Glibc
#endif
