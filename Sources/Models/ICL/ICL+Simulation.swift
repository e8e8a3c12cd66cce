import NumericCore
import Synchronization

// MARK: - Simulation
//
// Pretrains Γ on n = τd² contexts exactly as the model prescribes (finite d) and
// measures the squared error of ŷ = ⟨Γ, H_Z⟩ on fresh tasks (ICL) and on the
// pretraining tasks (IDG). Γ solves min Σ_μ (y^μ − ⟨Γ, H^μ⟩)² + (n/d)λ‖Γ‖²: in the
// primal (HᵀH + (n/d)λ I) when n ≥ p = d(d+1), in the dual (HHᵀ + (n/d)λ I) otherwise;
// ridgeless (λ = 0) is the minimum-norm least-squares solution: the same normal equations
// (Cholesky) when they are well conditioned, else LAPACK's SVD solver dgelsd.

extension ICLModel {
    /// `simulate`'s parameters.
    struct SimulationArguments: ParameterGroup {
        @OptionGroup var replication = Replication(trials: 4)
        @Option("test contexts per trial for each error", range: NumericRange(lower: 10, upper: 1e7), sweepable: false)
        var tests = 2000
    }

    static let simulationOperation = ModelOperation(
        name: "simulate",
        summary: "pretrain Γ at finite d and measure ICL and in-distribution errors: icl, icl_se, idg, idg_se",
        model: Parameters.self, arguments: SimulationArguments.self,
        estimate: { model, arguments in
            // Per trial: draw n + 2·tests contexts (ℓ(d+1) + d + 1 Gaussians each) and solve the
            // n × p ridge: dgelsd when λ = 0, else the p × p (or n × n) Gram matrix and its Cholesky.
            let sizes = (try? Sizes(model)) ?? Sizes(d: 2, context: 1, tasks: 1, contexts: 1)
            let trials = Double(arguments.replication.trials), tests = Double(arguments.tests)
            let n = Double(sizes.contexts), p = Double(sizes.features), d = Double(sizes.d)
            let small = min(n, p)
            let bytes = 8 * (n * p + p * p + small * small)
            let draws = (n + 2 * tests) * (Double(sizes.context) * (d + 1) + d + 1)
            let solve = model.lambda == 0 ? WorkEstimate.leastSquaresSeconds(n, p)
                : (n >= p ? WorkEstimate.gemmSeconds(p, p, n) / 2 : WorkEstimate.gemmSeconds(n, n, p))
                    + WorkEstimate.gemmSeconds(small, small, small) / 6
            return WorkEstimate(bytes: bytes, seconds: trials * (solve + WorkEstimate.drawSeconds(draws)))
        }
    ) { model, arguments, monitor in
        let sizes = try Sizes(model)
        let rho = model.rho, lambda = model.lambda
        let trials = arguments.replication.trials, tests = arguments.tests
        let seed = arguments.replication.seed64
        let trainSD = taskVariances(power: model.task_power, d: sizes.d).map { $0.squareRoot() }
        let testSD = taskVariances(power: model.test_power, d: sizes.d).map { $0.squareRoot() }
        var icl: [Double] = [], idg: [Double] = []
        // One BLAS thread: OpenBLAS's workers spun between the solver's many small calls (a third
        // of the CPU time under `run -j`), and the numbers no longer depend on the core count.
        try BLAS.singleThreaded { () throws -> Void in
            for trial in 0..<trials {
                try monitor.checkCancelled()
                monitor.report(done: trial, total: trials, label: "simulate icl")
                let key = PretrainingKey(d: sizes.d, context: sizes.context, tasks: sizes.tasks, contexts: sizes.contexts,
                                         taskPower: model.task_power, rho: rho, lambda: lambda, seed: seed, trial: trial)
                let (tasks, gamma, after) = try Pretraining.recent(key) {
                    var rng = Xoshiro256StarStar(seed: seed, stream: UInt64(trial))
                    let tasks = sizes.tasks.map { count in (0..<count).map { _ in drawTask(trainSD, &rng) } }
                    let gamma = try pretrain(sizes, tasks: tasks, taskSD: trainSD, rho: rho, lambda: lambda, rng: &rng,
                                             monitor: monitor)
                    return (tasks, gamma, rng)
                }
                var rng = after
                icl.append(testError(gamma, sizes, tasks: nil, taskSD: testSD, rho: rho, count: tests, rng: &rng))
                idg.append(testError(gamma, sizes, tasks: tasks, taskSD: trainSD, rho: rho, count: tests, rng: &rng))
            }
        }
        monitor.report(done: trials, total: trials, label: "simulate icl")
        let (iclMean, iclSE) = meanAndStandardError(icl)
        let (idgMean, idgSE) = meanAndStandardError(idg)
        return .table(Table(columns: [
            Table.Column("icl", [iclMean]), Table.Column("icl_se", [iclSE]),
            Table.Column("idg", [idgMean]), Table.Column("idg_se", [idgSE]),
        ], caption: "simulation d=\(sizes.d)", role: .simulation))
    }

    /// What one trial's pretraining depends on: the sizes, the pretraining task spectrum, noise, ridge, seed and trial.
    struct PretrainingKey: Hashable, Sendable {
        var d: Int, context: Int, tasks: Int?, contexts: Int
        var taskPower: Double, rho: Double, lambda: Double
        var seed: UInt64, trial: Int
    }

    /// The pretraining of recent trials (tasks, Γ and the generator after them), so a sweep over `test_power`,
    /// which changes only the test tasks, pretrains once per trial instead of once per test spectrum. A trial's
    /// pretraining comes first in its stream, so a kept one gives the same bits as pretraining again.
    enum Pretraining {
        typealias Result = (tasks: [[Double]]?, gamma: [Double], rng: Xoshiro256StarStar)
        private static let kept = Mutex<[PretrainingKey: Result]>([:])
        /// Trials kept at most (a few kB each); all are dropped when full.
        static let capacity = 64

        /// The kept pretraining for `key`, or `pretrain()`'s, kept.
        static func recent(_ key: PretrainingKey, _ pretrain: () throws -> Result) throws -> Result {
            if let known = kept.withLock({ $0[key] }) { return known }
            let result = try pretrain()
            kept.withLock { kept in
                if kept.count >= capacity { kept.removeAll() }
                kept[key] = result
            }
            return result
        }

        /// Drops every kept pretraining (tests compare a kept one with a fresh one).
        static func forget() { kept.withLock { $0.removeAll() } }
    }

    /// The integer sizes of a finite-d instance.
    struct Sizes {
        var d: Int
        /// ℓ, the labelled tokens per context.
        var context: Int
        /// k, or `nil` for a fresh task per context (κ = ∞).
        var tasks: Int?
        /// n, the pretraining contexts.
        var contexts: Int
        /// p = d(d+1), the entries of Γ.
        var features: Int { d * (d + 1) }
        /// Standard normals per context: ℓ tokens and the query, each with its label noise.
        var drawsPerContext: Int { (context + 1) * (d + 1) }

        init(d: Int, context: Int, tasks: Int?, contexts: Int) {
            self.d = d
            self.context = context
            self.tasks = tasks
            self.contexts = contexts
        }

        init(_ model: Parameters) throws(ModelError) {
            let d = model.d
            let alpha = model.alpha, kappa = model.kappa, tau = model.tau
            guard tau.isFinite else {
                throw ModelError.domain(parameter: "tau", value: "inf", allowed: "tau > 0 and finite for simulate")
            }
            self.d = d
            context = max(1, Int((alpha * Double(d)).rounded()))
            tasks = kappa.isInfinite ? nil : max(1, Int((kappa * Double(d)).rounded()))
            contexts = max(1, Int((tau * Double(d * d)).rounded()))
        }
    }

    /// One context: its attention features H_Z (flattened d × (d+1), row-major, written to `row`)
    /// and its query label. `x`, `u` and `draws` are scratch of d, d + 1 and `drawsPerContext` entries
    /// (no allocation per context); the context's standard normals are drawn in one ziggurat fill.
    static func drawContext(_ sizes: Sizes, task w: UnsafeBufferPointer<Double>, rho: Double,
                            rng: inout Xoshiro256StarStar, tokens x: UnsafeMutableBufferPointer<Double>,
                            sums u: UnsafeMutableBufferPointer<Double>, draws z: UnsafeMutableBufferPointer<Double>,
                            into row: UnsafeMutableBufferPointer<Double>) -> Double {
        let d = sizes.d, l = sizes.context
        let tokenSD = 1 / Double(d).squareRoot(), noiseSD = rho.squareRoot()
        rng.fillGaussians(z)
        for b in 0...d { u[b] = 0 }
        var sumSquares = 0.0, next = 0
        for _ in 0..<l {
            var y = 0.0
            for a in 0..<d { x[a] = tokenSD * z[next + a]; y += x[a] * w[a] }
            y += noiseSD * z[next + d]
            next += d + 1
            for a in 0..<d { u[a] += y * x[a] }
            sumSquares += y * y
        }
        let scale = Double(d) / Double(l)
        for a in 0..<d { u[a] *= scale }
        u[d] = sumSquares / Double(l)
        var query = 0.0
        var base = 0
        for a in 0..<d {
            let xa = tokenSD * z[next + a]
            query += xa * w[a]
            for b in 0...d { row[base + b] = xa * u[b] }
            base += d + 1
        }
        return query + noiseSD * z[next + d]
    }

    /// Draws `count` contexts, their tasks from `tasks` (uniformly) or fresh from N(0, diag(taskSD²))
    /// when `tasks` is nil, and hands each context's index, features and label to `body`.
    static func drawContexts(_ sizes: Sizes, count: Int, tasks: [[Double]]?, taskSD: [Double], rho: Double,
                             rng: inout Xoshiro256StarStar, _ body: (Int, [Double], Double) throws -> Void) rethrows {
        let d = sizes.d
        var x = [Double](repeating: 0, count: d), u = [Double](repeating: 0, count: d + 1)
        var draws = [Double](repeating: 0, count: sizes.drawsPerContext)
        var row = [Double](repeating: 0, count: sizes.features)
        for mu in 0..<count {
            let w = tasks.map { $0[Int(rng.next() % UInt64($0.count))] } ?? drawTask(taskSD, &rng)
            let y = w.withUnsafeBufferPointer { w in
                x.withUnsafeMutableBufferPointer { x in
                    u.withUnsafeMutableBufferPointer { u in
                        draws.withUnsafeMutableBufferPointer { z in
                            row.withUnsafeMutableBufferPointer { row in
                                drawContext(sizes, task: w, rho: rho, rng: &rng, tokens: x, sums: u, draws: z, into: row)
                            }
                        }
                    }
                }
            }
            try body(mu, row, y)
        }
    }

    /// A task w ~ N(0, diag(sd²)).
    static func drawTask(_ sd: [Double], _ rng: inout Xoshiro256StarStar) -> [Double] {
        sd.map { $0 * rng.gaussian() }
    }

    /// The smallest reciprocal condition number of the ridgeless Gram (or kernel) matrix that is
    /// solved by Cholesky: its normal equations then lose at most about 1e8·ε ≈ 2e-8 of relative
    /// accuracy. Worse-conditioned systems (n ≈ p, near the double-descent peak) go to dgelsd.
    static let choleskyReciprocalCondition = 1e-8

    /// Γ (flattened) from ridge over n freshly drawn pretraining contexts.
    static func pretrain(_ sizes: Sizes, tasks: [[Double]]?, taskSD: [Double], rho: Double, lambda: Double,
                         rng: inout Xoshiro256StarStar, monitor: WorkMonitor) throws -> [Double] {
        let n = sizes.contexts, p = sizes.features
        var h = Matrix(rows: n, columns: p)
        var targets = [Double](repeating: 0, count: n)
        try h.storage.withUnsafeMutableBufferPointer { features in
            try drawContexts(sizes, count: n, tasks: tasks, taskSD: taskSD, rho: rho, rng: &rng) { mu, row, y in
                if mu % 512 == 0 { try monitor.checkCancelled() }
                row.withUnsafeBufferPointer { (features.baseAddress! + mu * p).update(from: $0.baseAddress!, count: p) }
                targets[mu] = y
            }
        }
        try monitor.checkCancelled()
        let penalty = Double(n) / Double(sizes.d) * lambda
        if n >= p {
            // HᵀH in blocks of rows of about 10¹⁰ flops (a quarter second), so an interrupt stops it: at d = 64
            // and τ = 4 one dsyrk is seven seconds. At the notebooks' d ≤ 32 it is one block, as before.
            var gram = try h.gram(flopsPerBlock: 1e10) { try monitor.checkCancelled() }
            for i in 0..<p { gram[i, i] += penalty }
            let moments = h.times(targets, transposed: true)
            if penalty > 0 { return try gram.choleskySolve(moments) }
            if let gamma = gram.conditionedCholeskySolve(moments, minimumReciprocalCondition: choleskyReciprocalCondition) {
                return gamma
            }
            return try h.leastSquares(targets)
        }
        var kernel = Matrix.gemm(h, h, transposeB: true)
        for i in 0..<n { kernel[i, i] += penalty }
        if penalty > 0 { return h.times(try kernel.choleskySolve(targets), transposed: true) }
        // Ridgeless, n < p: the minimum-norm interpolant Hᵀ(HHᵀ)⁻¹y when HHᵀ is well conditioned.
        if let dual = kernel.conditionedCholeskySolve(targets, minimumReciprocalCondition: choleskyReciprocalCondition) {
            return h.times(dual, transposed: true)
        }
        return try h.leastSquares(targets)
    }

    /// Mean squared error of ŷ = ⟨Γ, H⟩ over `count` fresh contexts, with tasks drawn
    /// from `tasks` (in-distribution) or fresh from N(0, diag(taskSD²)) when `tasks` is nil.
    static func testError(_ gamma: [Double], _ sizes: Sizes, tasks: [[Double]]?, taskSD: [Double], rho: Double, count: Int,
                          rng: inout Xoshiro256StarStar) -> Double {
        var total = 0.0
        drawContexts(sizes, count: count, tasks: tasks, taskSD: taskSD, rho: rho, rng: &rng) { _, row, y in
            let residual = y - dot(gamma, row)
            total += residual * residual
        }
        return total / Double(count)
    }
}

/// The sample mean and its standard error (0 for a single value).
func meanAndStandardError(_ values: [Double]) -> (Double, Double) {
    let n = Double(values.count)
    let mean = values.reduce(0, +) / n
    guard values.count > 1 else { return (mean, 0) }
    let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
    return (mean, (variance / n).squareRoot())
}
