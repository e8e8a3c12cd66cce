import ComplexModule
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The power-law task of the gradient-flow model: feature variances λ_k = k^-alpha and
/// target power λ_k (w*_k)² = k^-(alpha·beta + 1), k = 1..dim, exactly, with no
/// normalisation (the convention; in Bordelon–Atanasov–Pehlevan's notation
/// b = alpha, a = alpha·beta + 1).
///
/// Kept private to the flow model on purpose (see the report): it is the few lines of
/// spectrum code the theory, the simulation and the frontier share.
struct FlowSpectrum: Sendable {
    /// λ_k, decreasing.
    var lambda: [Double]
    /// b_k² = λ_k (w*_k)², the initial test loss carried by mode k.
    var power: [Double]

    /// The power-law spectrum of `dim` modes.
    init(alpha: Double, beta: Double, dim: Int) {
        lambda = (1...dim).map { pow(Double($0), -alpha) }
        let a = alpha * beta + 1
        power = (1...dim).map { pow(Double($0), -a) }
    }

    /// The number of modes M.
    var count: Int { lambda.count }

    /// The initial loss Σ_k λ_k (w*_k)².
    var initialLoss: Double { power.reduce(0, +) }

    /// Σ_k λ_k w_k² e^{-2 λ_k t} (descent: Σ_k λ_k w_k² (1 − ηλ_k)^{2t}): the loss of
    /// training on the population loss with every mode present (N, P → ∞), the
    /// independent limit the theory must recover.
    func infiniteLimit(time t: Double, clock: FlowClock) -> Double {
        var sum = 0.0
        for k in lambda.indices { sum += power[k] * clock.decay(lambda[k], 2 * t) }
        return sum
    }

    /// df1(κ) = Σ λ_k/(λ_k + κ) at a real κ.
    func df1(_ kappa: Double) -> Double {
        var sum = 0.0
        for l in lambda { sum += l / (l + kappa) }
        return sum
    }

    /// The mode sums at a complex κ that the theory needs, in one pass over the modes. Four
    /// modes' terms at a time in SIMD registers, added to the sums in mode order, so the sums
    /// are bit for bit those of a plain loop (the Talbot inversion amplifies rounding changes).
    func moments(_ kappa: Complex<Double>) -> FlowMoments {
        typealias V = SIMD4<Double>
        let n = lambda.count
        return lambda.withUnsafeBufferPointer { l in
            power.withUnsafeBufferPointer { p in
                var df1 = Complex<Double>.zero, df2 = Complex<Double>.zero, b1 = Complex<Double>.zero
                let kr = V(repeating: kappa.real), xi = V(repeating: kappa.imaginary)
                var k = 0
                while k + 4 <= n {
                    let lk = UnsafeRawPointer(l.baseAddress! + k).loadUnaligned(as: V.self)
                    let pk = UnsafeRawPointer(p.baseAddress! + k).loadUnaligned(as: V.self)
                    let xr = lk + kr
                    let den = xr * xr + xi * xi
                    let ir = xr / den, ii = -xi / den               // 1/(λ+κ)
                    let sr = ir * ir - ii * ii, si = 2 * ir * ii    // 1/(λ+κ)²
                    let a = lk * ir, b = lk * ii, c = lk * sr, d = lk * si, e = pk * ir, f = pk * ii
                    for j in 0..<4 {
                        df1.real += a[j]; df1.imaginary += b[j]
                        df2.real += c[j]; df2.imaginary += d[j]
                        b1.real += e[j]; b1.imaginary += f[j]
                    }
                    k += 4
                }
                while k < n {
                    let lk = l[k], pk = p[k]
                    let xr = lk + kappa.real, xi = kappa.imaginary
                    let den = xr * xr + xi * xi
                    let ir = xr / den, ii = -xi / den
                    let sr = ir * ir - ii * ii, si = 2 * ir * ii
                    df1.real += lk * ir; df1.imaginary += lk * ii
                    df2.real += lk * sr; df2.imaginary += lk * si
                    b1.real += pk * ir; b1.imaginary += pk * ii
                    k += 1
                }
                return FlowMoments(df1: df1, dfPrime: df2, b1: b1)
            }
        }
    }
}

/// Mode sums at one κ: df1 = Σ λ/(λ+κ), dfPrime = Σ λ/(λ+κ)² (= −d df1/dκ),
/// b1 = Σ b²/(λ+κ).
struct FlowMoments: Sendable {
    var df1: Complex<Double>
    var dfPrime: Complex<Double>
    var b1: Complex<Double>
}

extension FlowSpectrum {
    /// The sums of the two-level (finite N and P) theory at a complex κ̃ and the real
    /// width floor κ̃₀: S = Σ b²λ/((λ+κ̃₀)(λ+κ̃)) and T = Σ λ/((λ+κ̃₀)(λ+κ̃)).
    /// Four modes' terms at a time (`smithQuotient`), added in mode order: the bits of the
    /// scalar loop.
    func twoLevelSums(_ kappa: Complex<Double>, floor k0: Double) -> (s: Complex<Double>, t: Complex<Double>) {
        typealias V = SIMD4<Double>
        let n = lambda.count
        return lambda.withUnsafeBufferPointer { l in
            power.withUnsafeBufferPointer { p in
                var s = Complex<Double>.zero, t = Complex<Double>.zero
                // Imaginary part 0 + Im κ̃, as Complex(λ) + κ̃ forms it (the sign of a zero included).
                let kr = V(repeating: kappa.real), ki = V(repeating: 0 + kappa.imaginary), floor = V(repeating: k0)
                var k = 0
                while k + 4 <= n {
                    let lk = UnsafeRawPointer(l.baseAddress! + k).loadUnaligned(as: V.self)
                    let pk = UnsafeRawPointer(p.baseAddress! + k).loadUnaligned(as: V.self)
                    let (sr, si) = smithQuotient(lk / (lk + floor), lk + kr, ki)
                    let wr = pk * sr, wi = pk * si
                    for j in 0..<4 {
                        s.real += wr[j]; s.imaginary += wi[j]
                        t.real += sr[j]; t.imaginary += si[j]
                    }
                    k += 4
                }
                while k < n {
                    let lk = l[k]
                    let shared = (lk / (lk + k0)) / (Complex(lk) + kappa)
                    s += p[k] * shared
                    t += shared
                    k += 1
                }
                return (s, t)
            }
        }
    }

    /// Σ b²λ/((λ+κ̃₁)(λ+κ̃₂)), Σ λ/((λ+κ̃₁)(λ+κ̃₂)) and Σ λ²/((λ+κ̃₁)(λ+κ̃₂)), summed
    /// directly: the two-level theory's difference quotients when κ̃₁ ≈ κ̃₂. Four modes' terms
    /// at a time (`smithQuotient`), added in mode order: the bits of the scalar loop (the tail
    /// below). Every operation is symmetric in the two arguments and odd in their imaginary
    /// parts, so swapping them gives the same bits and conjugating both the conjugate bits
    /// (`twoLevelLoss` shares the sums on that).
    func twoLevelPairSums(_ k1: Complex<Double>, _ k2: Complex<Double>) -> PairSums {
        typealias V = SIMD4<Double>
        let n = lambda.count
        return lambda.withUnsafeBufferPointer { l in
            power.withUnsafeBufferPointer { p in
                var weighted = Complex<Double>.zero, first = Complex<Double>.zero, second = Complex<Double>.zero
                // Imaginary parts 0 + Im κ̃, as Complex(λ) + κ̃ forms them.
                let ar = V(repeating: k1.real), ai = V(repeating: 0 + k1.imaginary)
                let br = V(repeating: k2.real), bi = V(repeating: 0 + k2.imaginary)
                var k = 0
                while k + 4 <= n {
                    let lk = UnsafeRawPointer(l.baseAddress! + k).loadUnaligned(as: V.self)
                    let pk = UnsafeRawPointer(p.baseAddress! + k).loadUnaligned(as: V.self)
                    let xr = lk + ar, yr = lk + br
                    let dr = xr * yr - ai * bi, di = xr * bi + ai * yr     // (λ+κ̃₁)(λ+κ̃₂)
                    let (ir, ii) = smithQuotient(lk, dr, di)               // λ/((λ+κ̃₁)(λ+κ̃₂))
                    let wr = pk * ir, wi = pk * ii, sr = lk * ir, si = lk * ii
                    for j in 0..<4 {
                        weighted.real += wr[j]; weighted.imaginary += wi[j]
                        first.real += ir[j]; first.imaginary += ii[j]
                        second.real += sr[j]; second.imaginary += si[j]
                    }
                    k += 4
                }
                while k < n {
                    let lk = l[k]
                    let inverse = lk / ((Complex(lk) + k1) * (Complex(lk) + k2))
                    weighted += p[k] * inverse
                    first += inverse
                    second += lk * inverse
                    k += 1
                }
                return (weighted, first, second)
            }
        }
    }
}
