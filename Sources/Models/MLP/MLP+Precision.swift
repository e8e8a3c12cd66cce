import NumericCore

/// The matrix type a residual MLP computes in: `Matrix` (double precision, the reference
/// whose gradients the tests check by finite differences) or `FloatMatrix` (single precision,
/// the trainer's: sgemm and float Adam, as PyTorch trains, about twice the speed).
protocol MLPMatrix {
    associatedtype Scalar: BinaryFloatingPoint
    var rows: Int { get }
    var columns: Int { get }
    var storage: [Scalar] { get set }
    init(rows: Int, columns: Int, storage: [Scalar])
    /// `m` in this precision.
    init(_ m: Matrix)
    /// The entries in double precision.
    var doubles: Matrix { get }
    /// The transpose.
    var transposed: Self { get }
    static func gemm(_ a: Self, transposeA: Bool, _ b: Self, transposeB: Bool,
                     alpha: Scalar, beta: Scalar, into c: Self?) -> Self
    func times(_ x: [Scalar], transposed: Bool) -> [Scalar]
    static func relu(_ x: [Scalar]) -> [Scalar]
    static func addMasked(_ back: [Scalar], where input: [Scalar], to g: inout [Scalar])
    static func adam(_ w: inout [Scalar], first m: inout [Scalar], second v: inout [Scalar], gradient g: [Scalar],
                     lr: Scalar, eps: Scalar, c1: Scalar, c2: Scalar)
}

extension Matrix: MLPMatrix {
    init(_ m: Matrix) { self = m }
    var doubles: Matrix { self }
    static func relu(_ x: [Double]) -> [Double] { Elementwise.relu(x) }
    static func addMasked(_ back: [Double], where input: [Double], to g: inout [Double]) {
        Elementwise.addMasked(back, where: input, to: &g)
    }
    static func adam(_ w: inout [Double], first m: inout [Double], second v: inout [Double], gradient g: [Double],
                     lr: Double, eps: Double, c1: Double, c2: Double) {
        Elementwise.adam(&w, first: &m, second: &v, gradient: g, lr: lr, eps: eps, c1: c1, c2: c2)
    }
}

extension FloatMatrix: MLPMatrix {
    static func relu(_ x: [Float]) -> [Float] { Elementwise.relu(x) }
    static func addMasked(_ back: [Float], where input: [Float], to g: inout [Float]) {
        Elementwise.addMasked(back, where: input, to: &g)
    }
    static func adam(_ w: inout [Float], first m: inout [Float], second v: inout [Float], gradient g: [Float],
                     lr: Float, eps: Float, c1: Float, c2: Float) {
        Elementwise.adam(&w, first: &m, second: &v, gradient: g, lr: lr, eps: eps, c1: c1, c2: c2)
    }
}
