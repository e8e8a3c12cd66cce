// Benchmark of the SGD model (issue 6): the exact recursion with 10000 modes over 100000
// steps, and one Monte-Carlo SGD run with dim = 1000, batch 32, 10000 steps. Run by
// bench/sgd.sh beside bench/sgd_numpy.py, which does the same work in numpy.
import Models

/// Seconds taken by `work`, best of `repeats`.
func timed(_ repeats: Int, _ work: () throws -> Double) rethrows -> (seconds: Double, value: Double) {
    var best = Double.infinity, value = 0.0
    for _ in 0..<repeats {
        let start = ContinuousClock.now
        value = try work()
        let d = ContinuousClock.now - start
        best = min(best, Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18)
    }
    return (best, value)
}

let recursion = try SGDSetup(alpha: 1.5, beta: 1, noise: 0.5, dim: 10_000, steps: 100_000,
                             lr: CosineSchedule(peak: 0.1), batch: ConstantValue(value: 32))
let exact = try timed(3) { try recursion.theory(times: [100_000]).test[0] }
print("recursion dim=10000 steps=100000: \(exact.seconds) s  (final risk \(exact.value))")

let monteCarlo = try SGDSetup(alpha: 1.5, beta: 1, noise: 0.5, dim: 1000, steps: 10_000,
                              lr: ConstantValue(value: 0.1), batch: ConstantValue(value: 32))
let simulated = try timed(3) { try monteCarlo.simulate(times: [10_000], trials: 1, seed: 1).test[0] }
let check = try monteCarlo.theory(times: [10_000]).test[0]
print("simulate dim=1000 batch=32 steps=10000: \(simulated.seconds) s  (final risk \(simulated.value), theory \(check))")
