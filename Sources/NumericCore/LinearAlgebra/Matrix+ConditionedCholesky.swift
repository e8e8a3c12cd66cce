import COpenBLAS

// A Cholesky solve that declines when the matrix is too ill-conditioned for it, so a caller can
// fall back to an SVD. Solving least squares through the normal equations AᵀA x = Aᵀb loses
// about cond(AᵀA)·ε of relative accuracy (Golub & Van Loan, Matrix Computations, 4th ed., §5.3.7);
// with the reciprocal condition bounded below, that loss is bounded.

extension Matrix {
    /// Solves `self · x = b` for symmetric positive-definite `self` by Cholesky (dpotrf, dpotrs),
    /// or returns nil when `self` is not numerically positive definite or LAPACK's estimate of
    /// its reciprocal 1-norm condition number (dpocon) is below `minimumReciprocalCondition`.
    /// Only the upper triangle is read.
    public func conditionedCholeskySolve(_ b: [Double], minimumReciprocalCondition: Double) -> [Double]? {
        precondition(rows == columns && b.count == rows, "conditionedCholeskySolve: shapes do not match")
        if rows == 0 { return b }
        let upper = Int8(UInt8(ascii: "U")), n = Int32(rows)
        var a = storage
        let norm = LAPACKE_dlansy(LAPACK_ROW_MAJOR, Int8(UInt8(ascii: "1")), upper, n, a, n)
        guard LAPACKE_dpotrf(LAPACK_ROW_MAJOR, upper, n, &a, n) == 0 else { return nil }
        var reciprocal = 0.0
        guard LAPACKE_dpocon(LAPACK_ROW_MAJOR, upper, n, a, n, norm, &reciprocal) == 0,
              reciprocal >= minimumReciprocalCondition else { return nil }
        var x = b
        guard LAPACKE_dpotrs(LAPACK_ROW_MAJOR, upper, n, 1, a, n, &x, 1) == 0 else { return nil }
        return x
    }
}
