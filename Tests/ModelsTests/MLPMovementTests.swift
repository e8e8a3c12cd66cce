import Testing
@testable import Models
import NumericCore

/// `movement(m)`: how far training moved the MLP's last hidden features, checked against exact
/// cases (ReLU residual blocks are positively homogeneous) and against the lazy limit.
@Suite struct MLPMovementTests {
    private func model(_ values: [String: ParameterValue]) -> ParameterSet {
        var set = ParameterSet()
        for spec in MLPModel.family.parameters { set[spec.name] = spec.defaultValue }
        for (k, v) in values { set[k] = v }
        return set
    }

    private func run(_ operation: ModelOperation, _ values: [String: ParameterValue]) throws -> Table {
        guard case .table(let t) = try operation.run(model(values), ParameterSet(["budget": .number(60)]), .none) else {
            Issue.record("no table"); return Table(columns: [])
        }
        return t
    }

    /// Doubling the embedding doubles every h_l (h_l = h_(l−1) + b·relu(h_(l−1))W_l is 1-homogeneous), so
    /// the features move by exactly 1 and their kernel by exactly 3; a readout change moves neither.
    @Test func homogeneityGivesExactMovements() throws {
        let trainer = try MLPTrainer(MLPModel.Parameters(model(["width": .number(8), "depth": .number(3), "input": .number(5)])))
        var rng = Xoshiro256StarStar(seed: 4)
        let net = ResidualMLP(input: 5, width: 8, depth: 3, scaling: trainer.scaling, rng: &rng)
        let x = rng.gaussianMatrix(rows: 300, columns: 5)
        var doubled = net
        for i in doubled.embedding.storage.indices { doubled.embedding.storage[i] *= 2 }
        let moved = FeatureMovement(initial: net, trained: doubled, inputs: x)
        #expect(abs(moved.featureChange - 1) < 1e-12 && abs(moved.kernelChange - 3) < 1e-12)
        var readoutOnly = net
        readoutOnly.readout[0] += 1
        let still = FeatureMovement(initial: net, trained: readoutOnly, inputs: x)
        #expect(still.featureChange == 0 && still.kernelChange == 0)
    }

    /// The same run as `final` (same loss, bit for bit); a vanishing learning rate is lazy (the
    /// kernel moves by ~lr), while training at a working rate moves it by O(1).
    @Test func movementReportsTheFinalRunAndSeparatesLazyFromRich() throws {
        let base: [String: ParameterValue] = ["param": .string("completep"), "width": .number(32), "depth": .number(4),
                                              "task": .string("linear"), "steps": .number(100), "lr": .number(0.03125)]
        let rich = try run(MLPModel.movementOperation, base)
        #expect(rich.values("loss") == (try run(MLPModel.finalOperation, base)).values("loss"))
        #expect(rich.values("kernel_change")[0] > 0.1)
        var tiny = base
        tiny["lr"] = .number(1e-7)
        let lazy = try run(MLPModel.movementOperation, tiny)
        #expect(lazy.values("kernel_change")[0] < 1e-3 && lazy.values("feature_change")[0] < 1e-3)
    }

    /// A diverged run reports infinite movement, not NaN.
    @Test func divergenceGivesInfiniteMovement() throws {
        let t = try run(MLPModel.movementOperation, ["param": .string("sp"), "optimizer": .string("sgd"), "lr": .number(50),
                                                    "steps": .number(50)])
        #expect(t.values("loss")[0] == .infinity && t.values("kernel_change")[0] == .infinity)
    }
}
