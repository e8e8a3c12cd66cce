import NumericCore

/// A residual ReLU MLP: h₀ = x·W_inᵀ, h_l = h_{l−1} + b·relu(h_{l−1})·W_lᵀ (l = 1…L),
/// f = c·h_L·w_out, with every product on BLAS (dgemm/dgemv). Loss ½·mean (f − y)².
struct ResidualMLP {
    var embedding: Matrix          // N × D
    var blocks: [Matrix]           // L of N × N
    var readout: [Double]          // N
    let branchMultiplier: Double
    let readoutMultiplier: Double

    /// Gradients with the same shapes as the parameters.
    struct Gradients {
        var embedding: Matrix
        var blocks: [Matrix]
        var readout: [Double]
    }

    /// Draws the initial weights.
    init(input: Int, width: Int, depth: Int, scaling: MLPScaling, rng: inout Xoshiro256StarStar) {
        embedding = rng.gaussianMatrix(rows: width, columns: input, standardDeviation: (1 / Double(input)).squareRoot())
        blocks = (0..<depth).map { _ in
            rng.gaussianMatrix(rows: width, columns: width, standardDeviation: scaling.hiddenInitVariance.squareRoot())
        }
        readout = rng.gaussians(width, standardDeviation: scaling.readoutInitVariance.squareRoot())
        branchMultiplier = scaling.branchMultiplier
        readoutMultiplier = scaling.readoutMultiplier
    }

    /// The network's outputs on a batch (rows of `x`).
    func predict(_ x: Matrix) -> [Double] {
        features(x).times(readout).map { $0 * readoutMultiplier }
    }

    /// The last hidden features h_L on a batch (rows of `x`), the readout's input.
    func features(_ x: Matrix) -> Matrix {
        var h = Matrix.gemm(x, embedding, transposeB: true)
        for w in blocks {
            let a = relu(h)
            h = Matrix.gemm(a, w, transposeB: true, alpha: branchMultiplier, beta: 1, into: h)
        }
        return h
    }

    /// The loss ½·mean (f − y)² and its gradient with respect to every weight.
    func lossAndGradients(_ x: Matrix, _ y: [Double]) -> (Double, Gradients) {
        var activations: [Matrix] = []  // h_0 … h_{L−1}, inputs of each block
        var rectified: [Matrix] = []    // relu(h_0) … relu(h_{L−1}), kept for the backward pass
        activations.reserveCapacity(blocks.count)
        rectified.reserveCapacity(blocks.count)
        var h = Matrix.gemm(x, embedding, transposeB: true)
        for w in blocks {
            activations.append(h)
            let a = relu(h)
            rectified.append(a)
            h = Matrix.gemm(a, w, transposeB: true, alpha: branchMultiplier, beta: 1, into: h)
        }
        let f = h.times(readout).map { $0 * readoutMultiplier }
        let batch = Double(y.count)
        let residual = zip(f, y).map { $0 - $1 }
        let loss = residual.reduce(0) { $0 + $1 * $1 } / (2 * batch)
        let outputGradient = residual.map { $0 / batch }
        let readoutGradient = h.times(outputGradient, transposed: true).map { $0 * readoutMultiplier }
        // G = ∂loss/∂h_L = c · g ⊗ w_out.
        var g = Matrix(rows: y.count, columns: readout.count)
        let width = readout.count
        g.storage.withUnsafeMutableBufferPointer { out in
            readout.withUnsafeBufferPointer { r in
                for i in 0..<y.count {
                    let gi = readoutMultiplier * outputGradient[i]
                    for j in 0..<width { out[i * width + j] = gi * r[j] }
                }
            }
        }
        var blockGradients = [Matrix](repeating: Matrix(rows: 0, columns: 0), count: blocks.count)
        for l in stride(from: blocks.count - 1, through: 0, by: -1) {
            blockGradients[l] = Matrix.gemm(g, transposeA: true, rectified[l], alpha: branchMultiplier)
            let back = Matrix.gemm(g, blocks[l], alpha: branchMultiplier)
            Elementwise.addMasked(back.storage, where: activations[l].storage, to: &g.storage)
        }
        let embeddingGradient = Matrix.gemm(g, transposeA: true, x)
        return (loss, Gradients(embedding: embeddingGradient, blocks: blockGradients, readout: readoutGradient))
    }

    private func relu(_ m: Matrix) -> Matrix {
        Matrix(rows: m.rows, columns: m.columns, storage: Elementwise.relu(m.storage))
    }
}
