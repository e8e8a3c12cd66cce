import NumericCore
#if canImport(Glibc)
import Glibc
#endif

// MARK: - Simulation
//
// Monte-Carlo of the whole pipeline at finite d: draw the teacher and the training
// set, form the exact posterior (Cholesky of XᵀX/σ² + (d/prior)I), then for each test
// query draw k predictive samples and select one by the judge's softmax.

extension JudgeModel {
    static let simulationParameters: [ParameterSpec] = [
        ParameterSpec("trials", "independent teachers and training sets averaged", kind: .integer, default: .number(8),
                      range: NumericRange(lower: 2, upper: 10_000), sweepable: false),
        ParameterSpec("tests", "test queries per trial", kind: .integer, default: .number(2000),
                      range: NumericRange(lower: 1, upper: 1e7), sweepable: false),
        ParameterSpec("seed", "random seed (every draw derives from it)", kind: .integer, default: .number(0),
                      range: NumericRange(lower: 0, upper: 9e15), sweepable: false),
    ]

    static let simulationOperation = ModelOperation(
        name: "simulate",
        summary: "Monte-Carlo of sampling and judging: error, error_se",
        parameters: simulationParameters,
        estimate: { model, arguments in
            let d = Double((try? model.integer("d")) ?? 1), n = Double((try? model.integer("n")) ?? 1)
            let k = Double((try? model.integer("k")) ?? 1)
            let trials = Double((try? arguments.integer("trials")) ?? 1)
            let tests = Double((try? arguments.integer("tests")) ?? 1)
            let flops = trials * (2 * n * d * d + d * d * d + tests * (2 * d * d + 30 * k))
            return WorkEstimate(bytes: 8 * (n * d + 3 * d * d), seconds: flops / 3e9 + 0.04 * trials)  // measured by bench/calibrate
        }
    ) { model, arguments, monitor in
        let setup = try Setup(model)
        let trials = try arguments.integer("trials"), tests = try arguments.integer("tests")
        let seed = UInt64(try arguments.integer("seed"))
        var errors: [Double] = []
        for trial in 0..<trials {
            try monitor.checkCancelled()
            monitor.report(done: trial, total: trials, label: "simulate judge")
            var rng = Xoshiro256StarStar(seed: seed, stream: UInt64(trial))
            errors.append(try runTrial(setup, tests: tests, rng: &rng, monitor: monitor))
        }
        monitor.report(done: trials, total: trials, label: "simulate judge")
        let mean = errors.reduce(0, +) / Double(trials)
        let variance = errors.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(trials - 1)
        return .table(Table(columns: [
            Table.Column("error", [mean]), Table.Column("error_se", [(variance / Double(trials)).squareRoot()]),
        ], caption: "simulation", role: .simulation))
    }

    /// The checked parameters of one simulation.
    struct Setup {
        var d: Int, n: Int, k: Int
        var noise: Double, prior: Double, temperature: Double
        /// ‖w_R − w*‖ scale (0 for the teacher as judge).
        var mismatch: Double

        init(_ model: ParameterSet) throws(ModelError) {
            d = try model.integer("d"); n = try model.integer("n"); k = try model.integer("k")
            noise = try model.number("noise"); prior = try model.number("prior")
            temperature = try model.number("temperature")
            mismatch = try model.string("reward") == "teacher" ? 0 : try model.number("mismatch")
        }
    }

    /// The mean selected-sample error over `tests` queries for one teacher and training set.
    static func runTrial(_ s: Setup, tests: Int, rng: inout Xoshiro256StarStar, monitor: WorkMonitor) throws -> Double {
        let d = s.d
        let inverseRootD = 1 / Double(d).squareRoot()
        let teacher = rng.gaussians(d, standardDeviation: inverseRootD)
        let judge = zip(teacher, rng.gaussians(d, standardDeviation: s.mismatch * inverseRootD)).map { $0 + $1 }
        let x = rng.gaussianMatrix(rows: s.n, columns: d)
        let labels = zip(x.times(teacher), rng.gaussians(s.n, standardDeviation: s.noise)).map { $0 + $1 }
        // Posterior precision A = XᵀX/σ² + (d/prior)I; Σ = A⁻¹, μ = Σ Xᵀy/σ².
        let noiseVariance = s.noise * s.noise
        var precision = x.gram()
        for i in 0..<d * d { precision.storage[i] /= noiseVariance }
        for i in 0..<d { precision[i, i] += Double(d) / s.prior }
        let covariance = try precision.choleskySolve(Matrix.identity(d))
        let mean = covariance.times(x.times(labels, transposed: true).map { $0 / noiseVariance })
        var total = 0.0
        var samples = [Double](repeating: 0, count: s.k)
        for query in 0..<tests {
            if query % 256 == 0 { try monitor.checkCancelled() }
            let input = rng.gaussians(d)
            let target = dot(input, teacher), judged = dot(input, judge), centre = dot(input, mean)
            let spread = (dot(input, covariance.times(input)) + noiseVariance).squareRoot()
            for j in 0..<s.k { samples[j] = centre + spread * rng.gaussian() }
            let chosen = select(samples, judged: judged, temperature: s.temperature, rng: &rng)
            total += (chosen - target) * (chosen - target)
        }
        return total / Double(tests)
    }

    /// The judge's choice: the best reward at temperature 0, else a softmax draw.
    static func select(_ samples: [Double], judged: Double, temperature: Double,
                       rng: inout Xoshiro256StarStar) -> Double {
        let rewards = samples.map { -($0 - judged) * ($0 - judged) }
        let best = rewards.indices.max { rewards[$0] < rewards[$1] }!
        guard temperature > 0 else { return samples[best] }
        let weights = rewards.map { exp(($0 - rewards[best]) / temperature) }
        var pick = rng.uniform() * weights.reduce(0, +)
        for (j, w) in weights.enumerated() {
            pick -= w
            if pick <= 0 { return samples[j] }
        }
        return samples[best]
    }
}
