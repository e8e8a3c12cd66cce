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
    /// E·Σ̂ when the data are finite, each at `WorkEstimate.gemmSeconds` (its min-side efficiency
    /// puts these skinny products, one side dim = 8–32, at 10–31 GFlop/s, where they measured
    /// 12–26) plus `WorkEstimate.callSeconds` of call, allocation and copy.
    static func stepSeconds(_ sizes: [Int], samples: Int) -> Double {
        let n = sizes.map(Double.init), d = n[0], L = sizes.count - 1
        func product(_ m: Double, _ k: Double, _ p: Double) -> Double { WorkEstimate.gemmSeconds(m, p, k) + WorkEstimate.callSeconds }
        var seconds = samples > 0 ? product(d, d, d) : 0
        for l in 0..<L {
            seconds += product(n[l + 1], n[l], d) + product(n[l + 1], d, d) + product(n[l + 1], d, n[l])
            if l < L - 1 { seconds += product(d, n[l + 2], n[l + 1]) }
        }
        return seconds
    }
}
