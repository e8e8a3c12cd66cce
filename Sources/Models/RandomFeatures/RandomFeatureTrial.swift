import NumericCore

/// One Monte-Carlo trial of a random-feature ridge ensemble: P samples, K members
/// each with its own projection `F_k` (N × dim, iid N(0, 1/N) entries), features
/// `z = F_k x`, ridge on z with `(1/P) Σ (y − a·z)^2 + λ ‖a‖^2`, predictions averaged.
/// `K = 1` is a single random-feature model. The averaged predictor is linear in x,
/// `w = (1/K) Σ_k F_kᵀ a_k`, so its excess risk is exact: `Σ λ_k (w_k − w*_k)^2`.
struct RandomFeatureTrial {
    /// Excess risk of the averaged predictor.
    var test: Double
    /// Mean over members of each member's own excess risk.
    var memberTest: Double
    /// Training error of the averaged predictor, `(1/P) ‖y − X w‖²`.
    var train: Double
    /// Mean over members of the members' GCV estimates.
    var gcv: Double

    /// Runs the trial with draws from `rng`: the data first, then F_1, ..., F_K.
    init(data: SpectralData, p: Int, n: Int, k: Int, lambda: Double, noise: Double,
         rng: inout Xoshiro256StarStar) throws(ModelError) {
        let (x, y) = data.sample(count: p, noise: noise, generator: &rng)
        let scale = 1 / Double(n).squareRoot()
        var average = [Double](repeating: 0, count: data.dim)
        var memberTest = 0.0, gcv = 0.0
        for _ in 0..<k {
            let f = rng.gaussianMatrix(rows: n, columns: data.dim, standardDeviation: scale)
            let z = Matrix.gemm(x, f, transposeB: true)
            let fit = try RidgeFit(z: z, y: y, lambda: lambda)
            let w = f.times(fit.coefficients, transposed: true)
            memberTest += data.excessRisk(of: w)
            gcv += fit.gcv
            axpy(1 / Double(k), w, &average)
        }
        let fitted = x.times(average)
        var residual = 0.0
        for i in 0..<p { let r = y[i] - fitted[i]; residual += r * r }
        self.test = data.excessRisk(of: average)
        self.memberTest = memberTest / Double(k)
        self.train = residual / Double(p)
        self.gcv = gcv / Double(k)
    }
}
