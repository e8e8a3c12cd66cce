import CKernels

extension Elementwise {
    /// `x[i] = exp(x[i])` in place for entries ≤ 0, within 2 ulp of libm's `exp` (measured: 1 ulp),
    /// with entries below −745 set to 0 (where `exp` underflows) and NaN kept: the exponential pass
    /// of a softmax after the row maximum is subtracted, four lanes at a time (Cody–Waite reduction
    /// and a Taylor polynomial, the same expression in every lane, so the result does not depend on
    /// the machine's vector width).
    public static func expNonPositive(_ x: UnsafeMutableBufferPointer<Double>) {
        assert(x.allSatisfy { !($0 > 0) }, "expNonPositive: an entry is above 0")
        solvable_exp_nonpositive(x.count, x.baseAddress, x.baseAddress)
    }
}
