import NumericCore

// MARK: - Drawing finite samples

extension SpectralData {
    /// P Gaussian samples `x ~ N(0, Λ)` as the rows of a P × dim matrix, with labels
    /// `y = w*·x + noise·ε`, ε ~ N(0, 1), all from `generator`.
    public func sample(count p: Int, noise: Double,
                       generator: inout Xoshiro256StarStar) -> (x: Matrix, y: [Double]) {
        let d = dim
        var x = generator.gaussianMatrix(rows: p, columns: d)
        let scales = eigenvalues.map { $0.squareRoot() }
        x.storage.withUnsafeMutableBufferPointer { s in
            for i in 0..<p {
                let base = i * d
                for k in 0..<d { s[base + k] *= scales[k] }
            }
        }
        var y = x.times(weights)
        if noise > 0 {
            for i in 0..<p { y[i] += noise * generator.gaussian() }
        }
        return (x, y)
    }

    /// The excess population risk of a linear predictor `w`:
    /// `E[((w − w*)·x)^2] = Σ λ_k (w_k − w*_k)^2`.
    public func excessRisk(of w: [Double]) -> Double {
        var total = 0.0
        for k in 0..<dim {
            let e = w[k] - weights[k]
            total += eigenvalues[k] * e * e
        }
        return total
    }
}

/// Mean and standard error of a quantity over Monte-Carlo trials.
public struct TrialStatistics: Sendable {
    private var values: [Double] = []

    /// An empty accumulator.
    public init() {}

    /// Adds one trial's value.
    public mutating func add(_ x: Double) { values.append(x) }

    /// The sample mean (nan if empty).
    public var mean: Double { values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count) }

    /// The standard error of the mean, `sd/√n` with the n − 1 sample variance
    /// (nan for fewer than two trials, where it is undefined).
    public var standardError: Double {
        let n = Double(values.count)
        guard values.count > 1 else { return .nan }
        let m = mean
        let variance = values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (n - 1)
        return (variance / n).squareRoot()
    }
}
