import Testing
import NumericCore
@testable import Models

@Suite("Long-sequence Hopfield memory (Chaudhry et al. 2023)")
struct HopfieldTests {
    func configuration(_ n: Int, degree: Int, separation: String = "poly") throws -> Hopfield.Configuration {
        try Hopfield.Configuration(ParameterSet(["N": .number(Double(n)),
                                                 "degree": .number(Double(degree)), "separation": .string(separation)]))
    }

    /// At d = 3, N = 40 the Gaussian-crosstalk prediction is about 3% low (3.5 standard errors at seed 7, 10
    /// over eight seeds): the long-sequence-hopfield notebook states it, so it is not a case here.
    @Test("simulated per-transition P₅₀ is within 3 standard errors of the finite-N erfc prediction (poly, d = 2)",
          arguments: [(50, 2), (100, 2)])
    func capacity(n: Int, degree: Int) throws {
        let c = try configuration(n, degree: degree)
        let predicted = try Hopfield.predictedCapacity(c, sequence: false)
        let simulated = try Hopfield.simulatedCapacity(c, sequence: false, guess: predicted, trials: 8, seed: 7, monitor: .none)
        #expect(simulated.standardError.isFinite && simulated.standardError > 0)
        #expect(abs(simulated.p50 - predicted) <= 3 * simulated.standardError,
                "N = \(n), d = \(degree): simulated \(simulated.p50) ± \(simulated.standardError), theory \(predicted)")
    }

    @Test("the P₅₀ standard error is the spread of P₅₀ over independent seeds (within a factor 2)")
    func capacityStandardError() throws {
        let c = try configuration(60, degree: 2)
        let predicted = try Hopfield.predictedCapacity(c, sequence: false)
        let runs = try (1...12).map { try Hopfield.simulatedCapacity(c, sequence: false, guess: predicted, trials: 4, seed: UInt64($0), monitor: .none) }
        let mean = runs.map(\.p50).reduce(0, +) / Double(runs.count)
        let spread = (runs.map { ($0.p50 - mean) * ($0.p50 - mean) }.reduce(0, +) / Double(runs.count - 1)).squareRoot()
        let reported = runs.map(\.standardError).reduce(0, +) / Double(runs.count)
        #expect(reported > spread / 2 && reported < spread * 2, "reported SE \(reported), spread over seeds \(spread)")
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
