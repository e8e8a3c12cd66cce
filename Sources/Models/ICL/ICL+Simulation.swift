import NumericCore

// MARK: - Simulation
//
// Pretrains Γ on n = τd² contexts exactly as the model prescribes (finite d) and
// measures the squared error of ŷ = ⟨Γ, H_Z⟩ on fresh tasks (ICL) and on the
// pretraining tasks (IDG). Γ solves min Σ_μ (y^μ − ⟨Γ, H^μ⟩)² + (n/d)λ‖Γ‖²: in the
// primal (HᵀH + (n/d)λ I) when n ≥ p = d(d+1), in the dual (HHᵀ + (n/d)λ I) otherwise;
// ridgeless (λ = 0) is the minimum-norm least-squares solution (LAPACK dgelsd).

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
                var rng = Xoshiro256StarStar(seed: seed, stream: UInt64(trial))
                let tasks = sizes.tasks.map { count in (0..<count).map { _ in drawTask(trainSD, &rng) } }
                let gamma = try pretrain(sizes, tasks: tasks, taskSD: trainSD, rho: rho, lambda: lambda, rng: &rng,
                                         monitor: monitor)
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

    /// One context: its attention features H_Z (flattened d × (d+1), row-major) and query label.
    static func drawContext(_ sizes: Sizes, task w: [Double], rho: Double,
                            rng: inout Xoshiro256StarStar, into row: inout ArraySlice<Double>) -> Double {
        let d = sizes.d, l = sizes.context
        let tokenSD = 1 / Double(d).squareRoot(), noiseSD = rho.squareRoot()
        var v = [Double](repeating: 0, count: d)
        var x = [Double](repeating: 0, count: d)
        var sumSquares = 0.0
        for _ in 0..<l {
            var y = 0.0
            for a in 0..<d { x[a] = tokenSD * rng.gaussian(); y += x[a] * w[a] }
            y += noiseSD * rng.gaussian()
            for a in 0..<d { v[a] += y * x[a] }
            sumSquares += y * y
        }
        let scale = Double(d) / Double(l)
        var u = v.map { $0 * scale }
        u.append(sumSquares / Double(l))
        var query = 0.0
        var base = row.startIndex
        for a in 0..<d {
            let xa = tokenSD * rng.gaussian()
            query += xa * w[a]
            for b in 0...d { row[base + b] = xa * u[b] }
            base += d + 1
        }
        return query + noiseSD * rng.gaussian()
    }

    /// A task w ~ N(0, diag(sd²)).
    static func drawTask(_ sd: [Double], _ rng: inout Xoshiro256StarStar) -> [Double] {
        sd.map { $0 * rng.gaussian() }
    }

    /// Γ (flattened) from ridge over n freshly drawn pretraining contexts.
    static func pretrain(_ sizes: Sizes, tasks: [[Double]]?, taskSD: [Double], rho: Double, lambda: Double,
                         rng: inout Xoshiro256StarStar, monitor: WorkMonitor) throws -> [Double] {
        let n = sizes.contexts, p = sizes.features
        var h = Matrix(rows: n, columns: p)
        var targets = [Double](repeating: 0, count: n)
        for mu in 0..<n {
            if mu % 512 == 0 { try monitor.checkCancelled() }
            let w = tasks.map { $0[Int(rng.next() % UInt64($0.count))] } ?? drawTask(taskSD, &rng)
            var row = h.storage[(mu * p)..<((mu + 1) * p)]
            targets[mu] = drawContext(sizes, task: w, rho: rho, rng: &rng, into: &row)
            h.storage.replaceSubrange((mu * p)..<((mu + 1) * p), with: row)
        }
        try monitor.checkCancelled()
        let penalty = Double(n) / Double(sizes.d) * lambda
        if penalty == 0 { return try h.leastSquares(targets) }
        if n >= p {
            var gram = h.gram()
            for i in 0..<p { gram[i, i] += penalty }
            return try gram.choleskySolve(h.times(targets, transposed: true))
        }
        var kernel = Matrix.gemm(h, h, transposeB: true)
        for i in 0..<n { kernel[i, i] += penalty }
        return h.times(try kernel.choleskySolve(targets), transposed: true)
    }

    /// Mean squared error of ŷ = ⟨Γ, H⟩ over `count` fresh contexts, with tasks drawn
    /// from `tasks` (in-distribution) or fresh from N(0, diag(taskSD²)) when `tasks` is nil.
    static func testError(_ gamma: [Double], _ sizes: Sizes, tasks: [[Double]]?, taskSD: [Double], rho: Double, count: Int,
                          rng: inout Xoshiro256StarStar) -> Double {
        var row = ArraySlice([Double](repeating: 0, count: sizes.features))
        var total = 0.0
        for _ in 0..<count {
            let w = tasks.map { $0[Int(rng.next() % UInt64($0.count))] } ?? drawTask(taskSD, &rng)
            let y = drawContext(sizes, task: w, rho: rho, rng: &rng, into: &row)
            let residual = y - dot(gamma, Array(row))
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
