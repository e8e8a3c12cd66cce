import Testing
@testable import Models
import NumericCore

/// The residual MLP trainer: gradients against finite differences for every
/// parameterisation, the scaling table, and the transfer behaviour itself.
@Suite struct MLPTests {
    private func model(_ values: [String: ParameterValue] = [:]) -> ParameterSet {
        var set = ParameterSet()
        for spec in MLPModel.family.parameters { set[spec.name] = spec.defaultValue }
        for (k, v) in values { set[k] = v }
        return set
    }

    @Test(arguments: ["sp", "mup", "mup_depth", "completep"])
    func gradientsMatchFiniteDifferences(param: String) throws {
        let trainer = try MLPTrainer(MLPModel.Parameters(model(["param": .string(param), "width": .number(8), "depth": .number(3),
                                            "input": .number(5)])))
        var rng = Xoshiro256StarStar(seed: 11)
        var net = ResidualMLP(input: 5, width: 8, depth: 3, scaling: trainer.scaling, rng: &rng)
        let x = rng.gaussianMatrix(rows: 7, columns: 5)
        let y = rng.gaussians(7)
        let (_, g) = net.lossAndGradients(x, y)
        let h = 1e-6
        func loss(_ n: ResidualMLP) -> Double { n.lossAndGradients(x, y).0 }
        func check(_ analytic: Double, _ perturb: (inout ResidualMLP, Double) -> Void) {
            var plus = net, minus = net
            perturb(&plus, h)
            perturb(&minus, -h)
            let numeric = (loss(plus) - loss(minus)) / (2 * h)
            #expect(abs(numeric - analytic) <= 1e-6 * max(1, abs(analytic)))
        }
        for i in [0, 7, 23] { check(g.embedding.storage[i]) { $0.embedding.storage[i] += $1 } }
        for l in 0..<3 { for i in [0, 9, 63] { check(g.blocks[l].storage[i]) { $0.blocks[l].storage[i] += $1 } } }
        for i in [0, 5] { check(g.readout[i]) { $0.readout[i] += $1 } }
        _ = net.predict(x)
        net.readout[0] += 0
    }

    @Test func scalingTableFollowsCompleteP() {
        let base = MLPScaling(param: "completep", width: 32, depth: 2, baseWidth: 32, baseDepth: 2, branchAlpha: nil,
                              optimizer: "adam", lr: 0.01, epsilon: 1e-8)
        #expect(base.hiddenLearningRate == 0.01 && base.branchMultiplier == 1 && base.readoutMultiplier == 1)
        let big = MLPScaling(param: "completep", width: 128, depth: 8, baseWidth: 32, baseDepth: 2, branchAlpha: nil,
                             optimizer: "adam", lr: 0.01, epsilon: 1e-8)
        #expect(abs(big.hiddenLearningRate - 0.01 / 4) < 1e-15)       // η/m_N · m_L^(α−1), α = 1
        #expect(abs(big.branchMultiplier - 0.25) < 1e-15)              // m_L^-1
        #expect(abs(big.readoutMultiplier - 0.25) < 1e-15)             // 1/m_N
        let depthMuP = MLPScaling(param: "mup_depth", width: 32, depth: 8, baseWidth: 32, baseDepth: 2, branchAlpha: nil,
                                  optimizer: "adam", lr: 0.01, epsilon: 1e-8)
        #expect(abs(depthMuP.hiddenLearningRate - 0.01 * 0.5) < 1e-15) // m_L^(−½)
        #expect(abs(depthMuP.branchMultiplier - 0.5) < 1e-15)
        let mup = MLPScaling(param: "mup", width: 128, depth: 8, baseWidth: 32, baseDepth: 2, branchAlpha: nil,
                             optimizer: "adam", lr: 0.01, epsilon: 1e-8)
        #expect(abs(mup.hiddenLearningRate - 0.01 / 4) < 1e-15)      // η/m_N, no depth factor
        #expect(mup.branchMultiplier == 1)
        let mupSGD = MLPScaling(param: "mup", width: 128, depth: 8, baseWidth: 32, baseDepth: 2, branchAlpha: nil,
                                optimizer: "sgd", lr: 0.01, epsilon: 1e-8)
        #expect(mupSGD.hiddenLearningRate == 0.01 && abs(mupSGD.outerLearningRate - 0.04) < 1e-15)
        let sp = MLPScaling(param: "sp", width: 256, depth: 8, baseWidth: 32, baseDepth: 2, branchAlpha: nil,
                            optimizer: "adam", lr: 0.01, epsilon: 1e-8)
        #expect(sp.hiddenLearningRate == 0.01 && sp.readoutMultiplier == 1 && sp.branchMultiplier == 1)
    }

    @Test func trainingReducesTheLossAndIsReproducible() throws {
        let m = model(["width": .number(32), "depth": .number(2), "steps": .number(200)])
        let run = { try MLPModel.trainOperation.run(m, ParameterSet(["points": .number(5), "budget": .number(60)]), .none) }
        guard case .table(let a) = try run(), case .table(let b) = try run() else { Issue.record("no table"); return }
        let loss = a.numbers("loss")!
        #expect(loss.last! < 0.5 * loss.first!)
        #expect(loss == b.numbers("loss")!)
    }

    @Test func divergenceIsReportedAsInfinity() throws {
        let m = model(["param": .string("sp"), "optimizer": .string("sgd"), "lr": .number(50), "steps": .number(50)])
        guard case .table(let t) = try MLPModel.finalOperation.run(m, ParameterSet(["budget": .number(60)]), .none) else { return }
        #expect(t.numbers("loss")![0] == .infinity)
    }

    @Test func optimumPicksTheBestLearningRatePerCurve() throws {
        let t = Table(columns: [Table.Column("loss", [3, 1, 2, .infinity, 5, 4]), Table.Column("lr", [1, 2, 4, 1, 2, 4]),
                                Table.Column("width", [32, 32, 32, 64, 64, 64])])
        guard case .table(let best) = try OptimumFunction.function.run(ParameterSet(["table": .table(t)]), .none) else { return }
        #expect(best.numbers("width")! == [32, 64])
        #expect(best.numbers("lr")! == [2, 4])
    }

    @Test func cancellationStopsTraining() {
        let monitor = WorkMonitor()
        monitor.cancel()
        #expect(throws: WorkCancelled.self) {
            _ = try MLPModel.finalOperation.run(model(), ParameterSet(["budget": .number(60)]), monitor)
        }
    }

    /// A user table: y = 2·x1 − x2 is learned from the table's rows, tested on its last fifth.
    @Test func learnsFromAUserTable() throws {
        var rng = Xoshiro256StarStar(seed: 5)
        let x1 = rng.gaussians(200), x2 = rng.gaussians(200)
        let data = Table(columns: [Table.Column("x1", x1), Table.Column("x2", x2),
                                   Table.Column("y", zip(x1, x2).map { 2 * $0 - $1 })])
        let m = model(["task": .string("table"), "data": .table(data), "width": .number(32), "depth": .number(2),
                       "steps": .number(300), "lr": .number(0.01)])
        guard case .table(let curve) = try MLPModel.trainOperation.run(m, ParameterSet(["points": .number(4), "budget": .number(60)]), .none) else { return }
        let loss = curve.numbers("loss")!
        #expect(loss.last! < 0.05 * loss.first!)
        let bad = model(["task": .string("table"), "data": .table(Table(columns: [Table.Column("x", [1, 2, 3, 4, 5])]))])
        #expect(throws: ModelError.self) { try MLPTrainer(MLPModel.Parameters(bad)) }
    }
}
