import NumericCore

/// A residual ReLU MLP: h₀ = x·W_inᵀ, h_l = h_{l−1} + b·relu(h_{l−1})·W_lᵀ (l = 1…L),
/// f = c·h_L·w_out, with every product on BLAS (gemm/gemv) in the precision of `M`.
/// The forward products multiply by an explicit transpose of each weight (h·(Wᵀ) as a plain
/// product): OpenBLAS runs a plain or a gradient-shaped product at 64³ on its small-matrix
/// kernels but sends h·Wᵀ with beta = 1 to the packed kernel, a quarter slower than the
/// transpose (one omatcopy) and the plain product together.
/// Loss ½·mean (f − y)². Inputs, labels and outputs are double; they are rounded to `M`'s
/// precision on the way in.
struct MLPNetwork<M: MLPMatrix> {
    typealias Scalar = M.Scalar
    var embedding: M               // N × D
    var blocks: [M]                // L of N × N
    var readout: [Scalar]          // N
    let branchMultiplier: Scalar
    let readoutMultiplier: Scalar

    /// Gradients with the same shapes as the parameters.
    struct Gradients {
        var embedding: M
        var blocks: [M]
        var readout: [Scalar]
    }

    /// Draws the initial weights (in double, then rounded to `M`'s precision).
    init(input: Int, width: Int, depth: Int, scaling: MLPScaling, rng: inout Xoshiro256StarStar) {
        embedding = M(rng.gaussianMatrix(rows: width, columns: input, standardDeviation: (1 / Double(input)).squareRoot()))
        blocks = (0..<depth).map { _ in
            M(rng.gaussianMatrix(rows: width, columns: width, standardDeviation: scaling.hiddenInitVariance.squareRoot()))
        }
        readout = rng.gaussians(width, standardDeviation: scaling.readoutInitVariance.squareRoot()).map { Scalar($0) }
        branchMultiplier = Scalar(scaling.branchMultiplier)
        readoutMultiplier = Scalar(scaling.readoutMultiplier)
    }

    /// The network's outputs on a batch (rows of `x`).
    func predict(_ x: Matrix) -> [Double] {
        forward(M(x)).times(readout, transposed: false).map { Double($0 * readoutMultiplier) }
    }

    /// The last hidden features h_L on a batch (rows of `x`), the readout's input.
    func features(_ x: Matrix) -> Matrix { forward(M(x)).doubles }

    private func forward(_ x: M) -> M {
        var h = M.gemm(x, transposeA: false, embedding.transposed, transposeB: false, alpha: 1, beta: 0, into: nil)
        for w in blocks {
            let a = relu(h)
            h = M.gemm(a, transposeA: false, w.transposed, transposeB: false, alpha: branchMultiplier, beta: 1, into: h)
        }
        return h
    }

    /// The loss ½·mean (f − y)² and its gradient with respect to every weight.
    func lossAndGradients(_ input: Matrix, _ labels: [Double]) -> (Double, Gradients) {
        let x = M(input), y = labels.map { Scalar($0) }
        var activations: [M] = []  // h_0 … h_{L−1}, inputs of each block
        var rectified: [M] = []    // relu(h_0) … relu(h_{L−1}), kept for the backward pass
        activations.reserveCapacity(blocks.count)
        rectified.reserveCapacity(blocks.count)
        var h = M.gemm(x, transposeA: false, embedding.transposed, transposeB: false, alpha: 1, beta: 0, into: nil)
        for w in blocks {
            activations.append(h)
            let a = relu(h)
            rectified.append(a)
            h = M.gemm(a, transposeA: false, w.transposed, transposeB: false, alpha: branchMultiplier, beta: 1, into: h)
        }
        let f = h.times(readout, transposed: false).map { $0 * readoutMultiplier }
        let batch = Scalar(y.count)
        let residual = zip(f, y).map { $0 - $1 }
        let loss = Double(residual.reduce(0) { $0 + $1 * $1 } / (2 * batch))
        let outputGradient = residual.map { $0 / batch }
        let readoutGradient = h.times(outputGradient, transposed: true).map { $0 * readoutMultiplier }
        // G = ∂loss/∂h_L = c · g ⊗ w_out.
        var g = M(rows: y.count, columns: readout.count, storage: [Scalar](repeating: 0, count: y.count * readout.count))
        let width = readout.count
        g.storage.withUnsafeMutableBufferPointer { out in
            readout.withUnsafeBufferPointer { r in
                for i in 0..<y.count {
                    let gi = readoutMultiplier * outputGradient[i]
                    for j in 0..<width { out[i * width + j] = gi * r[j] }
                }
            }
        }
        var blockGradients = [M](repeating: M(rows: 0, columns: 0, storage: []), count: blocks.count)
        for l in stride(from: blocks.count - 1, through: 0, by: -1) {
            blockGradients[l] = M.gemm(g, transposeA: true, rectified[l], transposeB: false,
                                       alpha: branchMultiplier, beta: 0, into: nil)
            let back = M.gemm(g, transposeA: false, blocks[l], transposeB: false, alpha: branchMultiplier, beta: 0, into: nil)
            M.addMasked(back.storage, where: activations[l].storage, to: &g.storage)
        }
        let embeddingGradient = M.gemm(g, transposeA: true, x, transposeB: false, alpha: 1, beta: 0, into: nil)
        return (loss, Gradients(embedding: embeddingGradient, blocks: blockGradients, readout: readoutGradient))
    }

    private func relu(_ m: M) -> M {
        M(rows: m.rows, columns: m.columns, storage: M.relu(m.storage))
    }
}

/// The double-precision network, the reference the gradient tests check.
typealias ResidualMLP = MLPNetwork<Matrix>
