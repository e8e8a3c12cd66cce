import NumericCore

// Simulation of the peaked softmax head (Liu, Liu, Pehlevan & Gore 2026): fresh batches of
// rms-normalised Gaussian inputs, the exact KL gradient ∇_W = (1/B) Σ_n (p_s − p_t)_n x̂_nᵀ,
// and SGD (W ← W − lr ∇) or Adam (Kingma & Ba 2015, β₁ = 0.9, β₂ = 0.999, ε = 1e-8, bias
// corrected). The loss is measured on a fixed evaluation set of 4096 seeded inputs, with its
// standard error; β = ⟨W_s, W_t⟩ / ‖W_t‖² is the student's projection on the teacher.

extension Peaked {
    /// Inputs in the evaluation set.
    static let evaluationCount = 4096

    /// `simulate`'s parameters.
    struct SimulationArguments: ParameterGroup {
        @OptionGroup var grid = Steps()
        @OptionGroup var replication = Replication(trials: 1)
    }

    static let simulateOperation = ModelOperation(
        name: "simulate",
        summary: "train the softmax head with SGD or Adam; KL on a held-out set and β over steps",
        model: Parameters.self, arguments: SimulationArguments.self,
        estimate: { model, arguments in
            let c = Configuration(model), t = arguments.grid.t, trials = arguments.replication.trials
            // Flops per step at 9.5e9 flop/s (idle bench/calibrate at the defaults, 10 to 1e4 steps).
            let perStep = Double(c.batch * c.classes) * (6 * Double(c.dim) + 60)
            return WorkEstimate(bytes: 8 * Double(c.batch + evaluationCount) * Double(c.classes + c.dim) * 3,
                                seconds: Double(trials) * (t.max() ?? 0) * perStep / 9.5e9)
        },
        run: { model, arguments, monitor in
            let c = Configuration(model)
            try c.check()
            let steps = try arguments.grid.steps.map { Int($0) }
            let trials = arguments.replication.trials
            let seed = arguments.replication.seed64
            let teacherWeights = teacher(c, seed: seed)
            let evaluation = Evaluation(c, teacher: teacherWeights, seed: seed)
            var losses = [[Double]](), betas = [[Double]](), evaluationErrors = [[Double]]()
            // One BLAS thread: three small products per step (B × dim by dim × V), between
            // which OpenBLAS's idle second thread spun.
            try BLAS.singleThreaded { () throws -> Void in
                for trial in 0..<trials {
                    var rng = Xoshiro256StarStar(seed: seed, stream: UInt64(trial + 1))
                    let run = try train(c, teacher: teacherWeights, evaluation: evaluation, steps: steps, rng: &rng,
                                        monitor: monitor, progress: (trial, trials))
                    losses.append(run.loss); betas.append(run.beta); evaluationErrors.append(run.se)
                }
            }
            let total = steps.max() ?? 0
            monitor.report(done: trials * total, total: trials * total, label: "simulate peaked")
            let n = Double(trials)
            func mean(_ rows: [[Double]], _ i: Int) -> Double { rows.reduce(0) { $0 + $1[i] } / n }
            func spread(_ rows: [[Double]], _ i: Int) -> Double {
                guard trials > 1 else { return 0 }
                let m = mean(rows, i)
                return rows.reduce(0) { $0 + ($1[i] - m) * ($1[i] - m) } / (n - 1) / n
            }
            let idx = steps.indices
            let test = idx.map { mean(losses, $0) }
            // Trial-to-trial spread plus the shared evaluation set's own sampling error.
            let testSE = idx.map { (spread(losses, $0) + pow(mean(evaluationErrors, $0), 2)).squareRoot() }
            return .table(Table(columns: [
                Table.Column("t", steps.map(Double.init)), Table.Column("test", test), Table.Column("test_se", testSE),
                Table.Column("beta", idx.map { mean(betas, $0) }), Table.Column("beta_se", idx.map { spread(betas, $0).squareRoot() }),
            ], caption: c.adam ? "adam" : "sgd", role: .simulation))
        })

    /// The held-out inputs with the teacher's probabilities and log-probabilities.
    struct Evaluation {
        var inputs: Matrix
        var teacherP: [Double]
        var teacherLogP: [Double]

        init(_ c: Configuration, teacher: Matrix, seed: UInt64) {
            var rng = Xoshiro256StarStar(seed: seed, stream: 999_999)
            inputs = Peaked.inputs(count: Peaked.evaluationCount, dim: c.dim, rng: &rng)
            var logits = Matrix.gemm(inputs, teacher, transposeB: true, alpha: 1 / c.temperature)
            teacherLogP = Peaked.logSoftmaxRows(&logits)
            teacherP = teacherLogP.map { exp($0) }
        }

        /// Mean KL(p_t‖p_s) over the set and its standard error for student weights `w`.
        func loss(_ w: Matrix) -> (value: Double, se: Double) {
            var logits = Matrix.gemm(inputs, w, transposeB: true)
            let logP = Peaked.logSoftmaxRows(&logits)
            let v = w.rows, n = inputs.rows
            var sum = 0.0, sumSquares = 0.0
            for i in 0..<n {
                var kl = 0.0
                for j in (i * v)..<((i + 1) * v) where teacherP[j] > 0 { kl += teacherP[j] * (teacherLogP[j] - logP[j]) }
                sum += kl; sumSquares += kl * kl
            }
            let mean = sum / Double(n)
            return (mean, (max(0, sumSquares / Double(n) - mean * mean) / Double(n - 1)).squareRoot())
        }
    }

    /// Row-wise log-softmax of `logits` (stable: the row maximum is subtracted first).
    static func logSoftmaxRows(_ logits: inout Matrix) -> [Double] {
        let v = logits.columns
        logits.storage.withUnsafeMutableBufferPointer { p in
            for i in 0..<logits.rows {
                var top = -Double.infinity
                for j in 0..<v { top = max(top, p[i * v + j]) }
                var z = 0.0
                for j in 0..<v { z += exp(p[i * v + j] - top) }
                let shift = top + log(z)
                for j in 0..<v { p[i * v + j] -= shift }
            }
        }
        return logits.storage
    }

    /// Row-wise softmax of `logits`, in place: the row maximum subtracted, one vector
    /// exponential pass over the whole matrix (entries more than 745 below their row maximum
    /// become 0, as `exp` underflows there; for a peaked teacher that is most of them), then
    /// each row divided by its sum. Four rows at a time go through the lanes of a SIMD4, each lane
    /// running one row's maximum and left-to-right sum exactly as a scalar loop would (the same
    /// bits), so the rows' dependency chains overlap instead of one row's adds waiting on each other.
    static func softmaxRows(_ logits: inout Matrix) {
        let v = logits.columns, rows = logits.rows
        guard v > 0 else { return }
        logits.storage.withUnsafeMutableBufferPointer { p in
            let grouped = rows / 4 * 4
            func lanes(_ first: Int, _ j: Int) -> SIMD4<Double> {
                SIMD4(p[first + j], p[first + v + j], p[first + 2 * v + j], p[first + 3 * v + j])
            }
            func store(_ x: SIMD4<Double>, _ first: Int, _ j: Int) {
                p[first + j] = x[0]; p[first + v + j] = x[1]; p[first + 2 * v + j] = x[2]; p[first + 3 * v + j] = x[3]
            }
            for first in stride(from: 0, to: grouped * v, by: 4 * v) {
                var top = SIMD4<Double>(repeating: -.infinity)
                for j in 0..<v { let x = lanes(first, j); top.replace(with: x, where: x .>= top) }   // max(top, x)
                for j in 0..<v { store(lanes(first, j) - top, first, j) }
            }
            for row in stride(from: grouped * v, to: p.count, by: v) {
                var top = -Double.infinity
                for j in row..<(row + v) { top = max(top, p[j]) }
                for j in row..<(row + v) { p[j] -= top }
            }
            Elementwise.expNonPositive(p)
            for first in stride(from: 0, to: grouped * v, by: 4 * v) {
                var z = SIMD4<Double>(repeating: 0)
                for j in 0..<v { z += lanes(first, j) }
                let inverse = 1 / z
                for j in 0..<v { store(lanes(first, j) * inverse, first, j) }
            }
            for row in stride(from: grouped * v, to: p.count, by: v) {
                var z = 0.0
                for j in row..<(row + v) { z += p[j] }
                let inverse = 1 / z
                for j in row..<(row + v) { p[j] *= inverse }
            }
        }
    }

    /// One training run; the loss, its evaluation error and β at `steps`.
    static func train(_ c: Configuration, teacher: Matrix, evaluation: Evaluation, steps: [Int],
                      rng: inout Xoshiro256StarStar, monitor: WorkMonitor,
                      progress: (trial: Int, of: Int)) throws -> (loss: [Double], se: [Double], beta: [Double]) {
        var w = Matrix(rows: c.classes, columns: c.dim)
        var m = [Double](repeating: 0, count: w.storage.count), s = m
        var loss = [Double](repeating: 0, count: steps.count), se = loss, beta = loss
        let order = steps.indices.sorted { steps[$0] < steps[$1] }
        let total = steps.max() ?? 0
        var done = 0
        let norm = Double(c.classes)
        for index in order {
            while done < steps[index] {
                if done % 64 == 0 {
                    try monitor.checkCancelled()
                    monitor.report(done: progress.trial * total + done, total: progress.of * total, label: "simulate peaked")
                }
                let g = gradient(c, w: w, teacher: teacher, rng: &rng)
                done += 1
                if c.adam {
                    let b1 = 0.9, b2 = 0.999
                    let c1 = 1 - pow(b1, Double(done)), c2 = 1 - pow(b2, Double(done))
                    for k in m.indices {
                        m[k] = b1 * m[k] + (1 - b1) * g.storage[k]
                        s[k] = b2 * s[k] + (1 - b2) * g.storage[k] * g.storage[k]
                        w.storage[k] -= c.lr * (m[k] / c1) / ((s[k] / c2).squareRoot() + 1e-8)
                    }
                } else {
                    axpy(-c.lr, g.storage, &w.storage)
                }
            }
            let l = evaluation.loss(w)
            loss[index] = l.value; se[index] = l.se
            beta[index] = dot(w.storage, teacher.storage) / norm
        }
        return (loss, se, beta)
    }

    /// The KL gradient (1/B) Σ (p_s − p_t) x̂ᵀ on a fresh batch.
    static func gradient(_ c: Configuration, w: Matrix, teacher: Matrix, rng: inout Xoshiro256StarStar) -> Matrix {
        let x = batch(count: c.batch, dim: c.dim, rng: &rng)
        var teacherP = Matrix.gemm(x, teacher, transposeB: true, alpha: 1 / c.temperature)
        var difference = Matrix.gemm(x, w, transposeB: true)
        softmaxRows(&teacherP)
        softmaxRows(&difference)
        axpy(-1, teacherP.storage, &difference.storage)
        return Matrix.gemm(difference, transposeA: true, x, alpha: 1 / Double(c.batch))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
