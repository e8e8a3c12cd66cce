import NumericCore

/// One ridge fit on a design matrix, the solver behind every simulation here.
///
/// Minimises `(1/P) Σ_i (y_i − a·z_i)^2 + λ ‖a‖^2` (the normalisation the theory uses)
/// through the eigendecomposition of the smaller Gram matrix: the P×P kernel `Z Zᵀ`
/// when P ≤ n (dual, `a = Zᵀ (Z Zᵀ + λP)⁻¹ y`) or the n×n `Zᵀ Z` otherwise (primal).
/// The eigenvalues also give the empirical degrees of freedom `df̂1 = Σ s/(s+λP)` for
/// the GCV estimate `E_train/(1 − df̂1/P)^2`, which stays finite for λ = 0 in the dual
/// (`P Σ c²/s² / (Σ 1/s)²`, the λ → 0 limit). λ = 0 gives the minimum-norm
/// interpolator (directions with eigenvalue below 1e-13 of the largest are dropped).
struct RidgeFit {
    /// The fitted coefficients a.
    var coefficients: [Double]
    /// `(1/P) ‖y − Z a‖²`.
    var train: Double
    /// The GCV estimate of the total test risk.
    var gcv: Double
    /// The empirical degrees of freedom `df̂1 = Σ s/(s + λP)`.
    var degreesOfFreedom: Double

    /// Fits ridge with penalty `lambda` to the rows of `z` (P × n) and labels `y`.
    /// - Throws: `ModelError.decompositionFailed` if LAPACK fails (it reports, never traps).
    init(z: Matrix, y: [Double], lambda: Double) throws(ModelError) {
        let p = z.rows, n = z.columns
        let shift = lambda * Double(p)
        let dual = p <= n
        let gram = dual ? Matrix.gemm(z, z, transposeB: true) : z.gram()
        let eigen: (values: [Double], vectors: Matrix)
        do { eigen = try gram.symmetricEigen() } catch {
            throw .decompositionFailed(matrix: "Gram matrix of the ridge solve", size: gram.rows, cause: "\(error)", remedy: "try lambda > 0")
        }
        let floor = 1e-13 * (eigen.values.last ?? 0)
        let rhs = dual ? y : z.times(y, transposed: true)
        var c = eigen.vectors.times(rhs, transposed: true)
        var sumInverse = 0.0, sumInverseSquared = 0.0, df = 0.0, dropped = 0
        for i in c.indices {
            let s = eigen.values[i]
            guard s > floor || shift > 0 else { c[i] = 0; dropped += 1; continue }
            let inv = 1 / (max(s, 0) + shift)
            sumInverse += inv
            sumInverseSquared += c[i] * c[i] * inv * inv
            df += max(s, 0) * inv
            c[i] *= inv
        }
        let solved = eigen.vectors.times(c)
        coefficients = dual ? z.times(solved, transposed: true) : solved
        let fitted = z.times(coefficients)
        var residual = 0.0
        for i in 0..<p { let r = y[i] - fitted[i]; residual += r * r }
        train = residual / Double(p)
        degreesOfFreedom = df
        if dual && shift == 0 && dropped == 0 {
            // Interpolation: train and 1 − df̂/P both vanish; their ratio's λ → 0 limit.
            gcv = Double(p) * sumInverseSquared / (sumInverse * sumInverse)
        } else {
            let factor = 1 - df / Double(p)
            gcv = factor > 0 ? train / (factor * factor) : .infinity
        }
    }
}
