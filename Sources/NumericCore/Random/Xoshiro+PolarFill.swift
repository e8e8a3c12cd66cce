#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Xoshiro256StarStar {
    /// `count` independent N(0, sd²) draws: bit for bit `sd * gaussian()` called `count` times
    /// (the same polar pairs, the spare taken first and left over when `count` is odd), computed
    /// in two passes per chunk of pairs. The first draws the accepted points (u, v, s) without a
    /// branch on acceptance; the second takes the logarithms, which no longer depend on the
    /// generator's chain or wait behind a mispredicted rejection (a fifth of the points), so they
    /// overlap one another. Both run on a local copy of the generator, kept in registers.
    public mutating func gaussians(_ count: Int, standardDeviation sd: Double = 1) -> [Double] {
        guard count > 0 else { return [] }
        var rng = self
        defer { self = rng }
        let chunk = min(256, (count + 1) / 2)
        let points = UnsafeMutablePointer<Double>.allocate(capacity: 3 * (chunk + 1))
        defer { points.deallocate() }
        let u = points, v = points + (chunk + 1), s = points + 2 * (chunk + 1)
        return [Double](unsafeUninitializedCapacity: count) { out, initialized in
            var filled = 0
            if let spare = rng.spareGaussian {
                rng.spareGaussian = nil
                out[0] = sd * spare
                filled = 1
            }
            var pairsLeft = (count - filled + 1) / 2
            while pairsLeft > 0 {
                let pairs = min(chunk, pairsLeft)
                var accepted = 0
                while accepted < pairs {   // a rejected point is overwritten by the next
                    let x = 2 * rng.uniform() - 1, y = 2 * rng.uniform() - 1, r = x * x + y * y
                    u[accepted] = x; v[accepted] = y; s[accepted] = r
                    accepted += r > 0 && r < 1 ? 1 : 0
                }
                for j in 0..<pairs {
                    let factor = (-2 * log(s[j]) / s[j]).squareRoot()
                    out[filled] = sd * (u[j] * factor)
                    if filled + 1 < count { out[filled + 1] = sd * (v[j] * factor) } else { rng.spareGaussian = v[j] * factor }
                    filled += 2
                }
                pairsLeft -= pairs
            }
            initialized = count
        }
    }
}
