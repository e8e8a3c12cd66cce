import NumericCore

// What one gradient step of `step(_:teacher:rates:covariance:)` costs, counted in the
// NumericCore kernels (issue 14: the old count, 6·max(width, dim)²·dim flops per layer at
// 2 GFlop/s, was 17× the measured time at width 64).

extension DeepLinear {
    /// Layer sizes n_0 = dim, n_1 … n_{L−1} = width, n_L = dim (layer l maps n_l to n_{l+1}).
    static func layerSizes(depth: Int, width: Int, dim: Int) -> [Int] {
        [dim] + [Int](repeating: width, count: depth - 1) + [dim]
    }

    /// Bytes of the weights with their prefix and suffix products (a step keeps all three).
    static func weightBytes(_ sizes: [Int]) -> Double {
        let dim = Double(sizes[0])
        let weights = sizes.indices.dropLast().map { Double(sizes[$0] * sizes[$0 + 1]) }.reduce(0, +)
        let products = sizes.map { Double($0) * dim }.reduce(0, +)
        return 8 * (2 * weights + 2 * products)
    }

    /// Seconds of one step: the L prefix products W_l · (W_{l−1}⋯W_0) (n_{l+1} × n_l by n_l × dim),
    /// the L − 1 suffix products (dim × n_{l+2} by n_{l+2} × n_{l+1}), per layer the two gradient
    /// products suffixᵀE (n_{l+1} × dim by dim × dim) and ·prefixᵀ (n_{l+1} × dim by dim × n_l),
    /// E·Σ̂ when the data are finite. These products are skinny (one side is dim), and the
    /// min-side efficiency of `WorkEstimate.gemmSeconds` puts them at 4–12 GFlop/s where they
    /// measured 12–26 (user CPU, widths 64–2048, dim 8–32, 2026-12-03): counted here at half
    /// the large-size rate, plus 1 µs of call, allocation and copy per product.
    static func stepSeconds(_ sizes: [Int], samples: Int) -> Double {
        let n = sizes.map(Double.init), d = n[0], L = sizes.count - 1
        var flops = samples > 0 ? 2 * d * d * d : 0, products = samples > 0 ? 1.0 : 0
        for l in 0..<L {
            flops += 2 * n[l + 1] * d * n[l] + 2 * n[l + 1] * d * d + 2 * n[l + 1] * n[l] * d
            products += 3
            if l < L - 1 { flops += 2 * d * n[l + 1] * n[l + 2]; products += 1 }
        }
        return flops / (WorkEstimate.gemmFlopsPerSecond / 2) + 1e-6 * products
    }
}
