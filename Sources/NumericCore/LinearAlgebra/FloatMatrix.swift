import COpenBLAS
import CKernels

/// A dense row-major matrix of `Float`, for work that trains in single precision as
/// PyTorch does (the MLP trainer): half the memory traffic of `Matrix` and twice the
/// vector width, with products on OpenBLAS's sgemm/sgemv. Rounded from and back to
/// `Matrix` where the rest of NumericCore (double precision) takes over.
public struct FloatMatrix: Sendable, Equatable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// Entries, row after row.
    public var storage: [Float]

    /// A matrix from its row-major entries.
    public init(rows: Int, columns: Int, storage: [Float]) {
        precondition(storage.count == rows * columns, "FloatMatrix: \(storage.count) entries for \(rows) × \(columns)")
        self.rows = rows
        self.columns = columns
        self.storage = storage
    }

    /// A zero matrix.
    public init(rows: Int, columns: Int) {
        self.init(rows: rows, columns: columns, storage: [Float](repeating: 0, count: rows * columns))
    }

    /// `m` rounded to single precision.
    public init(_ m: Matrix) {
        self.init(rows: m.rows, columns: m.columns, storage: m.storage.map { Float($0) })
    }

    /// The entries widened to double precision.
    public var doubles: Matrix { Matrix(rows: rows, columns: columns, storage: storage.map { Double($0) }) }

    /// The transpose (OpenBLAS's somatcopy).
    public var transposed: FloatMatrix {
        var t = FloatMatrix(rows: columns, columns: rows, storage: .init(unsafeUninitializedCapacity: rows * columns) { $1 = rows * columns })
        if rows == 0 || columns == 0 { return t }
        storage.withUnsafeBufferPointer { source in
            t.storage.withUnsafeMutableBufferPointer { target in
                cblas_somatcopy(CblasRowMajor, CblasTrans, Int32(rows), Int32(columns), 1,
                                source.baseAddress, Int32(columns), target.baseAddress, Int32(rows))
            }
        }
        return t
    }

    /// `alpha · op(a) · op(b) + beta · c` (sgemm), where op transposes when asked.
    public static func gemm(_ a: FloatMatrix, transposeA: Bool = false, _ b: FloatMatrix, transposeB: Bool = false,
                            alpha: Float = 1, beta: Float = 0, into c: FloatMatrix? = nil) -> FloatMatrix {
        let m = transposeA ? a.columns : a.rows
        let k = transposeA ? a.rows : a.columns
        let kb = transposeB ? b.columns : b.rows
        let n = transposeB ? b.rows : b.columns
        precondition(k == kb, "sgemm: inner dimensions \(k) and \(kb) differ")
        if c == nil && k == 0 { return FloatMatrix(rows: m, columns: n) }
        // A new output is left unfilled: sgemm with beta = 0 writes every entry without reading it.
        var result = c ?? FloatMatrix(rows: m, columns: n, storage: .init(unsafeUninitializedCapacity: m * n) { $1 = m * n })
        precondition(result.rows == m && result.columns == n, "sgemm: output has the wrong shape")
        if m == 0 || n == 0 { return result }
        if k == 0 { for i in result.storage.indices { result.storage[i] *= beta }; return result }
        a.storage.withUnsafeBufferPointer { pa in
            b.storage.withUnsafeBufferPointer { pb in
                result.storage.withUnsafeMutableBufferPointer { pc in
                    cblas_sgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans,
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

    /// `op(self) · x` (sgemv).
    public func times(_ x: [Float], transposed: Bool = false) -> [Float] {
        let outCount = transposed ? columns : rows
        precondition(x.count == (transposed ? rows : columns), "sgemv: vector has \(x.count) entries")
        var y = [Float](repeating: 0, count: outCount)
        if rows == 0 || columns == 0 { return y }
        storage.withUnsafeBufferPointer { pa in
            x.withUnsafeBufferPointer { px in
                y.withUnsafeMutableBufferPointer { py in
                    cblas_sgemv(CblasRowMajor, transposed ? CblasTrans : CblasNoTrans, Int32(rows), Int32(columns),
                                1, pa.baseAddress, Int32(columns), px.baseAddress, 1, 0, py.baseAddress, 1)
                }
            }
        }
        return y
    }
}
