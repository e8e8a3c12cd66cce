import NumericCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Simulation
//
// The real finite system: per trial draw A ∈ R^{N×dim} iid N(0,1) and P samples
// ψ_μ ~ N(0, Λ), labels y = Ψw* + σε, and integrate the gradient flow exactly by an
// eigendecomposition (no time stepping), at every requested t:
//   P = inf: L(t) = bᵀe^{−2Gt}b, G = XᵀX/N, X = AΛ^{1/2} (eigen of the smaller Gram).
//   P finite: features F = Ψ (N = inf) or ΨAᵀ/√N; w(t) = h(FᵀF/P) Fᵀy/P with
//   h(x) = (1 − e^{−xt})/x, read back in ψ-space v = Aᵀw/√N (or v = w), so
//   test = (v − w*)ᵀΛ(v − w*) and train = |y − Fw|²/P.
// Trials are independent streams Xoshiro256StarStar(seed:, stream: trial).

extension Flow {
    /// `simulate`'s parameters.
    struct SimulateArguments: ParameterGroup {
        @Option("training times (steps when eta > 0)", range: .nonNegative, sweepable: false)
        var t: [Double]
        @OptionGroup var replication = Replication(trials: 16, fewest: 2)
    }

    static let simulateOperation = ModelOperation.table(
        "simulate", "Monte-Carlo of the finite system: exact gradient flow (or descent) for drawn A and data",
        model: FlowParameters.self, arguments: SimulateArguments.self,
        estimate: { p, arguments in
            return simulationCost(p, trials: arguments.replication.trials, times: arguments.t)
        }) { p, arguments, monitor in
            try requireValues(arguments.t, "t")
            return try simulationTable(p, times: arguments.t, trials: arguments.replication.trials,
                                       seed: arguments.replication.seed64, monitor: monitor)
        }

    /// Memory and time of a simulation (dense matrices of the drawn system). Gradient flow and
    /// full-batch descent are counted in kernels (`simulateOnce`): the draws of A and Ψ, the
    /// features ΨAᵀ, the Gram matrix of the smaller side and its eigendecomposition (with FᵀU
    /// when P < c), and per time the matrix-vector readouts.
    static func simulationCost(_ p: FlowParameters, trials: Int, times: [Double] = []) -> WorkEstimate {
        let m = Double(p.dim)
        let n = p.N.isFinite ? p.N : m
        let s = p.P.isFinite ? p.P : 0
        let features = min(n, m)
        var bytes = 8 * (n * m + s * m + s * n + features * features)
        if s > 0 {
            let small = min(s, n)
            bytes += 8 * (small * small + m * s)
        }
        if p.isStochastic {
            // Per step B rows of c features (twice: residual and gradient); online, B fresh
            // samples drawn and projected through A; per recorded step the readouts.
            let steps = min(times.max() ?? 0, stochasticStepLimit)
            let c = p.N.isFinite ? n : m
            let online = s == 0
            let draw = s > 0 ? s * m * (p.N.isFinite ? n : 0) : 0
            let projection = online ? steps * p.batch * 2 * m * (p.N.isFinite ? n : 1) : 0
            let perStep = p.batch * (4 * c + (online ? 3 * m : 0))
            let readout = Double(times.count) * (2 * n * m + 2 * s * c)
            // BLAS products at ~1e10 flop/s, the per-step loops at ~2e9, ~10 ns per Gaussian
            // (bench/calibrate's SGD cells: dim = 500 to 1000, N = 200 to 400, P = 100, 200 or online).
            let gaussians = n * m + s * m + s + (online ? steps * p.batch * m : 0)
            return WorkEstimate(bytes: 8 * (n * m + s * m + s * c + p.batch * m),
                                seconds: Double(trials) * ((2 * draw + readout + projection) / 1e10 + steps * perStep / 2e9
                                                           + 1e-8 * gaussians))
        }
        let points = Double(times.count)
        func matvec(_ rows: Double, _ columns: Double) -> Double { WorkEstimate.gemmSeconds(rows, 1, columns) }
        let projected = p.N.isFinite
        var seconds = WorkEstimate.drawSeconds((projected ? n * m : 0) + (s > 0 ? s * m + s : 0))
        if s > 0 {
            let c = projected ? n : m
            if projected { seconds += WorkEstimate.gemmSeconds(s, n, m) }
            if c <= s {
                seconds += WorkEstimate.gemmSeconds(c, c, s) / 2 + WorkEstimate.eigenSeconds(c)
                    + points * (2 * matvec(c, c) + matvec(s, c))
            } else {
                seconds += WorkEstimate.gemmSeconds(s, s, c) + WorkEstimate.eigenSeconds(s) + WorkEstimate.gemmSeconds(c, s, s)
                    + points * matvec(c, s)
            }
            if projected { seconds += points * matvec(n, m) }
        } else if projected {
            // populationEigen: H = XXᵀ/N (N ≤ M) or the Gram matrix XᵀX/N, then its eigendecomposition.
            seconds += (n <= m ? WorkEstimate.gemmSeconds(n, n, m) : WorkEstimate.gemmSeconds(m, m, n) / 2)
                + WorkEstimate.eigenSeconds(features)
        }
        if p.gamma > 0 { seconds += featureLearningCost(p, modes: features, times: times).seconds }
        return WorkEstimate(bytes: bytes, seconds: Double(trials) * seconds)
    }

    /// The feature-learning flow's integration: 50 steps per e-fold of τ up to
    /// τ ≈ t_max·K_max (K ≤ 1 + γ|w*|), two partial steps per point, about 2e-8 s per
    /// mode and step (measured: dim = 5·10⁴, t to 10⁵ and 10¹², 0.6 s and 1.3 s).
    static func featureLearningCost(_ p: FlowParameters, modes: Double, times: [Double]) -> WorkEstimate {
        let spectrum = p.spectrum
        var norm = 0.0
        for k in spectrum.lambda.indices { norm += spectrum.power[k] / spectrum.lambda[k] }
        let horizon = (times.max() ?? 1) * (1 + p.gamma * norm.squareRoot())
        let steps = 50 * log(2 + horizon) + 2 * Double(times.count)
        return WorkEstimate(bytes: 8 * 8 * modes, seconds: 2e-8 * modes * steps)
    }

    /// Mean and standard error over trials of the test (and train) loss at each time.
    static func simulationTable(_ p: FlowParameters, times: [Double], trials: Int, seed: UInt64,
                                monitor: WorkMonitor) throws -> Table {
        let simulable = NumericRange(lower: 1, upper: 10_000_000, allowsInfinity: true, whole: true)
        for (name, value) in [("N", p.N), ("P", p.P)] { try simulable.check(value, parameter: name, purpose: "to simulate") }
        if !p.clock.isFlow { try checkSteps(times) }
        try p.checkFeatureLearning("simulate")
        try p.checkBatch()
        if p.isStochastic { try checkStepLimit(times) }
        let cost = simulationCost(p, trials: trials)
        if cost.bytes > 4e9 {
            throw ModelError.tooLarge(work: "simulate(flow)", needs: .bytes(cost.bytes), limit: .bytes(4e9),
                                      at: [.init("dim", Double(p.dim)), .init("N", p.N), .init("P", p.P)], remedy: "lower dim, N or P")
        }
        let spectrum = p.spectrum
        var testSum = [Double](repeating: 0, count: times.count), testSq = testSum
        var trainSum = testSum, trainSq = testSum
        // One BLAS thread: most draws are small (the SGD variants make two products per step),
        // and OpenBLAS's idle second thread spins between calls; under `run -j 2` the other
        // core is busy anyway.
        try BLAS.singleThreaded { () throws -> Void in
            for trial in 0..<trials {
                try monitor.checkCancelled()
                var rng = Xoshiro256StarStar(seed: seed, stream: UInt64(trial))
                let run = try simulateOnce(p, spectrum, times: times, rng: &rng, monitor: monitor)
                for i in times.indices {
                    testSum[i] += run.test[i]; testSq[i] += run.test[i] * run.test[i]
                    trainSum[i] += run.train[i]; trainSq[i] += run.train[i] * run.train[i]
                }
                monitor.report(done: trial + 1, total: trials, label: "simulate flow")
            }
        }
        let (test, testSE) = meanAndError(testSum, testSq, trials)
        var columns = [Table.Column("t", times), Table.Column("test", test), Table.Column("test_se", testSE)]
        if p.P.isFinite {
            let (train, trainSE) = meanAndError(trainSum, trainSq, trials)
            columns += [Table.Column("train", train), Table.Column("train_se", trainSE)]
        }
        return Table(columns: columns, caption: "simulation", role: .simulation)
    }

    private static func meanAndError(_ sum: [Double], _ sq: [Double], _ n: Int) -> ([Double], [Double]) {
        let count = Double(n)
        let mean = sum.map { $0 / count }
        let se = zip(sum, sq).map { s, q in
            s.isFinite ? (max(0, q / count - (s / count) * (s / count)) * count / (count - 1) / count).squareRoot()
                       : Double.infinity
        }
        return (mean, se)
    }

    /// One draw of the system and its exact losses at every time.
    static func simulateOnce(_ p: FlowParameters, _ spectrum: FlowSpectrum, times: [Double],
                             rng: inout Xoshiro256StarStar,
                             monitor: WorkMonitor = .none) throws -> (test: [Double], train: [Double]) {
        let m = spectrum.count
        let root = spectrum.lambda.map { $0.squareRoot() }
        let b = spectrum.power.map { $0.squareRoot() }          // b_k = λ_k^{1/2} w*_k
        let target = zip(b, root).map { $0 / $1 }               // w*_k
        var projection: Matrix? = nil                           // A (N × M) when N is finite
        if p.N.isFinite { projection = rng.gaussianMatrix(rows: Int(p.N), columns: m) }
        if p.gamma > 0 {
            guard let a = projection else {
                return (try FeatureLearningFlow(spectrum: spectrum, gamma: p.gamma).losses(at: times), times.map { _ in 0 })
            }
            let drawn = try FlowSimulation.populationEigen(a, root: root, b: b).ratesAndDrives
            let system = FeatureLearningFlow(rates: drawn.rates, drives: drawn.drives,
                                             initialLoss: spectrum.initialLoss, gamma: p.gamma)
            return (try system.losses(at: times), times.map { _ in 0 })
        }
        let readout = FlowSGDSimulation.Readout(projection: projection, lambda: spectrum.lambda, target: target)
        if p.isStochastic && p.P.isInfinite {
            let test = try FlowSGDSimulation.online(readout: readout, root: root, noise: p.noise, times: times,
                                                    eta: p.eta, batch: Int(p.batch), rng: &rng, monitor: monitor)
            return (test, times.map { _ in 0 })
        }
        if p.P.isInfinite {
            guard let a = projection else {
                return (times.map { spectrum.infiniteLimit(time: $0, clock: p.clock) }, times.map { _ in 0 })
            }
            return (try FlowSimulation.population(a, root: root, b: b, times: times, clock: p.clock), times.map { _ in 0 })
        }
        // Samples Ψ (P × M), rows ~ N(0, Λ), and labels.
        let samples = Int(p.P)
        var psi = rng.gaussianMatrix(rows: samples, columns: m)
        for i in 0..<samples { for k in 0..<m { psi.storage[i * m + k] *= root[k] } }
        var y = psi.times(target)
        if p.noise > 0 { for i in 0..<samples { y[i] += p.noise * rng.gaussian() } }
        if p.isStochastic {
            let features = projection.map { Matrix.gemm(psi, $0, transposeB: true, alpha: 1 / Double($0.rows).squareRoot()) } ?? psi
            return try FlowSGDSimulation.finiteData(features: features, labels: y, readout: readout, times: times,
                                                    eta: p.eta, batch: Int(p.batch), rng: &rng, monitor: monitor)
        }
        return try FlowSimulation.finiteData(psi: psi, labels: y, projection: projection, lambda: spectrum.lambda,
                                             target: target, times: times, clock: p.clock)
    }
}
