import NumericCore
import Testing
@testable import Models

/// The time estimates' shape, without timing anything: each grows with the sizes as the
/// work of its algorithm does (issue 14, item 5). The constants are fitted to the idle
/// bench/calibrate.sh table; here only how the seconds scale is pinned (ratios, not times).
@Suite struct EstimateShapeTests {
    /// Seconds `operation` of `family` estimates for the given model and arguments (> 0 checked).
    private func seconds(_ family: ModelFamily, _ operation: String, _ model: [String: ParameterValue],
                         _ arguments: [String: ParameterValue]) throws -> Double {
        let estimate = try #require(family.operation(operation)?.estimate)
        let s = estimate(ParameterSet(model), ParameterSet(arguments)).seconds
        #expect(s > 0, "\(family.name) \(operation) estimated nothing for \(model) \(arguments)")
        return s
    }

    @Test func kernelsApproachTheirFlopCounts() {
        // Large products and eigendecompositions cost n³ (doubling n: 8×); small ones relatively more.
        let gemm = WorkEstimate.gemmSeconds(2e4, 2e4, 2e4) / WorkEstimate.gemmSeconds(1e4, 1e4, 1e4)
        #expect(gemm > 7.9 && gemm <= 8)
        let eigen = WorkEstimate.eigenSeconds(2e4) / WorkEstimate.eigenSeconds(1e4)
        #expect(eigen > 7.5 && eigen <= 8)
        #expect(WorkEstimate.eigenSeconds(100) / WorkEstimate.eigenSeconds(50) < 8)
        // A product's cost is 2mnk whichever side is long.
        #expect(WorkEstimate.gemmSeconds(100, 2000, 500) == WorkEstimate.gemmSeconds(2000, 100, 500))
        let wide = WorkEstimate.leastSquaresSeconds(4000, 1000) / WorkEstimate.leastSquaresSeconds(2000, 1000)
        #expect(abs(wide - 2) < 1e-12)
        #expect(WorkEstimate.drawSeconds(2e6) == 2 * WorkEstimate.drawSeconds(1e6))
        // A skinny product (one side 8) runs well below the large rate: doubling the long sides costs 4×.
        let skinny = WorkEstimate.gemmSeconds(8, 1024, 1024) / WorkEstimate.gemmSeconds(8, 512, 512)
        #expect(abs(skinny - 4) < 1e-12)
        #expect(WorkEstimate.gemmSeconds(8, 512, 512) > 4 * 2 * 8 * 512 * 512 / WorkEstimate.gemmFlopsPerSecond)
    }

    @Test func ridgeTheoryIsLinearInModesAndPoints() throws {
        let one = try seconds(Ridge.family, "theory", ["dim": .number(1e4)], ["P": .vector([10, 100])])
        let more = try seconds(Ridge.family, "theory", ["dim": .number(1e5)], ["P": .vector([10, 100, 1000, 1e4])])
        #expect(abs(more / one - 20) < 1e-9)
    }

    @Test func ridgeSimulationFollowsTheSmallerGramMatrix() throws {
        // P < dim: the P × P kernel, so doubling dim doubles the gemm (P²·dim) and the P·dim
        // draws but not the P × P eigendecomposition: a little under 2×.
        let dual = try seconds(Ridge.family, "simulate", ["dim": .number(2e4)], ["P": .vector([200]), "trials": .number(1)])
            / seconds(Ridge.family, "simulate", ["dim": .number(1e4)], ["P": .vector([200]), "trials": .number(1)])
        #expect(dual > 1.7 && dual < 2)
        // P ≫ dim: the dim × dim eigendecomposition dominates, close to dim³.
        let primal = try seconds(Ridge.family, "simulate", ["dim": .number(4000)], ["P": .vector([8000]), "trials": .number(1)])
            / seconds(Ridge.family, "simulate", ["dim": .number(2000)], ["P": .vector([8000]), "trials": .number(1)])
        #expect(primal > 5 && primal < 8)
        let trials = try seconds(Ridge.family, "simulate", ["dim": .number(500)], ["P": .vector([100, 400]), "trials": .number(8)])
            / seconds(Ridge.family, "simulate", ["dim": .number(500)], ["P": .vector([100, 400]), "trials": .number(2)])
        #expect(abs(trials - 4) < 1e-9)
    }

    @Test func ensembleSimulationPaysForEveryMember() throws {
        // Each member draws its projection and fits; the shared data draw is paid once.
        let ratio = try seconds(Ensemble.family, "simulate", ["dim": .number(1000), "K": .number(8), "N": .number(200)],
                                ["P": .vector([400]), "trials": .number(1)])
            / seconds(Ensemble.family, "simulate", ["dim": .number(1000), "K": .number(1), "N": .number(200)],
                      ["P": .vector([400]), "trials": .number(1)])
        #expect(ratio > 4 && ratio < 8)
    }

    @Test func iclSimulationGrowsLikeTheSolveOfContextsByFeatures() throws {
        // n = τd² contexts by p = d(d+1) features: the SVD solve costs n·p², about d⁶.
        let ratio = try seconds(ICLModel.family, "simulate", ["d": .number(64)], ["trials": .number(1)])
            / seconds(ICLModel.family, "simulate", ["d": .number(32)], ["trials": .number(1)])
        #expect(ratio > 40 && ratio < 70)
    }

    @Test func anytimeCountsTheCosineStepsEachOperationRuns() throws {
        // Both run the constant and two averaged runs over T steps and 8 cosine peaks; theory at
        // 8 horizons (Σ ≈ 2.2 T steps), compare at T alone, so theory costs about 1.5× compare.
        let theory = try seconds(AnytimeFamily.family, "theory", [:], [:])
        let compare = try seconds(AnytimeFamily.family, "compare", [:], [:])
        #expect(theory / compare > 1.3 && theory / compare < 1.8)
        // Every step touches every mode: linear in T (compare) and in dim (both).
        let longer = try seconds(AnytimeFamily.family, "compare", ["steps": .number(20000)], [:])
        #expect(abs(longer / compare - 2) < 1e-9)
        let wider = try seconds(AnytimeFamily.family, "theory", ["dim": .number(4000)], [:])
        #expect(abs(wider / theory - 4) < 1e-9)
    }

    @Test func flowSimulationCountsItsKernelsNotDenseFlops() throws {
        // Finite P < N < dim: draws and the P × N features grow with dim, the P × P Gram matrix and
        // its eigendecomposition do not, so doubling dim costs less than 2×.
        let base: [String: ParameterValue] = ["dim": .number(2000), "N": .number(1000), "P": .number(500)]
        var wider = base
        wider["dim"] = .number(4000)
        let times: [String: ParameterValue] = ["t": .vector([1, 10, 100]), "trials": .number(2)]
        let ratio = try seconds(Flow.family, "simulate", wider, times) / seconds(Flow.family, "simulate", base, times)
        #expect(ratio > 1.3 && ratio < 2)
        let trials = try seconds(Flow.family, "simulate", base, ["t": .vector([1, 10, 100]), "trials": .number(8)])
            / seconds(Flow.family, "simulate", base, times)
        #expect(abs(trials - 4) < 1e-9)
        // Online SGD: every step draws and projects B fresh samples, so the work is linear in steps.
        let sgd: [String: ParameterValue] = ["dim": .number(500), "N": .number(200), "eta": .number(0.3), "batch": .number(4)]
        let long = try seconds(Flow.family, "simulate", sgd, ["t": .vector([2000]), "trials": .number(2)])
            / seconds(Flow.family, "simulate", sgd, ["t": .vector([1000]), "trials": .number(2)])
        #expect(long > 1.9 && long <= 2)
    }

    @Test func hopfieldRecallGrowsLikePatternsSquared() throws {
        // One f(overlap) per pair of patterns dominates: doubling P costs about 4×, at any N.
        for n in [50.0, 200] {
            let ratio = try seconds(Hopfield.family, "simulate", ["N": .number(n)], ["P": .vector([800]), "trials": .number(2)])
                / seconds(Hopfield.family, "simulate", ["N": .number(n)], ["P": .vector([400]), "trials": .number(2)])
            #expect(ratio > 3.5 && ratio < 4.3)
        }
        let capacity = try seconds(Hopfield.family, "capacity", ["N": .number(100)], ["trials": .number(8)])
            / seconds(Hopfield.family, "capacity", ["N": .number(100)], ["trials": .number(2)])
        #expect(abs(capacity - 4) < 1e-9)
    }

    @Test func optimizerStepsGrowLikeWidthSquared() throws {
        // Seven k × N by N × N products per step: at large N doubling the width costs about 4×,
        // at small N the per-call cost keeps it near 1×.
        func at(_ n: Double) throws -> Double {
            try seconds(Optimizers.family, "simulate", [:], ["s": .vector([1.5]), "N": .vector([n, n]), "trials": .number(2)])
        }
        let large = try at(512) / at(256)
        #expect(large > 3 && large < 4.5)
        let small = try at(16) / at(8)
        #expect(small > 1 && small < 2)
    }

    @Test func sgdTheoryRunsToTheLastReportedStep() throws {
        let model: [String: ParameterValue] = ["dim": .number(1000), "steps": .number(10000)]
        let ratio = try seconds(SGDFamily.family, "theory", model, ["t": .vector([0, 10000])])
            / seconds(SGDFamily.family, "theory", model, ["t": .vector([0, 1000])])
        #expect(abs(ratio - 10) < 1e-9)
        // Seesaw's three exact runs cost what SGD's theory costs per mode-step.
        let seesaw = try seconds(SeesawFamily.family, "simulate", [:], ["trials": .number(4)])
            / seconds(SeesawFamily.family, "simulate", [:], ["trials": .number(2)])
        #expect(abs(seesaw - 2) < 1e-9)
    }

    @Test func optimalEnsembleIsLinearInModesAndSizes() throws {
        let one = try seconds(Ensemble.family, "optimal", ["dim": .number(2000)], ["K": .vector([1, 2])])
        let more = try seconds(Ensemble.family, "optimal", ["dim": .number(4000)], ["K": .vector([1, 2, 4, 8])])
        #expect(abs(more / one - 4) < 1e-9)
    }

    @Test func mlpCostGrowsWithWidthAndSteps() throws {
        // Wider: the block products grow like width² (with the small-size efficiency, less);
        // longer: linear in steps apart from the one evaluation.
        let wide = try seconds(MLPModel.family, "final", ["width": .number(512)], [:])
            / seconds(MLPModel.family, "final", ["width": .number(128)], [:])
        #expect(wide > 4 && wide < 16)
        let long = try seconds(MLPModel.family, "final", ["steps": .number(4000)], [:])
            / seconds(MLPModel.family, "final", ["steps": .number(400)], [:])
        #expect(long > 9.5 && long < 10)
    }

    @Test func onsetTheoryIsTwoCurvesAndPstarGrowsWithLogWidth() throws {
        let model: [String: ParameterValue] = ["dim": .number(1e4), "N": .number(100)]
        let theory = try seconds(Onset.family, "theory", model, ["P": .vector([10, 100])])
        let ridge = try seconds(Ridge.family, "theory", ["dim": .number(1e4)], ["P": .vector([10, 100])])
        #expect(theory > 2 * ridge && theory < 3 * ridge)
        let wide = try seconds(Onset.family, "pstar", ["dim": .number(1e4)], ["N": .vector([1e6])])
            / seconds(Onset.family, "pstar", ["dim": .number(1e4)], ["N": .vector([1e3])])
        #expect(wide > 1.3 && wide < 2)
    }
}
