import NumericCore

// Full-batch gradient descent on the population loss ½‖Σ³¹ − W_L⋯W_1‖²_F of a deep linear
// network with whitened inputs (Saxe et al. 2013, arXiv 1312.6120, Eq. (2) with Σ¹¹ = I):
//   W_l ← W_l + lr · (W_L⋯W_{l+1})ᵀ (Σ³¹ − W_L⋯W_1) (W_{l−1}⋯W_1)ᵀ.
// The teacher is Σ³¹ = U_K diag(s) V_Kᵀ with U, V Haar-random orthogonal dim × dim matrices.
// A balanced start sets every layer to a rotated diag(u₀^{1/L}) (random orthogonal hidden
// bases), so the product starts at u₀ U_K V_Kᵀ and the modes stay decoupled; a random start
// draws every weight from N(0, init^{2/L}/fan). Mode strengths are u_α = u_αᵀ W v_α.

extension DeepLinear {
    /// `simulate`'s parameters.
    struct SimulationArguments: ParameterGroup {
        @Option("times (τ = 1, i.e. lr × steps; rounded to whole steps)", range: .nonNegative, sweepable: false)
        var t: [Double] = (0...40).map { Double($0) / 8 }
        @OptionGroup var replication = Replication(trials: 1)
    }

    static let simulateOperation = ModelOperation(
        name: "simulate",
        summary: "gradient descent on the matrices; mode strengths u_α = u_αᵀ W v_α over time",
        model: Parameters.self, arguments: SimulationArguments.self,
        estimate: { model, arguments in
            let c = Configuration(model), trials = Double(arguments.replication.trials)
            let steps = ((arguments.t.max() ?? 0) / c.lr).rounded()
            let sizes = layerSizes(depth: c.depth, width: c.width, dim: c.dim)
            let draws = WorkEstimate.drawSeconds(Double(sizes.indices.dropLast().map { sizes[$0] * sizes[$0 + 1] }.reduce(0, +)))
            // Two Haar rotations (an SVD each, about as dear as an eigendecomposition) per trial.
            let setup = draws + 2 * WorkEstimate.eigenSeconds(Double(c.dim))
            return WorkEstimate(bytes: weightBytes(sizes),
                                seconds: trials * (setup + steps * stepSeconds(sizes, samples: 0)))
        },
        run: { model, arguments, monitor in
            let c = Configuration(model)
            try c.check()
            let times = try timeGrid(arguments.t)
            let trials = arguments.replication.trials
            let seed = arguments.replication.seed64
            let steps = times.map { Int(($0 / c.lr).rounded()) }
            var sum = [[Double]](repeating: [Double](repeating: 0, count: times.count), count: c.singular.count)
            var sumSquares = sum
            for trial in 0..<trials {
                try monitor.checkCancelled()
                monitor.report(done: trial, total: trials, label: "simulate deeplinear")
                var rng = Xoshiro256StarStar(seed: seed, stream: UInt64(trial))
                let u = try run(c, steps: steps, rng: &rng, monitor: monitor)
                for k in u.indices { for i in times.indices { sum[k][i] += u[k][i]; sumSquares[k][i] += u[k][i] * u[k][i] } }
            }
            monitor.report(done: trials, total: trials, label: "simulate deeplinear")
            let n = Double(trials)
            let mean = sum.map { $0.map { $0 / n } }
            let se = (0..<sum.count).map { k in
                (0..<times.count).map { i in
                    trials > 1 ? (max(0, sumSquares[k][i] / n - mean[k][i] * mean[k][i]) * n / (n - 1) / n).squareRoot() : 0
                }
            }
            let actual = steps.map { Double($0) * c.lr }
            return .table(modeTable(times: actual, singular: c.singular, u: mean, se: se,
                                    caption: "simulation", role: .simulation))
        })

    /// A Haar-random n × n orthogonal matrix (left singular vectors of a Gaussian matrix).
    static func randomOrthogonal(_ n: Int, rng: inout Xoshiro256StarStar) throws -> Matrix {
        try rng.gaussianMatrix(rows: n, columns: n).svd().u
    }

    /// One gradient-descent run; returns u[mode][i] at step counts `steps`.
    static func run(_ c: Configuration, steps: [Int], rng: inout Xoshiro256StarStar,
                    monitor: WorkMonitor) throws -> [[Double]] {
        let k = c.singular.count, L = c.depth
        let (teacher, u, v) = try drawTeacher(c, rng: &rng)
        let sizes = layerSizes(depth: L, width: c.width, dim: c.dim)
        var weights: [Matrix] = []
        if c.randomStart {
            let sd = pow(c.init0, 1 / Double(L)) / Double(L == 1 ? c.dim : c.width).squareRoot()
            for l in 0..<L { weights.append(rng.gaussianMatrix(rows: sizes[l + 1], columns: sizes[l], standardDeviation: sd)) }
        } else {
            // Layer l maps basis b_l to b_{l+1}: b_0 = V, b_L = U, hidden bases random orthogonal.
            var bases = [v]
            for _ in 0..<(L - 1) { bases.append(try randomOrthogonal(c.width, rng: &rng)) }
            bases.append(u)
            let a = pow(c.init0, 1 / Double(L))
            for l in 0..<L {
                var w = Matrix(rows: sizes[l + 1], columns: sizes[l])
                for m in 0..<k { for i in 0..<sizes[l + 1] { for j in 0..<sizes[l] { w[i, j] += a * bases[l + 1][i, m] * bases[l][j, m] } } }
                weights.append(w)
            }
        }
        var result = [[Double]](repeating: [Double](repeating: 0, count: steps.count), count: k)
        let order = steps.indices.sorted { steps[$0] < steps[$1] }
        var done = 0
        for index in order {
            while done < steps[index] {
                if done % 256 == 0 { try monitor.checkCancelled() }
                step(&weights, teacher: teacher, lr: c.lr)
                done += 1
            }
            let product = weights.dropFirst().reduce(weights[0]) { $1 * $0 }
            for m in 0..<k {
                var x = 0.0
                for i in 0..<c.dim { for j in 0..<c.dim { x += u[i, m] * product[i, j] * v[j, m] } }
                result[m][index] = x
            }
        }
        return result
    }

    /// The teacher Σ³¹ = U_K diag(s) V_Kᵀ with Haar-random U and V (drawn in that order), and U, V.
    static func drawTeacher(_ c: Configuration, rng: inout Xoshiro256StarStar) throws -> (Matrix, Matrix, Matrix) {
        let u = try randomOrthogonal(c.dim, rng: &rng), v = try randomOrthogonal(c.dim, rng: &rng)
        var teacher = Matrix(rows: c.dim, columns: c.dim)
        for a in c.singular.indices { for i in 0..<c.dim { for j in 0..<c.dim { teacher[i, j] += c.singular[a] * u[i, a] * v[j, a] } } }
        return (teacher, u, v)
    }

    /// One full-batch gradient step on ½‖Σ³¹ − W_L⋯W_1‖²_F, all layers updated together.
    static func step(_ weights: inout [Matrix], teacher: Matrix, lr: Double) {
        step(&weights, teacher: teacher, rates: [Double](repeating: lr, count: weights.count), covariance: nil)
    }

    /// One full-batch gradient step, layer l with learning rate `rates[l]`, on the loss
    /// ½ tr[(Σ³¹ − B) Σ̂ (Σ³¹ − B)ᵀ] of the product B = W_L⋯W_1, where Σ̂ is the input
    /// covariance (`nil`: whitened, Σ̂ = I): W_l ← W_l + rates[l] · suffixᵀ (Σ³¹ − B) Σ̂ prefixᵀ.
    static func step(_ weights: inout [Matrix], teacher: Matrix, rates: [Double], covariance: Matrix?) {
        let L = weights.count
        // prefix[l] = W_{l−1}⋯W_0 (prefix[0] = I); suffix[l] = W_{L−1}⋯W_{l+1} (suffix[L−1] = I).
        var prefix = [Matrix.identity(weights[0].columns)]
        for l in 0..<L { prefix.append(weights[l] * prefix[l]) }
        var suffix = [Matrix](repeating: Matrix.identity(weights[L - 1].rows), count: L)
        if L > 1 { for l in stride(from: L - 2, through: 0, by: -1) { suffix[l] = suffix[l + 1] * weights[l + 1] } }
        var error = teacher
        for i in error.storage.indices { error.storage[i] -= prefix[L].storage[i] }
        if let covariance { error = error * covariance }
        for l in 0..<L {
            // W_l += rate · suffixᵀ E prefixᵀ
            let left = Matrix.gemm(suffix[l], transposeA: true, error)
            weights[l] = Matrix.gemm(left, prefix[l], transposeB: true, alpha: rates[l], beta: 1, into: weights[l])
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
