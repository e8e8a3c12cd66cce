import Testing
import Numerics
@testable import Models

@Test func exploreRidge() throws {
    for lam in [0.0, 1e-3] {
    for noise in [0.0, 0.3] {
    let m = parameters(["alpha": 1.5, "beta": 1.2, "noise": noise, "dim": 200, "lambda": lam])
    let P: [Double] = [20, 100, 199, 200, 201, 400]
    let th = try Ridge.theory(m, parameters([:], vectors: ["P": P]), .none)
    let sim = try Ridge.simulate(m, parameters(["trials": 200, "seed": 1], vectors: ["P": P]), .none)
    print("lam", lam, "noise", noise)
    for i in P.indices {
        print(P[i], th.values("test")[i], sim.values("test")[i], sim.values("test_se")[i], "|", th.values("train")[i], sim.values("train")[i], sim.values("train_se")[i], "|", th.values("gcv")[i], sim.values("gcv")[i])
    }
    }
    }
    for lam in [0.0, 1e-3] {
    for N in [50.0, 100.0, 400.0] {
    let m = parameters(["alpha": 1.5, "beta": 1.2, "noise": 0.2, "dim": 200, "lambda": lam, "N": N])
    let P: [Double] = [20, 99, 150, 400]
    let th = try RandomFeatures.theory(m, parameters([:], vectors: ["P": P]), .none)
    let sim = try RandomFeatures.simulate(m, parameters(["trials": 200, "seed": 1], vectors: ["P": P]), .none)
    print("RF lam", lam, "N", N)
    for i in P.indices {
        print(P[i], th.values("test")[i], sim.values("test")[i], sim.values("test_se")[i], "|", th.values("train")[i], sim.values("train")[i], sim.values("train_se")[i], "|", th.values("gcv")[i], sim.values("gcv")[i])
    }
    }
    }
}
