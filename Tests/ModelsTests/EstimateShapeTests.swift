import NumericCore
import Testing
@testable import Models

/// The time estimates' shape, without timing anything: each grows with the sizes as the
/// work of its algorithm does (issue 14, item 5). The constants are measured by
/// bench/calibrate.sh; here only how the seconds scale is pinned.
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
}
