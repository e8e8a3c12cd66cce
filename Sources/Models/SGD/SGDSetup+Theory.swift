// Exact expected learning curve of online minibatch SGD on Gaussian linear regression.
//
// Bordelon & Pehlevan 2022 (arXiv 2106.02713), mode-wise second moments, re-derived here for
// Gaussian x. With A = (1/B) Σ_i x_i x_iᵀ and C = E[e eᵀ], Isserlis' theorem gives
// E[x xᵀ C x xᵀ] = 2ΛCΛ + Λ Tr(ΛC), hence E[A C A] = ΛCΛ + (ΛCΛ + Λ Tr(ΛC))/B and
//   C' = (I − ηΛ) C (I − ηΛ) + (η²/B) (ΛCΛ + Λ (Tr(ΛC) + σ²)).
// The diagonal closes on itself, c_k = C_kk (C itself is not diagonal: C_0 = w* w*ᵀ):
//   c_k(t+1) = (1 − η_t λ_k)² c_k + (η_t²/B_t) λ_k (λ_k c_k + R_t + σ²),   R_t = Σ_j λ_j c_j,
// which is the formula of the paper; it is exact (no Gaussian-equivalence approximation) for
// Gaussian features, and R_t is the excess risk of the last iterate.
//
// Averaged iterates ē_{n} = (1 − a_n) ē_{n−1} + a_n e_n: with d_k = E[e_k ē_k], m_k = E[ē_k²],
// E[e_{n} ē_{n−1}ᵀ] = (I − ηΛ) E[e_{n−1} ē_{n−1}ᵀ] (the fresh batch is independent), so
//   d' = (1 − a)(1 − ηλ) d + a c',   m' = (1 − a)² m + 2a(1 − a)(1 − ηλ) d + a² c',
// and the averaged iterate's excess risk is Σ λ_k m_k. Exact as well.
//
// Gradient norm: E‖g‖² = (1 + 1/B) Σ λ_k² c_k + (Tr Λ / B)(R + σ²) (same Isserlis step).
// Normalised SGD (`nsgd`) is modelled by the proxy η_eff = η/√E‖g‖² — exact only when ‖g‖
// concentrates (large batch or many comparable modes); the simulation normalises by the actual
// minibatch gradient norm, and tests state the tolerance between the two.
//
// Accuracy: the recursion is evaluated in double precision, O(dim) work per step.

import NumericCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A learning curve sampled at chosen update counts.
public struct SGDCurve: Sendable {
    /// Update counts t at which the curve is reported.
    public var times: [Int]
    /// Samples seen after t updates.
    public var samples: [Double]
    /// Excess risk of the reported (possibly averaged) iterate.
    public var test: [Double]
    /// Its standard error (simulation only; zeros for theory).
    public var testError: [Double]
    /// Excess risk of the last iterate.
    public var last: [Double]
    /// Expected squared norm of the minibatch gradient at iterate t (theory) or its trial mean.
    public var gnorm2: [Double]
    /// Standard error of `gnorm2` (simulation only; empty for theory).
    public var gnorm2Error: [Double] = []
}

extension SGDSetup {
    /// The exact expected learning curve at update counts `times` (sorted, in 0...steps).
    /// - Parameter monitor: polled for cancellation every 256 steps; progress reported.
    /// - Throws: `WorkCancelled` if interrupted; `ModelError.domain` naming `lr` if the expected
    ///   risk overflows (the rate is unstable).
    public func theory(times: [Int], monitor: WorkMonitor = .none) throws -> SGDCurve {
        let n = dim
        var c = zip(lambdas, target).map { _, w in w * w }
        var d = c, m = c
        let averaged = averaging != .none
        let trace = lambdas.reduce(0, +)
        let sigma2 = noise * noise
        var curve = SGDCurve(times: times, samples: [], test: [], testError: [], last: [], gnorm2: [])
        var risk = zip(lambdas, c).reduce(0) { $0 + $1.0 * $1.1 }
        var averagedRisk = risk
        var seen = 0.0
        var next = 0
        let last = times.last ?? 0
        for t in 0...last {
            let batch = self.batch(at: t)
            let needsNorm = normalized || (next < times.count && times[next] == t)
            var g2 = 0.0
            if needsNorm {
                var s = 0.0
                for k in 0..<n { s += lambdas[k] * lambdas[k] * c[k] }
                g2 = (1 + 1 / batch) * s + trace * (risk + sigma2) / batch
            }
            if next < times.count && times[next] == t {
                curve.samples.append(seen)
                curve.test.append(averaged ? averagedRisk : risk)
                curve.last.append(risk)
                curve.gnorm2.append(g2)
                next += 1
            }
            if t == last { break }
            var eta = rates[t]
            if normalized { eta = g2 > 0 ? eta / g2.squareRoot() : 0 }
            let q = eta * eta / batch
            let drive = q * (risk + sigma2)
            if averaged {
                let a = averagingWeight(afterUpdate: t + 1)
                (risk, averagedRisk) = Self.averagedStep(lambdas, &c, &d, &m, eta: eta, q: q, drive: drive, a: a)
            } else {
                risk = Self.step(lambdas, &c, eta: eta, q: q, drive: drive)
            }
            seen += batch
            if !risk.isFinite || !averagedRisk.isFinite { throw divergence(at: t + 1) }
            if t & 255 == 0 {
                try monitor.checkCancelled()
                if t & 65535 == 0 { monitor.report(done: t, total: last, label: "sgd theory") }
            }
        }
        monitor.report(done: last, total: last, label: "sgd theory")
        curve.testError = [Double](repeating: 0, count: curve.test.count)
        return curve
    }

    /// The error for a run whose risk overflowed after `t` updates.
    func divergence(at t: Int) -> ModelError {
        let trace = lambdas.reduce(0, +)
        let b = batches.min() ?? 1
        let bound = 2 / (lambdas[0] * (1 + 2 / b) + trace / b)
        return .domain(parameter: "lr", value: "\(formatParameter(rates.max() ?? 0)) (the risk overflows after \(t) updates)",
                       allowed: "a stable rate; constant-rate SGD here is stable for lr < about \(formatParameter(bound))")
    }

    /// One step of the last-iterate recursion, in place; returns the new risk Σ λ c. Four modes
    /// at a time in SIMD registers, four partial sums (the summation order differs from a plain
    /// loop only at rounding level).
    @inline(__always)
    static func step(_ lambdas: [Double], _ c: inout [Double], eta: Double, q: Double, drive: Double) -> Double {
        lambdas.withUnsafeBufferPointer { l in
            c.withUnsafeMutableBufferPointer { c in
                let n = l.count
                var acc = SIMD4<Double>(repeating: 0)
                let etaV = SIMD4<Double>(repeating: eta), qV = SIMD4<Double>(repeating: q)
                let driveV = SIMD4<Double>(repeating: drive), one = SIMD4<Double>(repeating: 1)
                var k = 0
                while k + 4 <= n {
                    let lk = UnsafeRawPointer(l.baseAddress! + k).loadUnaligned(as: SIMD4<Double>.self)
                    let ck = UnsafeRawPointer(c.baseAddress! + k).loadUnaligned(as: SIMD4<Double>.self)
                    let f = one - etaV * lk
                    let cn = (f * f + qV * lk * lk) * ck + driveV * lk
                    UnsafeMutableRawPointer(c.baseAddress! + k).storeBytes(of: cn, as: SIMD4<Double>.self)
                    acc += lk * cn
                    k += 4
                }
                var risk = acc.sum()
                while k < n {
                    let l0 = l[k], f0 = 1 - eta * l0
                    let c0 = (f0 * f0 + q * l0 * l0) * c[k] + drive * l0
                    c[k] = c0; risk += l0 * c0
                    k += 1
                }
                return risk
            }
        }
    }

    /// One step of the recursion with the averaged-iterate moments d, m; returns (Σ λ c, Σ λ m).
    /// Four modes at a time in SIMD registers, four partial sums, as in `step`.
    @inline(__always)
    static func averagedStep(_ lambdas: [Double], _ c: inout [Double], _ d: inout [Double], _ m: inout [Double],
                             eta: Double, q: Double, drive: Double, a: Double) -> (Double, Double) {
        typealias V = SIMD4<Double>
        let b = 1 - a
        return lambdas.withUnsafeBufferPointer { l in
            c.withUnsafeMutableBufferPointer { c in
                d.withUnsafeMutableBufferPointer { d in
                    m.withUnsafeMutableBufferPointer { m in
                        let n = l.count
                        let etaV = V(repeating: eta), qV = V(repeating: q), driveV = V(repeating: drive)
                        let aV = V(repeating: a), bV = V(repeating: b), one = V(repeating: 1)
                        var riskV = V(), averagedV = V()
                        var k = 0
                        while k + 4 <= n {
                            let lk = UnsafeRawPointer(l.baseAddress! + k).loadUnaligned(as: V.self)
                            let ck = UnsafeRawPointer(c.baseAddress! + k).loadUnaligned(as: V.self)
                            let dk = UnsafeRawPointer(d.baseAddress! + k).loadUnaligned(as: V.self)
                            let mk = UnsafeRawPointer(m.baseAddress! + k).loadUnaligned(as: V.self)
                            let f = one - etaV * lk
                            let cn = (f * f + qV * lk * lk) * ck + driveV * lk
                            let fd = f * dk
                            let mn = bV * bV * mk + 2 * aV * bV * fd + aV * aV * cn
                            UnsafeMutableRawPointer(m.baseAddress! + k).storeBytes(of: mn, as: V.self)
                            UnsafeMutableRawPointer(d.baseAddress! + k).storeBytes(of: bV * fd + aV * cn, as: V.self)
                            UnsafeMutableRawPointer(c.baseAddress! + k).storeBytes(of: cn, as: V.self)
                            riskV += lk * cn
                            averagedV += lk * mn
                            k += 4
                        }
                        var risk = riskV.sum(), averaged = averagedV.sum()
                        while k < n {
                            let lk = l[k], f = 1 - eta * lk
                            let cn = (f * f + q * lk * lk) * c[k] + drive * lk
                            let fd = f * d[k]
                            m[k] = b * b * m[k] + 2 * a * b * fd + a * a * cn
                            d[k] = b * fd + a * cn
                            c[k] = cn
                            risk += lk * cn
                            averaged += lk * m[k]
                            k += 1
                        }
                        return (risk, averaged)
                    }
                }
            }
        }
    }
}
