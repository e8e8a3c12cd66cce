import Testing
@testable import Models
import Numerics

/// In-context learning by linear attention (Lu et al. 2024): the theory against its
/// hand-derived limits and against the finite-d simulation.
@Suite struct ICLTests {
    private func model(alpha: Double, kappa: Double, tau: Double, rho: Double = 0.1, d: Int = 32,
                       lambda: Double = 0, taskPower: Double = 0, testPower: Double = 0) -> ParameterSet {
        ParameterSet(["alpha": .number(alpha), "kappa": .number(kappa), "tau": .number(tau), "rho": .number(rho),
                      "d": .number(Double(d)), "lambda": .number(lambda), "task_power": .number(taskPower),
                      "test_power": .number(testPower)])
    }

    private func column(_ result: OperationResult, _ name: String) -> Double {
        guard case .table(let table) = result, let values = table.numbers(name) else { return .nan }
        return values[0]
    }

    private func theory(_ m: ParameterSet) throws -> Double {
        column(try ICLModel.family.operation("theory")!.run(m, ParameterSet(), .none), "icl")
    }

    private func simulate(_ m: ParameterSet, trials: Int = 2, seed: Int = 1) throws -> OperationResult {
        try ICLModel.family.operation("simulate")!.run(
            m, ParameterSet(["trials": .number(Double(trials)), "tests": .number(2000), "seed": .number(Double(seed))]),
            .none)
    }

    /// κ, τ → ∞: the optimal scaled-identity readout ŷ = x_q·v/(1+x) has error
    /// (c−1)² + c²x + ρ at c = 1/(1+x), i.e. x/(1+x) + ρ with x = (1+ρ)/α (derived by hand:
    /// v = (d/ℓ)Σyᵢxᵢ has mean w and covariance x·I).
    @Test(arguments: [(2.0, 0.1), (0.5, 0.0), (4.0, 1.0)])
    func infiniteDiversityAndDataGiveTheBayesLinearLimit(alpha: Double, rho: Double) throws {
        let x = (1 + rho) / alpha
        let exact = try theory(model(alpha: alpha, kappa: .infinity, tau: .infinity, rho: rho))
        #expect(abs(exact - (x / (1 + x) + rho)) < 1e-12)
        let large = try theory(model(alpha: alpha, kappa: 1e9, tau: 1e9, rho: rho))
        #expect(abs(large - (x / (1 + x) + rho)) < 1e-6)
    }

    /// τ → 0: no pretraining data, Γ = 0, so the error is E[y²] = 1 + ρ.
    @Test func noPretrainingGivesTheLabelVariance() throws {
        #expect(abs(try theory(model(alpha: 2, kappa: 2, tau: 1e-9, rho: 0.3)) - 1.3) < 1e-6)
    }

    /// The ridgeless error diverges at τ = 1 from both sides (double descent).
    @Test func doubleDescentPeakAtTauOne() throws {
        #expect(try theory(model(alpha: 2, kappa: 2, tau: 1)) == .infinity)
        let below = try theory(model(alpha: 2, kappa: 2, tau: 0.99))
        let above = try theory(model(alpha: 2, kappa: 2, tau: 1.01))
        #expect(below > 10 && above > 10)
        #expect(try theory(model(alpha: 2, kappa: 2, tau: 0.5)) < below)
        #expect(try theory(model(alpha: 2, kappa: 2, tau: 4)) < above)
    }

    /// Finite-d simulation approaches the d → ∞ theory: the bias shrinks from d = 16 to 32.
    @Test func simulationBiasShrinksWithDimension() throws {
        let exact = try theory(model(alpha: 2, kappa: 2, tau: 4))
        let small = column(try simulate(model(alpha: 2, kappa: 2, tau: 4, d: 16)), "icl")
        let large = column(try simulate(model(alpha: 2, kappa: 2, tau: 4, d: 32)), "icl")
        #expect(abs(large - exact) < abs(small - exact))
        #expect(abs(large - exact) / exact < 0.15)
    }

    /// Low task diversity memorises: the in-distribution error falls below the ICL error.
    @Test func lowDiversityMemorisesPretrainingTasks() throws {
        let result = try simulate(model(alpha: 2, kappa: 0.5, tau: 2, d: 24))
        #expect(column(result, "idg") < 0.7 * column(result, "icl"))
    }

    @Test func simulationIsReproducibleFromItsSeed() throws {
        let m = model(alpha: 1, kappa: 1, tau: 1.5, d: 8)
        #expect(column(try simulate(m, seed: 5), "icl") == column(try simulate(m, seed: 5), "icl"))
        #expect(column(try simulate(m, seed: 5), "icl") != column(try simulate(m, seed: 6), "icl"))
    }

    @Test func ridgeTheoryIsRefusedByName() {
        #expect(throws: ModelError.self) { try theory(model(alpha: 2, kappa: 2, tau: 2, lambda: 0.1)) }
        do { _ = try theory(model(alpha: 2, kappa: 2, tau: 2, lambda: 0.1)) } catch let error as ModelError {
            guard case .domain(let parameter, _, _) = error else { Issue.record("wrong case"); return }
            #expect(parameter == "lambda")
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func infinitePretrainingIsRefusedBySimulate() {
        #expect(throws: ModelError.self) { try simulate(model(alpha: 2, kappa: 2, tau: .infinity, d: 8)) }
    }

    @Test func hugeSimulationIsEstimatedTooLarge() {
        let estimate = ICLModel.family.operation("simulate")!.estimate!(
            model(alpha: 2, kappa: 2, tau: 2, d: 4096), ParameterSet(["trials": .number(1)]))
        #expect(estimate.bytes > 1e12)
    }

    @Test func ridgeSimulationRunsAndInterrupts() throws {
        let m = model(alpha: 2, kappa: 2, tau: 0.5, d: 8, lambda: 0.1)
        #expect(column(try simulate(m), "icl").isFinite)
        let monitor = WorkMonitor()
        monitor.cancel()
        #expect(throws: WorkCancelled.self) {
            _ = try ICLModel.family.operation("simulate")!.run(m, ParameterSet(["trials": .number(1), "tests": .number(10), "seed": .number(0)]), monitor)
        }
    }

    /// Task alignment: a model pretrained on power-law tasks does better on test tasks with the
    /// same structure than on isotropic ones (at low diversity, where it specialises).
    @Test func alignedTestTasksBeatMisalignedOnes() throws {
        let aligned = column(try simulate(model(alpha: 2, kappa: 0.5, tau: 3, d: 16, taskPower: 1.5, testPower: 1.5)), "icl")
        let misaligned = column(try simulate(model(alpha: 2, kappa: 0.5, tau: 3, d: 16, taskPower: 1.5, testPower: 0)), "icl")
        #expect(aligned < misaligned)
        #expect(throws: ModelError.self) { try theory(model(alpha: 2, kappa: 2, tau: 2, taskPower: 1)) }
    }

    @Test func taskVariancesKeepTheTrace() {
        let c = ICLModel.taskVariances(power: 1.2, d: 50)
        #expect(abs(c.reduce(0, +) - 50) < 1e-10)
        #expect(c[0] > c[49])
    }
}
