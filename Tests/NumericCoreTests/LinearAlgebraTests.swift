import Testing
@testable import NumericCore

@Suite struct LinearAlgebraTests {
    @Test func gemmMatchesHandProduct() {
        let a = Matrix(rows: 2, columns: 3, storage: [1, 2, 3, 4, 5, 6])
        let b = Matrix(rows: 3, columns: 2, storage: [7, 8, 9, 10, 11, 12])
        #expect((a * b).storage == [58, 64, 139, 154])
        #expect(Matrix.gemm(a, transposeA: true, a).storage == a.gram().storage)
    }

    /// The blocked Gram matrix (`gram(flopsPerBlock:between:)`, for products that must stop on interrupt): one
    /// block is `gram()` bit for bit; several sum to it within rounding, with `between` run between blocks, and a
    /// throwing `between` stops the product.
    @Test func blockedGramIsTheGramAndStopsBetweenBlocks() throws {
        struct Stop: Error {}
        var rng = Xoshiro256StarStar(seed: 5)
        let a = rng.gaussianMatrix(rows: 100, columns: 6)
        var calls = 0
        let whole = a.gram(flopsPerBlock: 1e9) { calls += 1 }
        #expect(whole.storage.map(\.bitPattern) == a.gram().storage.map(\.bitPattern) && calls == 0)
        let blocked = a.gram(flopsPerBlock: 36 * 16) { calls += 1 }   // 16 rows a block: 7 blocks
        #expect(calls == 6)
        for (x, y) in zip(blocked.storage, a.gram().storage) { #expect(abs(x - y) <= 1e-13 * max(1, abs(y))) }
        for i in 0..<6 { for j in 0..<6 { #expect(blocked[i, j] == blocked[j, i]) } }
        #expect(throws: Stop.self) { _ = try a.gram(flopsPerBlock: 36 * 16) { throw Stop() } }
    }

    /// `outerGram` (dsyrk, no transpose) is α·A·Aᵀ within rounding of the general product, and exactly symmetric.
    @Test func outerGramIsTheScaledProductWithItsTranspose() {
        var rng = Xoshiro256StarStar(seed: 6)
        let a = rng.gaussianMatrix(rows: 7, columns: 40)
        let g = a.outerGram(alpha: 0.25), reference = Matrix.gemm(a, a, transposeB: true, alpha: 0.25)
        #expect(g.rows == 7 && g.columns == 7)
        for (x, y) in zip(g.storage, reference.storage) { #expect(abs(x - y) <= 1e-13 * max(1, abs(y))) }
        for i in 0..<7 { for j in 0..<7 { #expect(g[i, j] == g[j, i]) } }
        #expect(Matrix(rows: 0, columns: 3).outerGram().storage.isEmpty)
    }

    /// `FloatMatrix.transposed` (somatcopy) moves every entry exactly, for a non-square shape too.
    @Test func floatTransposeMovesEveryEntry() {
        let m = FloatMatrix(rows: 2, columns: 3, storage: [1, 2, 3, 4, 5, 6])
        #expect(m.transposed == FloatMatrix(rows: 3, columns: 2, storage: [1, 4, 2, 5, 3, 6]))
        #expect(m.transposed.transposed == m)
        #expect(FloatMatrix(rows: 0, columns: 4).transposed.rows == 4)
    }

    @Test func symmetricEigenOfKnownMatrix() throws {
        let m = Matrix(rows: 2, columns: 2, storage: [2, 1, 1, 2])
        let (values, _) = try m.symmetricEigen()
        #expect(abs(values[0] - 1) < 1e-14 && abs(values[1] - 3) < 1e-14)
    }

    @Test func choleskySolveRecoversSolution() throws {
        let m = Matrix(rows: 2, columns: 2, storage: [4, 1, 1, 3])
        let x = try m.choleskySolve([1, 2])
        #expect(abs(4 * x[0] + x[1] - 1) < 1e-14 && abs(x[0] + 3 * x[1] - 2) < 1e-14)
    }

    @Test func svdReconstructs() throws {
        var rng = Xoshiro256StarStar(seed: 3)
        let a = rng.gaussianMatrix(rows: 5, columns: 3)
        let (u, s, vt) = try a.svd()
        let rebuilt = u * Matrix.diagonal(s) * vt
        for (x, y) in zip(rebuilt.storage, a.storage) { #expect(abs(x - y) < 1e-12) }
    }

    @Test func notPositiveDefiniteThrows() {
        let m = Matrix(rows: 2, columns: 2, storage: [1, 2, 2, 1])
        #expect(throws: LinearAlgebraError.self) { try m.choleskySolve([1, 1]) }
    }
}

@Suite struct RandomTests {
    @Test func seedFixesStream() {
        var a = Xoshiro256StarStar(seed: 42), b = Xoshiro256StarStar(seed: 42)
        #expect((0..<10).map { _ in a.next() } == (0..<10).map { _ in b.next() })
    }

    @Test func gaussianMomentsAreStandard() {
        var rng = Xoshiro256StarStar(seed: 7)
        let n = 200_000
        let xs = rng.gaussians(n)
        let mean = xs.reduce(0, +) / Double(n)
        let variance = xs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(n - 1)
        // Standard errors: 1/sqrt(n) ≈ 0.0022 for the mean, sqrt(2/n) ≈ 0.0032 for the variance.
        #expect(abs(mean) < 0.0022 * 4)
        #expect(abs(variance - 1) < 0.0032 * 4)
    }
}

@Suite struct RootFindingTests {
    @Test func brentFindsSqrtTwo() throws {
        let r = try RootFinding.brent(in: (0, 2)) { $0 * $0 - 2 }
        #expect(abs(r - 2.0.squareRoot()) <= 1e-13 * 2.0.squareRoot())
    }

    @Test func unbracketedRootThrows() {
        #expect(throws: RootFinding.Failure.self) { try RootFinding.brent(in: (0, 1)) { $0 * $0 + 1 } }
    }

    @Test func expandingBracketFindsLargeRoot() throws {
        let r = try RootFinding.brentExpanding(lower: 0, guess: 1) { $0 - 1e6 }
        #expect(abs(r - 1e6) <= 1e-7)
    }
}
