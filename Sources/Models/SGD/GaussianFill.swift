// Standard-normal draws in bulk by the ziggurat method (Marsaglia & Tsang 2000, J. Stat.
// Software 5(8)), 256 layers, 52-bit magnitudes from xoshiro256** (one 64-bit word per draw on
// the fast path, taken ~99% of the time). Exact in distribution: rejections fall back to the
// density test and Marsaglia's tail algorithm beyond r = 3.6541528853610088. Used by the SGD
// simulation, where drawing the B×dim minibatch dominates the cost.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NumericCore

/// The ziggurat tables for N(0, 1) with 256 layers.
struct ZigguratTables: Sendable {
    /// Acceptance thresholds on the 52-bit magnitude, per layer.
    var k = [UInt64](repeating: 0, count: 256)
    /// Scale from magnitude to x, per layer.
    var w = [Double](repeating: 0, count: 256)
    /// Density exp(−x²/2) at each layer's edge.
    var f = [Double](repeating: 0, count: 256)

    /// Start of the tail.
    static let r = 3.6541528853610088
    /// Area of each layer.
    static let v = 4.92867323399e-3

    static let shared = ZigguratTables()

    private init() {
        let m = 4503599627370496.0 // 2^52
        var dn = Self.r, tn = dn
        let q = Self.v / exp(-0.5 * dn * dn)
        k[0] = UInt64(dn / q * m); k[1] = 0
        w[0] = q / m; w[255] = dn / m
        f[0] = 1; f[255] = exp(-0.5 * dn * dn)
        for i in stride(from: 254, through: 1, by: -1) {
            dn = (-2 * log(Self.v / dn + exp(-0.5 * dn * dn))).squareRoot()
            k[i + 1] = UInt64(dn / tn * m)
            tn = dn
            f[i] = exp(-0.5 * dn * dn)
            w[i] = dn / m
        }
    }
}

extension Xoshiro256StarStar {
    /// Fills `buffer` with independent N(0, 1) draws (ziggurat). The fast path runs on a local
    /// copy of the generator whose state is four words drawn from `self`, so the stream stays
    /// fixed by the seed while the inner loop keeps the state in registers.
    public mutating func fillGaussians(_ buffer: UnsafeMutableBufferPointer<Double>) {
        let tables = ZigguratTables.shared
        var local = Xoshiro256StarStar(state: (next(), next(), next(), next()))
        tables.k.withUnsafeBufferPointer { k in
            tables.w.withUnsafeBufferPointer { w in
                for i in 0..<buffer.count {
                    let bits = local.next()
                    let layer = Int(bits & 0xFF)
                    let magnitude = (bits >> 12) & 0x000F_FFFF_FFFF_FFFF
                    if magnitude < k[layer] {
                        // The sign bit (bit 8) moved to bit 63: a branch-free ±x.
                        let x = Double(magnitude) * w[layer]
                        buffer[i] = Double(bitPattern: x.bitPattern | ((bits & 0x100) << 55))
                    } else {
                        // The rare path takes the generator by value and returns it: `local` is
                        // never passed inout, so its four words stay in registers in this loop
                        // (passing it spilled them to the stack, a store-to-load forward on every
                        // draw's dependency chain).
                        let rare = Self.slowGaussian(from: local, layer: layer, magnitude: magnitude,
                                                     negative: bits & 0x100 != 0, tables: tables)
                        buffer[i] = rare.value
                        local = rare.generator
                    }
                }
            }
        }
    }
}

extension Xoshiro256StarStar {
    /// The rare branch of the ziggurat: the tail (layer 0) or the wedge test, retrying with
    /// fresh bits on rejection; the draw and the generator after it (by value, see `fillGaussians`).
    @inline(never)
    static func slowGaussian(from generator: Xoshiro256StarStar, layer: Int, magnitude: UInt64, negative: Bool,
                             tables: ZigguratTables) -> (value: Double, generator: Xoshiro256StarStar) {
        var rng = generator
        var layer = layer, magnitude = magnitude, negative = negative
        while true {
            if magnitude < tables.k[layer] {
                let x = Double(magnitude) * tables.w[layer]
                return (negative ? -x : x, rng)
            }
            if layer == 0 {
                var x = 0.0, y = 0.0
                repeat {
                    x = -log(1 - rng.uniform()) / ZigguratTables.r
                    y = -log(1 - rng.uniform())
                } while y + y < x * x
                return (negative ? -(ZigguratTables.r + x) : ZigguratTables.r + x, rng)
            }
            let x = Double(magnitude) * tables.w[layer]
            let edge = tables.f[layer] + rng.uniform() * (tables.f[layer - 1] - tables.f[layer])
            if edge < exp(-0.5 * x * x) { return (negative ? -x : x, rng) }
            let bits = rng.next()
            layer = Int(bits & 0xFF)
            magnitude = (bits >> 12) & 0x000F_FFFF_FFFF_FFFF
            negative = bits & 0x100 != 0
        }
    }
}
