import NumericCore

/// One Monte-Carlo trial of ridge on deep linear features: P samples, weights
/// `F_l = G_l diag(√ω_l)/√N_l` (G_l iid N(0, 1), N_l × N_{l−1}; rows then have covariance
/// Ω_l/N_l), features `Z = X F_1ᵀ ⋯ F_Lᵀ`, ridge on Z with `(1/P) Σ (y − a·z)² + λ ‖a‖²`.
/// The predictor is linear in x, `w = F_1ᵀ ⋯ F_Lᵀ a`, so its excess risk is exact:
/// `Σ λ_k (w_k − w*_k)²`.
struct DeepFeatureTrial {
    /// Excess risk of the fitted predictor.
    var test: Double
    /// Training error `(1/P) ‖y − Z a‖²`.
    var train: Double
    /// The GCV estimate of the total risk.
    var gcv: Double

    /// Runs the trial with draws from `rng`: the data first, then F_1, ..., F_L.
    init(_ layers: DeepFeatureLayers, widths: [Int], p: Int, lambda: Double, noise: Double,
         rng: inout Xoshiro256StarStar) throws(ModelError) {
        let (x, y) = layers.data.sample(count: p, noise: noise, generator: &rng)
        var z = x, weights: [Matrix] = []
        for (l, n) in widths.enumerated() {
            var f = rng.gaussianMatrix(rows: n, columns: z.columns)
            let omega = layers.covariances[l]
            let base = 1 / Double(n).squareRoot()
            let scales = omega.isEmpty ? [Double](repeating: base, count: z.columns) : omega.map { $0.squareRoot() * base }
            f.storage.withUnsafeMutableBufferPointer { s in
                for i in 0..<n { for j in scales.indices { s[i * scales.count + j] *= scales[j] } }
            }
            z = Matrix.gemm(z, f, transposeB: true)
            weights.append(f)
        }
        let fit = try RidgeFit(z: z, y: y, lambda: lambda)
        var w = fit.coefficients
        for f in weights.reversed() { w = f.times(w, transposed: true) }
        test = layers.data.excessRisk(of: w)
        train = fit.train
        gcv = fit.gcv
    }
}
