import COpenBLAS

// Level-2/3 BLAS products over OpenBLAS (cblas, row-major).

extension Matrix {
    /// `alpha · op(a) · op(b) + beta · c` (dgemm), where op transposes when asked.
    /// - Returns: the product, of size rows(op(a)) × columns(op(b)).
    public static func gemm(_ a: Matrix, transposeA: Bool = false, _ b: Matrix, transposeB: Bool = false,
                            alpha: Double = 1, beta: Double = 0, into c: Matrix? = nil) -> Matrix {
        let m = transposeA ? a.columns : a.rows
        let k = transposeA ? a.rows : a.columns
        let kb = transposeB ? b.columns : b.rows
        let n = transposeB ? b.rows : b.columns
        precondition(k == kb, "gemm: inner dimensions \(k) and \(kb) differ")
        if c == nil && k == 0 { return Matrix(rows: m, columns: n) }
        // A new output is left unfilled: dgemm with beta = 0 writes every entry without reading it.
        var result = c ?? Matrix(rows: m, columns: n, storage: .init(unsafeUninitializedCapacity: m * n) { $1 = m * n })
        precondition(result.rows == m && result.columns == n, "gemm: output has the wrong shape")
        if m == 0 || n == 0 { return result }
        if k == 0 { for i in result.storage.indices { result.storage[i] *= beta }; return result }
        a.storage.withUnsafeBufferPointer { pa in
            b.storage.withUnsafeBufferPointer { pb in
                result.storage.withUnsafeMutableBufferPointer { pc in
                    cblas_dgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans,
                                transposeB ? CblasTrans : CblasNoTrans,
                                Int32(m), Int32(n), Int32(k), alpha,
                                pa.baseAddress, Int32(max(1, a.columns)),
                                pb.baseAddress, Int32(max(1, b.columns)),
                                c == nil ? 0 : beta, pc.baseAddress, Int32(max(1, n)))
                }
            }
        }
        return result
    }

    /// The matrix product `a · b`.
    public static func * (a: Matrix, b: Matrix) -> Matrix { gemm(a, b) }

    /// `op(self) · x` (dgemv).
    public func times(_ x: [Double], transposed: Bool = false) -> [Double] {
        let outCount = transposed ? columns : rows
        let inCount = transposed ? rows : columns
        precondition(x.count == inCount, "gemv: vector has \(x.count) entries, expected \(inCount)")
        var y = [Double](repeating: 0, count: outCount)
        if rows == 0 || columns == 0 { return y }
        storage.withUnsafeBufferPointer { pa in
            x.withUnsafeBufferPointer { px in
                y.withUnsafeMutableBufferPointer { py in
                    cblas_dgemv(CblasRowMajor, transposed ? CblasTrans : CblasNoTrans, Int32(rows), Int32(columns),
                                1, pa.baseAddress, Int32(columns), px.baseAddress, 1, 0, py.baseAddress, 1)
                }
            }
        }
        return y
    }

    /// `selfᵀ · self` like `gram()`, summed over blocks of rows (dsyrk with beta = 1) of about `flopsPerBlock`
    /// each, calling `between` after every block but the last: a long product that can stop on an interrupt
    /// (`between` throws). A matrix that fits in one block is one dsyrk call, the same bits as `gram()`.
    public func gram(flopsPerBlock: Double, between: () throws -> Void) rethrows -> Matrix {
        var g = Matrix(rows: columns, columns: columns)
        if rows == 0 || columns == 0 { return g }
        let blockRows = max(1, Int(min(Double(rows), flopsPerBlock / Double(columns * columns))))
        var start = 0
        while start < rows {
            let count = min(blockRows, rows - start)
            storage.withUnsafeBufferPointer { pa in
                g.storage.withUnsafeMutableBufferPointer { pg in
                    cblas_dsyrk(CblasRowMajor, CblasUpper, CblasTrans, Int32(columns), Int32(count), 1,
                                pa.baseAddress! + start * columns, Int32(columns), start == 0 ? 0 : 1,
                                pg.baseAddress, Int32(columns))
                }
            }
            start += count
            if start < rows { try between() }
        }
        g.mirrorUpperTriangle()
        return g
    }

    /// `selfᵀ · self` (dsyrk), symmetric, both triangles filled.
    public func gram() -> Matrix { gram(flopsPerBlock: .infinity) {} }

    /// `alpha · self · selfᵀ` (dsyrk, half the flops of the general product), symmetric, both
    /// triangles filled.
    public func outerGram(alpha: Double = 1) -> Matrix {
        var g = Matrix(rows: rows, columns: rows)
        if rows == 0 || columns == 0 { return g }
        storage.withUnsafeBufferPointer { pa in
            g.storage.withUnsafeMutableBufferPointer { pg in
                cblas_dsyrk(CblasRowMajor, CblasUpper, CblasNoTrans, Int32(rows), Int32(columns), alpha,
                            pa.baseAddress, Int32(columns), 0, pg.baseAddress, Int32(rows))
            }
        }
        g.mirrorUpperTriangle()
        return g
    }
}

extension Matrix {
    /// Copies the upper triangle of a square matrix onto the lower one (dsyrk fills only the upper).
    fileprivate mutating func mirrorUpperTriangle() {
        for i in 0..<rows { for j in 0..<i { self[i, j] = self[j, i] } }
    }
}

/// Dot product of two equal-length vectors (ddot).
public func dot(_ x: [Double], _ y: [Double]) -> Double {
    precondition(x.count == y.count, "dot: lengths \(x.count) and \(y.count) differ")
    return x.withUnsafeBufferPointer { px in
        y.withUnsafeBufferPointer { py in cblas_ddot(Int32(x.count), px.baseAddress, 1, py.baseAddress, 1) }
    }
}

/// `y ← a·x + y` (daxpy).
public func axpy(_ a: Double, _ x: [Double], _ y: inout [Double]) {
    precondition(x.count == y.count, "axpy: lengths differ")
    x.withUnsafeBufferPointer { px in
        y.withUnsafeMutableBufferPointer { py in cblas_daxpy(Int32(x.count), a, px.baseAddress, 1, py.baseAddress, 1) }
    }
}
