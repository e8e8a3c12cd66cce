// Benchmark of the SGD model (issue 6): the exact recursion with 10000 modes over 100000
// steps, and one Monte-Carlo SGD run with dim = 1000, batch 32, 10000 steps. Run by
// bench/sgd.sh beside bench/sgd_numpy.py, which does the same work in numpy.
import Models
#if canImport(Glibc)
import Glibc
#endif

/// Wall-clock and CPU seconds taken by `work`, best of `repeats` (CPU time is the steadier
/// number on a shared machine).
func timed(_ repeats: Int, _ work: () throws -> Double) rethrows -> (seconds: Double, cpu: Double, value: Double) {
    var best = Double.infinity, bestCPU = Double.infinity, value = 0.0
    for _ in 0..<repeats {
        let start = ContinuousClock.now, startCPU = clock()
        value = try work()
        let d = ContinuousClock.now - start
        best = min(best, Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18)
        bestCPU = min(bestCPU, Double(clock() - startCPU) / Double(CLOCKS_PER_SEC))
    }
    return (best, bestCPU, value)
}

let recursion = try SGDSetup(alpha: 1.5, beta: 1, noise: 0.5, dim: 10_000, steps: 100_000,
                             lr: CosineSchedule(peak: 0.1), batch: ConstantValue(value: 32))
let exact = try timed(3) { try recursion.theory(times: [100_000]).test[0] }
print("recursion dim=10000 steps=100000: \(exact.seconds) s wall, \(exact.cpu) s CPU  (final risk \(exact.value))")

let monteCarlo = try SGDSetup(alpha: 1.5, beta: 1, noise: 0.5, dim: 1000, steps: 10_000,
                              lr: ConstantValue(value: 0.1), batch: ConstantValue(value: 32))
let simulated = try timed(3) { try monteCarlo.simulate(times: [10_000], trials: 1, seed: 1).test[0] }
let check = try monteCarlo.theory(times: [10_000]).test[0]
print("simulate dim=1000 batch=32 steps=10000: \(simulated.seconds) s wall, \(simulated.cpu) s CPU  (final risk \(simulated.value), theory \(check))")

// The averaged recursion (window averaging, the anytime-averaging notebook's scan: 12 of these
// at dim = 1000 over 100000 steps) and a Monte-Carlo run of the seesaw notebook's shape
// (dim = 300, batch 8: the ziggurat draws dominate).
let averagedRecursion = try SGDSetup(alpha: 1.5, beta: 1, noise: 0.5, dim: 1000, steps: 100_000,
                                     lr: PolySchedule(peak: 0.1, power: 0.4, offset: 100), batch: ConstantValue(value: 1),
                                     averaging: .window(fraction: 0.5))
let averaged = try timed(3) { try averagedRecursion.theory(times: [100_000]).test[0] }
print("averaged recursion dim=1000 steps=100000: \(averaged.seconds) s wall, \(averaged.cpu) s CPU  (final risk \(averaged.value))")

let small = try SGDSetup(alpha: 1.5, beta: 1, noise: 1, dim: 300, steps: 25_000,
                         lr: ConstantValue(value: 0.02), batch: ConstantValue(value: 8))
let smallRun = try timed(3) { try small.simulate(times: [25_000], trials: 1, seed: 1).test[0] }
print("simulate dim=300 batch=8 steps=25000: \(smallRun.seconds) s wall, \(smallRun.cpu) s CPU  (final risk \(smallRun.value))")
