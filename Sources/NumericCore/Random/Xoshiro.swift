#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The seeded generator behind every random draw in Solvable: xoshiro256** (Blackman
/// & Vigna 2018) with its state expanded from a 64-bit seed by SplitMix64, plus
/// uniform and standard-normal draws. Nothing in `Models` touches the system RNG, so
/// a seed fixes every result bit for bit.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    @usableFromInline var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64
    @usableFromInline var spareGaussian: Double?

    /// A generator whose whole stream is fixed by `seed`.
    public init(seed: UInt64) {
        var splitMix = SplitMix64(state: seed)
        s0 = splitMix.next(); s1 = splitMix.next(); s2 = splitMix.next(); s3 = splitMix.next()
        if s0 | s1 | s2 | s3 == 0 { s0 = 0x9E37_79B9_7F4A_7C15 }
    }

    /// A generator continuing from the state words `state` (an all-zero state, which
    /// xoshiro cannot leave, is replaced as in `init(seed:)`): a local copy for a hot
    /// loop, seeded from another stream's next four words.
    public init(state: (UInt64, UInt64, UInt64, UInt64)) {
        (s0, s1, s2, s3) = state
        if s0 | s1 | s2 | s3 == 0 { s0 = 0x9E37_79B9_7F4A_7C15 }
    }

    /// An independent stream for a sub-task (trial `index` of a run seeded `seed`), so
    /// trials give the same numbers however the work is split or ordered.
    public init(seed: UInt64, stream index: UInt64) {
        var mixer = SplitMix64(state: seed ^ (index &* 0xD1B5_4A32_D192_ED03))
        self.init(seed: mixer.next() ^ index)
    }

    /// The next 64 random bits (inlinable: the ziggurat's inner loop calls it per draw).
    @inlinable
    public mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    /// A uniform double in [0, 1) with 53 random bits.
    @inlinable
    public mutating func uniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// A standard normal draw (Marsaglia's polar method; the spare is kept). Inlinable, as
    /// the simulations' context and query loops call it per draw.
    @inlinable
    public mutating func gaussian() -> Double {
        if let spare = spareGaussian { spareGaussian = nil; return spare }
        while true {
            let u = 2 * uniform() - 1
            let v = 2 * uniform() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 {
                let factor = (-2 * log(s) / s).squareRoot()
                spareGaussian = v * factor
                return u * factor
            }
        }
    }

    /// A `rows × columns` matrix of independent N(0, sd²) entries.
    public mutating func gaussianMatrix(rows: Int, columns: Int, standardDeviation sd: Double = 1) -> Matrix {
        Matrix(rows: rows, columns: columns, storage: gaussians(rows * columns, standardDeviation: sd))
    }

    @inlinable @inline(__always)
    func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}

/// SplitMix64 (Steele, Lea & Flood 2014): expands a seed into well-mixed words.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    /// The current state.
    public var state: UInt64
    /// A generator starting at `state`.
    public init(state: UInt64) { self.state = state }
    /// The next 64 bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
