import CKernels

/// A complex number as the mode-sum kernels return it (NumericCore has no complex type; callers
/// convert to swift-numerics' `Complex`).
public typealias ComplexParts = (real: Double, imaginary: Double)

extension Elementwise {
    /// Sums over modes k of a spectrum λ_k with weights b_k² (`lambda`, `power`, equal lengths), with
    /// q_k = 1/(λ_k + κ): df1 = Σ λ q, dfPrime = Σ λ q², b1 = Σ b² q, in one pass, four modes at a time
    /// (four partial sums, mode k into partial k mod 4, combined as (s₀ + s₁) + (s₂ + s₃); the same bits
    /// on every machine).
    public static func flowMoments(lambda: [Double], power: [Double], kappa: ComplexParts)
        -> (df1: ComplexParts, dfPrime: ComplexParts, b1: ComplexParts) {
        precondition(lambda.count == power.count, "flowMoments: lengths differ")
        var df1 = solvable_complex(), df2 = solvable_complex(), b1 = solvable_complex()
        solvable_flow_moments(lambda.count, lambda, power, kappa.real, kappa.imaginary, &df1, &df2, &b1)
        return (parts(df1), parts(df2), parts(b1))
    }

    /// With u_k = λ_k/((λ_k + κ₀)(λ_k + κ)), κ₀ real: s = Σ b² u and t = Σ u (partial sums as in
    /// `flowMoments`; where |λ + κ|² is not a normal number the division rescales first).
    public static func flowTwoLevelSums(lambda: [Double], power: [Double], floor: Double, kappa: ComplexParts)
        -> (s: ComplexParts, t: ComplexParts) {
        precondition(lambda.count == power.count, "flowTwoLevelSums: lengths differ")
        var s = solvable_complex(), t = solvable_complex()
        solvable_flow_two_level_sums(lambda.count, lambda, power, floor, kappa.real, kappa.imaginary, &s, &t)
        return (parts(s), parts(t))
    }

    /// With u_k = λ_k/((λ_k + κ₁)(λ_k + κ₂)): Σ b² u, Σ u and Σ λ u. Every operation is symmetric in
    /// κ₁, κ₂ and odd in their imaginary parts: swapping them gives the same bits, conjugating both
    /// the conjugate bits.
    public static func flowPairSums(lambda: [Double], power: [Double], _ k1: ComplexParts, _ k2: ComplexParts)
        -> (weighted: ComplexParts, first: ComplexParts, second: ComplexParts) {
        precondition(lambda.count == power.count, "flowPairSums: lengths differ")
        var weighted = solvable_complex(), first = solvable_complex(), second = solvable_complex()
        solvable_flow_pair_sums(lambda.count, lambda, power, k1.real, k1.imaginary, k2.real, k2.imaginary,
                                &weighted, &first, &second)
        return (parts(weighted), parts(first), parts(second))
    }

    private static func parts(_ sum: solvable_complex) -> ComplexParts { (sum.real, sum.imaginary) }
}
