import CKernels

/// The training loops' elementwise passes in single precision (for `FloatMatrix` work),
/// each the float form of its double counterpart, over whole buffers in C.
extension Elementwise {
    /// `x.map { max(0, $0) }` in float.
    public static func relu(_ x: [Float]) -> [Float] {
        [Float](unsafeUninitializedCapacity: x.count) { out, count in
            x.withUnsafeBufferPointer { x in solvable_relu_f(x.count, x.baseAddress, out.baseAddress) }
            count = x.count
        }
    }

    /// `g[i] += input[i] <= 0 ? 0 : back[i]` in float.
    public static func addMasked(_ back: [Float], where input: [Float], to g: inout [Float]) {
        precondition(back.count == g.count && input.count == g.count, "addMasked: lengths differ")
        back.withUnsafeBufferPointer { b in
            input.withUnsafeBufferPointer { x in
                g.withUnsafeMutableBufferPointer { g in solvable_add_masked_f(g.count, b.baseAddress, x.baseAddress, g.baseAddress) }
            }
        }
    }

    /// One float Adam step over a weight group (Kingma & Ba 2015, Algorithm 1, β₁ = 0.9,
    /// β₂ = 0.999): `m = 0.9·m + 0.1·g; v = 0.999·v + 0.001·g·g; w −= lr·(m/c1) / (√(v/c2) + eps)`.
    public static func adam(_ w: inout [Float], first m: inout [Float], second v: inout [Float], gradient g: [Float],
                            lr: Float, eps: Float, c1: Float, c2: Float) {
        let count = w.count
        precondition(g.count == count && m.count == count && v.count == count, "Adam: shapes differ")
        m.withUnsafeMutableBufferPointer { m in
            v.withUnsafeMutableBufferPointer { v in
                w.withUnsafeMutableBufferPointer { w in
                    g.withUnsafeBufferPointer { g in
                        solvable_adam_update_f(count, w.baseAddress, m.baseAddress, v.baseAddress, g.baseAddress, lr, eps, c1, c2)
                    }
                }
            }
        }
    }
}
