import Testing
import NumericCore
@testable import Models

/// Seesaw (Meterez et al. 2025): the SGD equivalence of batch growth and learning-rate cuts,
/// and the √α rule for normalised SGD, on the exact recursion.
@Suite struct SeesawTests {
    /// Doubling the batch at constant η matches halving η at constant batch, compared at equal
    /// samples along the whole curve, within 1% (noise-dominated, small η).
    @Test func sgdBatchDoublingMatchesHalvedRate() throws {
        let doubled = try SGDSetup(alpha: 1.5, beta: 1, noise: 0.5, dim: 500, steps: 2000,
                                   lr: ConstantValue(value: 0.05), batch: ConstantValue(value: 16))
        let halved = try SGDSetup(alpha: 1.5, beta: 1, noise: 0.5, dim: 500, steps: 4000,
                                  lr: ConstantValue(value: 0.025), batch: ConstantValue(value: 8))
        let times = [0, 10, 50, 100, 250, 500, 1000, 1500, 2000]
        let a = try doubled.theory(times: times)
        let b = try halved.theory(times: times.map { 2 * $0 })
        for i in times.indices {
            #expect(a.samples[i] == b.samples[i])
            #expect(abs(a.test[i] / b.test[i] - 1) < 0.01, "samples \(a.samples[i]): \(a.test[i]) vs \(b.test[i])")
        }
    }

    func compare(optimizer: String) throws -> [String: Double] {
        var p = ParameterSet()
        for spec in SeesawFamily.family.parameters { p[spec.name] = spec.defaultValue }
        p["optimizer"] = .string(optimizer); p["lr"] = .number(0.02); p["noise"] = .number(1)
        p["dim"] = .number(300); p["samples"] = .number(2e5); p["shape"] = .string("step"); p["cuts"] = .number(6)
        guard case .record(let fields)? = try SeesawFamily.family.operation("compare")?.run(p, ParameterSet(), .none) else {
            Issue.record("compare did not return a record"); return [:]
        }
        return Dictionary(uniqueKeysWithValues: fields.map { ($0.name, $0.value) })
    }

    /// For normalised SGD the Seesaw rule (η × √α, B × 1/α) matches the base schedule's final
    /// risk within 3% with at least 3× fewer serial steps.
    @Test func nsgdSeesawMatchesWithFewerSteps() throws {
        let r = try compare(optimizer: "nsgd")
        #expect(abs(r["seesaw_ratio", default: 0] - 1) < 0.03)
        #expect(r["seesaw_speedup", default: 0] > 3)
    }

    /// For plain SGD it is the batch ramp (η fixed, B × 1/α) that matches the base schedule.
    @Test func sgdBatchRampMatchesBase() throws {
        let r = try compare(optimizer: "sgd")
        #expect(abs(r["batch_ramp_ratio", default: 0] - 1) < 0.01)
    }

    /// The plan keeps every rule on the same sample budget and cuts at the right places.
    @Test func planLayout() throws {
        let plan = try SeesawPlan(lr: 0.1, batch: 4, samples: 4000, factor: 0.5, cuts: 3, cosine: false)
        #expect(plan.phaseEnds == [1000, 2000, 3000, 4000])
        for rule in plan.rules { #expect(rule.batches.reduce(0, +) == 4000) }
        let seesaw = plan.rules[1]
        #expect(seesaw.batches.last == 32)
        #expect(abs(seesaw.rates.last! - 0.1 * 0.5.squareRoot() * 0.5) < 1e-15)
        #expect(seesaw.rates.count == 250 + 125 + 63 + 31 || seesaw.rates.count == 250 + 125 + 62 + 31)
    }

    /// A budget too small for the ramp is refused with a message naming `samples`.
    @Test func tooFewSamplesIsAnError() {
        #expect(throws: ModelError.self) {
            try SeesawPlan(lr: 0.1, batch: 64, samples: 300, factor: 0.5, cuts: 4, cosine: false)
        }
    }

    /// A budget of too many steps is refused as a resource error before any allocation:
    /// samples = 1e12 at batch 1 once asked for 4 TB and aborted, and 1e30 would trap in Int().
    @Test func hugeBudgetIsRefusedBeforeAllocating() {
        for samples in [1e12, 1e30] {
            do {
                _ = try SeesawPlan(lr: 0.1, batch: 1, samples: samples, factor: 0.5, cuts: 4, cosine: true)
                Issue.record("samples = \(samples) was not refused")
            } catch {
                guard case .tooLarge = error else { Issue.record("not a resource error: \(error)"); continue }
            }
        }
    }
}
