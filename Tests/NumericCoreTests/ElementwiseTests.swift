import Foundation
import Testing
import NumericCore

/// The vector kernels give exactly (bit for bit) what the scalar Swift expressions in
/// their doc comments give, on lengths that exercise the four-lane body and the tail,
/// and on the edge values (NaN, ±0, ±∞) where a select or a comparison could differ.
@Suite struct ElementwiseTests {
    /// Values with every sign, zeros of both signs, NaN and infinities, then random ones.
    static func values(_ count: Int, seed: UInt64) -> [Double] {
        var rng = Xoshiro256StarStar(seed: seed)
        let edges: [Double] = [0, -0.0, .nan, .infinity, -.infinity, 1e-310, -1e-310, 3, -3]
        return (0..<count).map { $0 < edges.count ? edges[$0] : rng.gaussian() * 10 }
    }

    static func same(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern }
    }

    @Test(arguments: [0, 1, 3, 4, 7, 9, 64, 1027])
    func reluIsSwiftsMax(count: Int) {
        let x = Self.values(count, seed: 1)
        #expect(Self.same(Elementwise.relu(x), x.map { max(0, $0) }))
    }

    @Test(arguments: [0, 1, 3, 4, 7, 9, 64, 1027])
    func maskedAddIsTheScalarLoop(count: Int) {
        let back = Self.values(count, seed: 2), input = Self.values(count, seed: 3).reversed().map { $0 }
        var g = Self.values(count, seed: 4).map { -$0 }
        var expected = g
        for i in 0..<count { expected[i] += input[i] <= 0 ? 0 : back[i] }
        Elementwise.addMasked(back, where: input, to: &g)
        #expect(Self.same(g, expected))
    }

    @Test(arguments: [1, 3, 4, 6, 64, 1027])
    func adamIsTheScalarUpdate(count: Int) {
        var rng = Xoshiro256StarStar(seed: 5)
        var w = rng.gaussians(count), m = rng.gaussians(count, standardDeviation: 0.1)
        var v = rng.gaussians(count, standardDeviation: 0.1).map { $0 * $0 }
        var (w0, m0, v0) = (w, m, v)
        for t in 1...3 {
            let g = rng.gaussians(count, standardDeviation: 0.5)
            let c1 = 1 - pow(0.9, Double(t)), c2 = 1 - pow(0.999, Double(t))
            let (lr, eps) = (0.01, 1e-8)
            for i in 0..<count {
                m0[i] = 0.9 * m0[i] + 0.1 * g[i]
                v0[i] = 0.999 * v0[i] + 0.001 * g[i] * g[i]
                w0[i] -= lr * (m0[i] / c1) / ((v0[i] / c2).squareRoot() + eps)
            }
            Elementwise.adam(&w, first: &m, second: &v, gradient: g, lr: lr, eps: eps, c1: c1, c2: c2)
        }
        #expect(Self.same(w, w0) && Self.same(m, m0) && Self.same(v, v0))
    }

    @Test func singleThreadedBLASGivesTheSameProducts() {
        var rng = Xoshiro256StarStar(seed: 6)
        let a = rng.gaussianMatrix(rows: 120, columns: 120), x = rng.gaussians(120)
        let threaded = a.times(x)
        let single = BLAS.singleThreaded { a.times(x) }
        #expect(Self.same(single, threaded))
    }

    static func signs(rows: Int, columns: Int, seed: UInt64) -> Matrix {
        var rng = Xoshiro256StarStar(seed: seed)
        return Matrix(rows: rows, columns: columns, storage: (0..<(rows * columns)).map { _ in rng.next() & 1 == 0 ? 1 : -1 })
    }

    @Test(arguments: [1, 6, 63, 64, 65, 130, 300])
    func hammingLookupIndexesByTheDistance(columns: Int) {
        let a = Self.signs(rows: 9, columns: columns, seed: 7), b = Self.signs(rows: 11, columns: columns, seed: 8)
        let table = (0...columns).map { Double($0) * 3 + 0.5 }
        var out = [Double](repeating: .nan, count: 4 * b.rows)
        Elementwise.hammingLookup(Elementwise.SignBits(a), rows: 5, count: 4, against: Elementwise.SignBits(b),
                                  table: table, into: &out)
        let expected = (5..<9).flatMap { r in
            (0..<b.rows).map { c in table[(0..<columns).filter { a[r, $0] != b[c, $0] }.count] }
        }
        #expect(Self.same(out, expected))
    }

    /// The Hopfield simulation relies on this: up to OpenBLAS's K block (256) dgemm rounds the
    /// overlap of ±1 rows once, to fl((N − 2h)·fl(1/N)).
    @Test(arguments: [6, 50, 100, 200, 256])
    func overlapTableIsWhatDgemmGives(columns: Int) {
        let x = Self.signs(rows: 40, columns: columns, seed: 9)
        let scale = 1 / Double(columns)
        var out = [Double](repeating: .nan, count: 40 * 40)
        let bits = Elementwise.SignBits(x)
        Elementwise.hammingLookup(bits, rows: 0, count: 40, against: bits,
                                  table: (0...columns).map { Double(columns - 2 * $0) * scale }, into: &out)
        #expect(Self.same(out, Matrix.gemm(x, x, transposeB: true, alpha: scale).storage))
    }
}
