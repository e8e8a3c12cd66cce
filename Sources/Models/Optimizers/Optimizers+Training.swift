import NumericCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Training runs
//
// One drawn system (A, signs ξ) per (trial, s, N), shared by the four optimizers
// (common random numbers, so differences between optimizers are not draw noise).
// Population gradient G = WΣz − C with Σz = AΛAᵀ/N and C = W*ΛAᵀ/√N; the final excess
// risk is exact for the drawn system (no test sampling).

extension Optimizers {
    /// One drawn random-feature regression problem of width N.
    struct Problem {
        var sigma: Matrix          // Σz, N × N
        var cross: Matrix          // C, K × N
        var projection: Matrix     // A, N × M
        var target: Matrix         // W*, K × M
        var lambda: [Double]

        init(s: Double, beta: Double, dim: Int, outputs: Int, width: Int, rng: inout Xoshiro256StarStar) {
            lambda = (1...dim).map { pow(Double($0), -s) }
            let magnitude = (1...dim).map { (pow(Double($0), -(s * beta + 1)) / pow(Double($0), -s)).squareRoot() }
            projection = rng.gaussianMatrix(rows: width, columns: dim)
            target = Matrix(rows: outputs, columns: dim)
            for j in 0..<outputs { for k in 0..<dim { target[j, k] = (rng.uniform() < 0.5 ? -1 : 1) * magnitude[k] } }
            var scaled = projection
            for i in 0..<width { for k in 0..<dim { scaled.storage[i * dim + k] *= lambda[k].squareRoot() } }
            sigma = Matrix.gemm(scaled, scaled, transposeB: true, alpha: 1 / Double(width))
            var weighted = target
            for j in 0..<outputs { for k in 0..<dim { weighted.storage[j * dim + k] *= lambda[k] } }
            cross = Matrix.gemm(weighted, projection, transposeB: true, alpha: 1 / Double(width).squareRoot())
        }

        /// (1/K) Σ_j (v_j − w*_j)ᵀ Λ (v_j − w*_j) with V = W A/√N.
        func loss(_ w: Matrix) -> Double {
            let v = Matrix.gemm(w, projection, alpha: 1 / Double(projection.rows).squareRoot())
            var sum = 0.0
            let m = lambda.count
            for j in 0..<v.rows { for k in 0..<m { let d = v[j, k] - target[j, k]; sum += lambda[k] * d * d } }
            return sum / Double(v.rows)
        }
    }

    /// The final loss of `optimizer` after `steps` steps with linearly decaying step size.
    static func train(_ optimizer: String, _ problem: Problem, steps: Int, lr: Double) throws -> Double {
        let n = problem.sigma.rows, k = problem.cross.rows
        let (eigenvalues, eigenvectors) = try problem.sigma.symmetricEigen()
        let top = max(eigenvalues.last ?? 1, 1e-300)
        var w = Matrix(rows: k, columns: n)
        func gradient() -> Matrix { Matrix.gemm(w, problem.sigma, alpha: 1, beta: -1, into: problem.cross) }
        var base = lr / top
        var precondition: Matrix? = nil                                   // right preconditioner
        switch optimizer {
        case "diagonal":
            let d = problem.sigma.diagonalEntries
            var scaled = problem.sigma
            for i in 0..<n { for j in 0..<n { scaled[i, j] /= (d[i] * d[j]).squareRoot() } }
            base = lr / max(try scaled.symmetricEigenvalues().last ?? 1, 1e-300)
            precondition = Matrix.diagonal(d.map { 1 / $0 })
        case "natural":
            let damping = 1e-10 * problem.sigma.trace / Double(n)
            var scaledVectors = eigenvectors
            for i in 0..<n { for j in 0..<n { scaledVectors[i, j] /= max(eigenvalues[j], 0) + damping } }
            precondition = Matrix.gemm(scaledVectors, eigenvectors, transposeB: true)
            base = lr
        case "muon":
            let first = try gradient().svd().s.first ?? 0
            base = lr * first / top
        default:
            break
        }
        for step in 0..<steps {
            let eta = base * (1 - Double(step) / Double(steps))
            let g = gradient()
            let update: Matrix
            if optimizer == "muon" {
                let (u, s, vt) = try g.svd()
                let largest = s.first ?? 0
                if largest == 0 { break }
                var us = u
                for i in 0..<u.rows { for j in 0..<u.columns where s[j] <= 1e-12 * largest { us[i, j] = 0 } }
                update = Matrix.gemm(us, vt)
            } else if let p = precondition {
                update = Matrix.gemm(g, p)
            } else {
                update = g
            }
            axpy(-eta, update.storage, &w.storage)
        }
        return problem.loss(w)
    }
}
