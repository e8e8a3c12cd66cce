import Testing
import NumericCore

/// `gaussians(_:standardDeviation:)` fills in bulk but must give exactly the stream of
/// `gaussian()` called once per entry: the notebooks' quoted numbers depend on it.
struct PolarFillTests {
    /// The per-draw reference: `sd * gaussian()`, `count` times.
    private func oneByOne(_ rng: inout Xoshiro256StarStar, _ count: Int, _ sd: Double) -> [Double] {
        (0..<count).map { _ in sd * rng.gaussian() }
    }

    @Test("bulk draws equal the per-draw stream bit for bit, at every parity and across chunks",
          arguments: [0, 1, 2, 3, 255, 256, 257, 511, 512, 513, 1000, 4097])
    func bulkEqualsOneByOne(count: Int) {
        for startsWithSpare in [false, true] {
            var bulk = Xoshiro256StarStar(seed: 42 &+ UInt64(count))
            if startsWithSpare { _ = bulk.gaussian() }
            var reference = bulk
            let drawn = bulk.gaussians(count, standardDeviation: 0.7)
            let expected = oneByOne(&reference, count, 0.7)
            #expect(drawn.map(\.bitPattern) == expected.map(\.bitPattern))
            // The generators continue identically too (the spare and the state words).
            #expect(bulk.gaussian().bitPattern == reference.gaussian().bitPattern)
            #expect(bulk.next() == reference.next())
        }
    }
}
