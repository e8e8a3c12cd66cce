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
    /// `simulate`'s parameters.
    struct SimulationArguments: ParameterGroup {
        @OptionGroup var replication = Replication(trials: 8, fewest: 2)
        @Option("test queries per trial", range: NumericRange(lower: 1, upper: 1e7), sweepable: false)
        var tests = 2000
    }

    static let simulationOperation = ModelOperation(
        name: "simulate",
        summary: "Monte-Carlo of sampling and judging: error, error_se",
        model: Setup.self, arguments: SimulationArguments.self,
        estimate: { model, arguments in
            let d = Double(model.d), n = Double(model.n)
            let k = Double(model.k)
            let trials = Double(arguments.replication.trials)
            let tests = Double(arguments.tests)
            let flops = trials * (2 * n * d * d + d * d * d + tests * (2 * d * d + 30 * k))
            // One BLAS thread at 1.4e10 flop/s and 2 ms of setup per trial (idle bench/calibrate, d = 100 to 400).
            return WorkEstimate(bytes: 8 * (n * d + 3 * d * d), seconds: flops / 1.4e10 + 0.002 * trials)
        }
    ) { setup, arguments, monitor in
        let trials = arguments.replication.trials, tests = arguments.tests
        let seed = arguments.replication.seed64
        // Every product here is small (d × d per query), so BLAS runs on one thread.
        let errors = try BLAS.singleThreaded { () throws -> [Double] in
            var errors: [Double] = []
            for trial in 0..<trials {
                try monitor.checkCancelled()
                monitor.report(done: trial, total: trials, label: "simulate judge")
                var rng = Xoshiro256StarStar(seed: seed, stream: UInt64(trial))
                errors.append(try runTrial(setup, tests: tests, rng: &rng, monitor: monitor))
            }
            return errors
        }
        monitor.report(done: trials, total: trials, label: "simulate judge")
        let mean = errors.reduce(0, +) / Double(trials)
        let variance = errors.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(trials - 1)
        return .table(Table(columns: [
            Table.Column("error", [mean]), Table.Column("error_se", [(variance / Double(trials)).squareRoot()]),
        ], caption: "simulation", role: .simulation))
    }

    /// The model's parameters, declared once.
    struct Setup: ParameterGroup {
        @Option("input dimension", range: NumericRange(lower: 1, upper: 4000))
        var d = 100
        @Option("training samples", range: NumericRange(lower: 1, upper: 1e6))
        var n = 200
        @Option("label-noise standard deviation σ", range: .positive)
        var noise = 0.5
        @Option("prior variance scale: w ~ N(0, prior·I/d) (1 matches the teacher)", range: .positive)
        var prior = 1.0
        @Option("inference-time samples drawn per query", range: NumericRange(lower: 1, upper: 1e6))
        var k = 8
        @Option("softmax selection temperature (0: best-of-k)", range: .nonNegative)
        var temperature = 0.0
        @Option("the judge: the teacher, a misspecified (randomly perturbed) or a displaced linear judge",
                choices: ["teacher", "misspecified", "displaced"])
        var reward = "teacher"
        @Option("misspecification size ‖w_R − w*‖ (used when reward = \"misspecified\")", range: .nonNegative)
        var mismatch = 0.5
        @Option("displacement c of the judge w_R = w* + c(w* − μ), away from the posterior mean μ (used when reward = \"displaced\")",
                range: NumericRange(lower: -1e6, upper: 1e6))
        var displacement = 0.0

        /// ‖w_R − w*‖ scale of the random judge error drawn (0 unless reward = "misspecified").
        var judgeOffset: Double { reward == "misspecified" ? mismatch : 0 }
        /// c in w_R = w* + c(w* − μ) (0 unless reward = "displaced").
        var judgeDisplacement: Double { reward == "displaced" ? displacement : 0 }
    }

    /// The mean selected-sample error over `tests` queries for one teacher and training set.
    static func runTrial(_ s: Setup, tests: Int, rng: inout Xoshiro256StarStar, monitor: WorkMonitor) throws -> Double {
        let d = s.d
        let inverseRootD = 1 / Double(d).squareRoot()
        let teacher = rng.gaussians(d, standardDeviation: inverseRootD)
        let judge = zip(teacher, rng.gaussians(d, standardDeviation: s.judgeOffset * inverseRootD)).map { $0 + $1 }
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
        for query in 0..<tests {
            if query % 256 == 0 { try monitor.checkCancelled() }
            let input = rng.gaussians(d)
            let target = dot(input, teacher), centre = dot(input, mean)
            let judged = dot(input, judge) + s.judgeDisplacement * (target - centre)
            let spread = (dot(input, covariance.times(input)) + noiseVariance).squareRoot()
            let samples = rng.gaussians(s.k).map { centre + spread * $0 }
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
