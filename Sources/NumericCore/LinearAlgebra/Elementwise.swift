import CKernels

/// Elementwise passes of the training loops (ReLU, its backward mask, Adam) as vector
/// kernels over whole buffers. Each gives bit-identical results to the scalar Swift
/// expression in its doc comment (same IEEE operations in the same order, no fused
/// multiply-adds), only faster: the C kernels divide and take square roots four lanes
/// at a time, where Swift's SIMD square root goes lane by lane through libm.
public enum Elementwise {
    /// `x.map { max(0, $0) }` (Swift's `max`: a NaN gives 0, −0 stays −0), into a new array
    /// that the kernel fills without zeroing it first.
    public static func relu(_ x: [Double]) -> [Double] {
        [Double](unsafeUninitializedCapacity: x.count) { out, count in
            x.withUnsafeBufferPointer { x in solvable_relu(x.count, x.baseAddress, out.baseAddress) }
            count = x.count
        }
    }

    /// `g[i] += input[i] <= 0 ? 0 : back[i]`: a ReLU's backward mask (a NaN input is not masked).
    public static func addMasked(_ back: [Double], where input: [Double], to g: inout [Double]) {
        precondition(back.count == g.count && input.count == g.count, "addMasked: lengths differ")
        back.withUnsafeBufferPointer { b in
            input.withUnsafeBufferPointer { x in
                g.withUnsafeMutableBufferPointer { g in solvable_add_masked(g.count, b.baseAddress, x.baseAddress, g.baseAddress) }
            }
        }
    }

    /// One Adam step over a weight group (Kingma & Ba 2015, Algorithm 1, β₁ = 0.9, β₂ = 0.999),
    /// with the bias corrections `c1 = 1 − β₁ᵗ`, `c2 = 1 − β₂ᵗ`:
    /// `m = 0.9·m + 0.1·g; v = 0.999·v + 0.001·g·g; w −= lr·(m/c1) / (√(v/c2) + eps)`.
    public static func adam(_ w: inout [Double], first m: inout [Double], second v: inout [Double], gradient g: [Double],
                            lr: Double, eps: Double, c1: Double, c2: Double) {
        let count = w.count
        precondition(g.count == count && m.count == count && v.count == count, "Adam: shapes differ")
        m.withUnsafeMutableBufferPointer { m in
            v.withUnsafeMutableBufferPointer { v in
                w.withUnsafeMutableBufferPointer { w in
                    g.withUnsafeBufferPointer { g in
                        solvable_adam_update(count, w.baseAddress, m.baseAddress, v.baseAddress, g.baseAddress, lr, eps, c1, c2)
                    }
                }
            }
        }
    }
}
