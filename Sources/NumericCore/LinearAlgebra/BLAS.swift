import COpenBLAS

/// BLAS on caller-owned buffers, for hot loops that reuse their storage from step to
/// step (the SGD simulation's two matrix–vector products per step); `Matrix` wraps the
/// same routines for everything else.
public enum BLAS {
    /// y ← alpha·op(A)·x + beta·y (dgemv), A the row-major `rows × columns` matrix at the
    /// start of `a`, op(A) = Aᵀ if `transposed`.
    public static func gemv(rows: Int, columns: Int, _ a: UnsafeBufferPointer<Double>, transposed: Bool = false,
                            alpha: Double = 1, _ x: UnsafeBufferPointer<Double>, beta: Double,
                            _ y: UnsafeMutableBufferPointer<Double>) {
        precondition(a.count >= rows * columns, "gemv: the matrix buffer holds \(a.count) entries, needs \(rows * columns)")
        precondition(x.count >= (transposed ? rows : columns) && y.count >= (transposed ? columns : rows),
                     "gemv: vector buffers too short")
        if rows == 0 || columns == 0 { return }
        cblas_dgemv(CblasRowMajor, transposed ? CblasTrans : CblasNoTrans, Int32(rows), Int32(columns), alpha,
                    a.baseAddress, Int32(columns), x.baseAddress, 1, beta, y.baseAddress, 1)
    }
}
