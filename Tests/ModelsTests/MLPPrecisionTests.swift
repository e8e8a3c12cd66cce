import Testing
@testable import Models
import NumericCore

/// The float32 network the trainer uses against the double-precision reference (whose
/// gradients `MLPTests` checks by finite differences): same weights, same loss and
/// gradients to single-precision rounding; and one float Adam step against its scalar formula.
@Suite struct MLPPrecisionTests {
    @Test func floatNetworkMatchesTheDoubleReference() throws {
        var set = ParameterSet()
        for spec in MLPModel.family.parameters { set[spec.name] = spec.defaultValue }
        set["param"] = .string("completep"); set["width"] = .number(16); set["depth"] = .number(4); set["input"] = .number(6)
        let trainer = try MLPTrainer(MLPModel.Parameters(set))
        var rngA = Xoshiro256StarStar(seed: 5), rngB = Xoshiro256StarStar(seed: 5)
        let reference = ResidualMLP(input: 6, width: 16, depth: 4, scaling: trainer.scaling, rng: &rngA)
        let single = MLPNetwork<FloatMatrix>(input: 6, width: 16, depth: 4, scaling: trainer.scaling, rng: &rngB)
        let x = rngA.gaussianMatrix(rows: 9, columns: 6), y = rngA.gaussians(9)
        let (lossD, gD) = reference.lossAndGradients(x, y)
        let (lossF, gF) = single.lossAndGradients(x, y)
        #expect(abs(lossF - lossD) <= 1e-5 * lossD)
        func close(_ a: [Float], _ b: [Double]) -> Bool {
            let scale = b.map(abs).max()!
            return zip(a, b).allSatisfy { abs(Double($0) - $1) <= 1e-4 * scale }
        }
        #expect(close(gF.embedding.storage, gD.embedding.storage))
        for l in 0..<4 { #expect(close(gF.blocks[l].storage, gD.blocks[l].storage)) }
        #expect(close(gF.readout, gD.readout))
        #expect(zip(single.predict(x), reference.predict(x)).allSatisfy { abs($0 - $1) <= 1e-5 * max(1, abs($1)) })
    }

    @Test func floatAdamIsTheScalarFormula() {
        let count = 13  // an AVX block of 8 and a scalar tail of 5
        var w = (0..<count).map { Float($0) * 0.25 - 1 }, m = [Float](repeating: 0.01, count: count)
        var v = [Float](repeating: 0.002, count: count)
        let g = (0..<count).map { Float($0 % 5) - 2 }
        var expected = w
        for i in 0..<count {
            let mi: Float = 0.9 * m[i] + 0.1 * g[i], vi: Float = 0.999 * v[i] + 0.001 * g[i] * g[i]
            expected[i] = w[i] - 0.01 * (mi / 0.19) / ((vi / 0.002).squareRoot() + 1e-8)
        }
        Elementwise.adam(&w, first: &m, second: &v, gradient: g, lr: 0.01, eps: 1e-8, c1: 0.19, c2: 0.002)
        #expect(w == expected)
    }
}
