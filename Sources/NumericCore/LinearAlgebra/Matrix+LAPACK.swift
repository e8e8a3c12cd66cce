import COpenBLAS

// Factorisations and solves over LAPACKE (row-major). Each returns a
// `LinearAlgebraError` rather than trapping when LAPACK reports failure.

/// A LAPACK routine reported failure (singular, not positive definite, no convergence).
public struct LinearAlgebraError: Error, Equatable, CustomStringConvertible {
    /// The routine that failed.
    public var routine: String
    /// LAPACK's `info` code.
    public var info: Int32
    public var description: String { "\(routine) failed (info = \(info))" }
}

extension Matrix {
    /// Eigenvalues (ascending) and orthonormal eigenvectors (as columns) of a symmetric
    /// matrix (dsyevd; only the upper triangle is read).
    public func symmetricEigen() throws(LinearAlgebraError) -> (values: [Double], vectors: Matrix) {
        precondition(rows == columns, "symmetricEigen needs a square matrix")
        var a = storage
        var w = [Double](repeating: 0, count: rows)
        if rows == 0 { return (w, self) }
        let info = LAPACKE_dsyevd(LAPACK_ROW_MAJOR, Int8(UInt8(ascii: "V")), Int8(UInt8(ascii: "U")),
                                  Int32(rows), &a, Int32(rows), &w)
        guard info == 0 else { throw LinearAlgebraError(routine: "dsyevd", info: info) }
        return (w, Matrix(rows: rows, columns: columns, storage: a))
    }

    /// Eigenvalues only (ascending) of a symmetric matrix.
    public func symmetricEigenvalues() throws(LinearAlgebraError) -> [Double] {
        precondition(rows == columns, "symmetricEigenvalues needs a square matrix")
        var a = storage
        var w = [Double](repeating: 0, count: rows)
        if rows == 0 { return w }
        let info = LAPACKE_dsyevd(LAPACK_ROW_MAJOR, Int8(UInt8(ascii: "N")), Int8(UInt8(ascii: "U")),
                                  Int32(rows), &a, Int32(rows), &w)
        guard info == 0 else { throw LinearAlgebraError(routine: "dsyevd", info: info) }
        return w
    }

    /// Solves `self · X = b` for symmetric positive-definite `self` (dposv, Cholesky).
    public func choleskySolve(_ b: Matrix) throws(LinearAlgebraError) -> Matrix {
        precondition(rows == columns && b.rows == rows, "choleskySolve: shapes do not match")
        var a = storage
        var x = b.storage
        if rows == 0 || b.columns == 0 { return b }
        let info = LAPACKE_dposv(LAPACK_ROW_MAJOR, Int8(UInt8(ascii: "U")), Int32(rows), Int32(b.columns),
                                 &a, Int32(rows), &x, Int32(b.columns))
        guard info == 0 else { throw LinearAlgebraError(routine: "dposv", info: info) }
        return Matrix(rows: b.rows, columns: b.columns, storage: x)
    }

    /// Solves `self · x = b` for symmetric positive-definite `self`.
    public func choleskySolve(_ b: [Double]) throws(LinearAlgebraError) -> [Double] {
        try choleskySolve(Matrix(rows: b.count, columns: 1, storage: b)).storage
    }

    /// The lower Cholesky factor L with `self = L Lᵀ` (dpotrf).
    public func cholesky() throws(LinearAlgebraError) -> Matrix {
        precondition(rows == columns, "cholesky needs a square matrix")
        var a = storage
        if rows == 0 { return self }
        let info = LAPACKE_dpotrf(LAPACK_ROW_MAJOR, Int8(UInt8(ascii: "L")), Int32(rows), &a, Int32(rows))
        guard info == 0 else { throw LinearAlgebraError(routine: "dpotrf", info: info) }
        for i in 0..<rows { for j in (i + 1)..<max(i + 1, rows) { a[i * rows + j] = 0 } }
        return Matrix(rows: rows, columns: columns, storage: a)
    }

    /// Solves `self · X = b` for a general square `self` (dgesv, LU with pivoting).
    public func solve(_ b: Matrix) throws(LinearAlgebraError) -> Matrix {
        precondition(rows == columns && b.rows == rows, "solve: shapes do not match")
        var a = storage
        var x = b.storage
        var pivots = [Int32](repeating: 0, count: rows)
        if rows == 0 || b.columns == 0 { return b }
        let info = LAPACKE_dgesv(LAPACK_ROW_MAJOR, Int32(rows), Int32(b.columns), &a, Int32(rows), &pivots,
                                 &x, Int32(b.columns))
        guard info == 0 else { throw LinearAlgebraError(routine: "dgesv", info: info) }
        return Matrix(rows: b.rows, columns: b.columns, storage: x)
    }

    /// Thin singular value decomposition `self = U · diag(s) · Vᵀ` (dgesdd), singular
    /// values descending; U is rows × r, Vᵀ is r × columns with r = min(rows, columns).
    public func svd() throws(LinearAlgebraError) -> (u: Matrix, s: [Double], vt: Matrix) {
        let r = min(rows, columns)
        var a = storage
        var s = [Double](repeating: 0, count: r)
        var u = [Double](repeating: 0, count: rows * r)
        var vt = [Double](repeating: 0, count: r * columns)
        if r == 0 { return (Matrix(rows: rows, columns: 0), s, Matrix(rows: 0, columns: columns)) }
        let info = LAPACKE_dgesdd(LAPACK_ROW_MAJOR, Int8(UInt8(ascii: "S")), Int32(rows), Int32(columns), &a,
                                  Int32(columns), &s, &u, Int32(r), &vt, Int32(columns))
        guard info == 0 else { throw LinearAlgebraError(routine: "dgesdd", info: info) }
        return (Matrix(rows: rows, columns: r, storage: u), s, Matrix(rows: r, columns: columns, storage: vt))
    }

    /// Least-squares solution of `self · x ≈ b` (dgelsd, minimum norm if rank-deficient).
    public func leastSquares(_ b: [Double]) throws(LinearAlgebraError) -> [Double] {
        precondition(b.count == rows, "leastSquares: b has the wrong length")
        let n = max(rows, columns)
        var a = storage
        var x = b + [Double](repeating: 0, count: n - rows)
        var s = [Double](repeating: 0, count: min(rows, columns))
        var rank: Int32 = 0
        if rows == 0 || columns == 0 { return [Double](repeating: 0, count: columns) }
        let info = LAPACKE_dgelsd(LAPACK_ROW_MAJOR, Int32(rows), Int32(columns), 1, &a, Int32(columns), &x, 1, &s,
                                  -1, &rank)
        guard info == 0 else { throw LinearAlgebraError(routine: "dgelsd", info: info) }
        return Array(x.prefix(columns))
    }
}
