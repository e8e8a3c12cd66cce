import Testing
import Foundation
import NumericCore
@testable import Models

/// Schedule formulas pinned at hand-computed points, and bad schedules refused by name.
@Suite struct ScheduleTests {
    func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-14 * max(1, abs(b)) }

    @Test func cosineFormula() {
        let s = CosineSchedule(peak: 1, final: 0.1)
        #expect(close(s.value(at: 0, of: 100), 1))
        #expect(close(s.value(at: 50, of: 100), 0.55))           // (1 + cos(π/2))/2 = ½
        #expect(close(s.value(at: 25, of: 100), 0.1 + 0.9 * (1 + 0.5.squareRoot()) / 2))
        let w = CosineSchedule(peak: 2, warmup: 10)
        #expect(close(w.value(at: 0, of: 110), 0.2))              // peak·(t+1)/W
        #expect(close(w.value(at: 9, of: 110), 2))
        #expect(close(w.value(at: 10, of: 110), 2))
        #expect(close(w.value(at: 60, of: 110), 1))               // halfway through the decay
    }

    @Test func linearFormula() {
        let s = LinearSchedule(peak: 1, final: 0.2)
        #expect(close(s.value(at: 0, of: 10), 1))
        #expect(close(s.value(at: 5, of: 10), 0.6))
        #expect(close(s.value(at: 9, of: 10), 0.28))
        let w = LinearSchedule(peak: 1, warmup: 4)
        #expect(close(w.value(at: 1, of: 14), 0.5))
        #expect(close(w.value(at: 9, of: 14), 0.5))
    }

    @Test func otherFormulas() {
        let wsd = WSDSchedule(peak: 1, warmup: 10, decay: 0.2)
        #expect(close(wsd.value(at: 4, of: 100), 0.5))
        #expect(close(wsd.value(at: 79, of: 100), 1))
        #expect(close(wsd.value(at: 90, of: 100), 0.5))
        #expect(close(StepSchedule(peak: 1, factor: 0.5, every: 10).value(at: 25, of: 100), 0.25))
        #expect(close(InvSqrtSchedule(peak: 1, offset: 4).value(at: 12, of: 100), 0.5))
        #expect(close(PolySchedule(peak: 2, power: 2, offset: 1).value(at: 1, of: 100), 0.5))
        #expect(close(RampSchedule(start: 8, factor: 2, every: 10, maximum: 32).value(at: 15, of: 100), 16))
        #expect(close(RampSchedule(start: 8, factor: 2, every: 10, maximum: 32).value(at: 95, of: 100), 32))
        let tab = TabulatedSchedule(positions: [0, 0.5, 1], values: [1, 3, 0], origin: "test")
        #expect(close(tab.value(at: 25, of: 100), 2))
        #expect(close(tab.value(at: 75, of: 100), 1.5))
    }

    /// The language-level constructors build the same values and refuse bad arguments.
    @Test func functionsBuildSchedules() throws {
        var a = ParameterSet()
        a["peak"] = .number(0.1); a["final"] = .number(0); a["warmup"] = .number(5)
        guard case .schedule(let s) = try ScheduleFunctions.cosine.run(a, .none) else { Issue.record("no schedule"); return }
        #expect(close(s.value(at: 0, of: 20), 0.02))
        a["peak"] = .number(-0.1)
        #expect(throws: ModelError.domain(parameter: "peak", value: "-0.1", allowed: "peak ≥ 0")) {
            try ScheduleFunctions.cosine.run(a, .none)
        }
        #expect(ModelCatalog.function("refine") != nil && ModelCatalog.function("wsd") != nil)
        #expect(ModelCatalog.family("sgd") != nil && ModelCatalog.family("seesaw") != nil)
    }

    @Test func warmupLongerThanRunIsRefused() {
        do {
            _ = try scheduleValues(CosineSchedule(peak: 0.1, warmup: 200), parameter: "lr", total: 100, role: .learningRate)
            Issue.record("no error")
        } catch {
            #expect(error.message.contains("warmup = 200"))
            #expect(error.message.contains("steps = 100"))
            #expect(error == .scheduleTooLong(parameter: "lr", warmup: 200, decay: nil, total: 100))
        }
    }

    @Test func negativeRateAndSmallBatchAreRefused() {
        #expect(throws: ModelError.self) {
            try scheduleValues(ConstantValue(value: -0.1), parameter: "lr", total: 10, role: .learningRate)
        }
        do {
            _ = try SGDSetup(alpha: 1.5, beta: 1, noise: 0, dim: 10, steps: 10, lr: ConstantValue(value: 0.1),
                             batch: ConstantValue(value: 0.4))
            Issue.record("no error")
        } catch {
            guard case .domain(let parameter, _, let allowed) = error else { Issue.record("wrong kind"); return }
            #expect(parameter == "batch")
            #expect(allowed.contains("≥ 1"))
        }
        #expect(throws: ModelError.domain(parameter: "batch", value: "2.5", allowed: "a whole number batch ≥ 1")) {
            try SGDFamily.Parameters(ParameterSet(["batch": .number(2.5)]))
        }
        // A linear schedule ending at −0.1 over 10 steps first goes negative at step 6 (−0.02).
        do {
            _ = try scheduleValues(LinearSchedule(peak: 0.1, final: -0.1), parameter: "lr", total: 10, role: .learningRate)
            Issue.record("no error")
        } catch {
            #expect(error.message.contains("at step 6"))
        }
    }
}
