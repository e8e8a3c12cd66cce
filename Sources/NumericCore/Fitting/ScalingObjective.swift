#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The objective a scaling law is fitted by (Hoffmann et al. 2022, arXiv 2203.15556,
/// Appendix D.2, eq. for the fit of approach 3):
///
///   min_θ Σᵢ wᵢ · ρ(rᵢ),   rᵢ = log L̂ᵢ(θ) − log Lᵢ,
///   log L̂ᵢ = LSE(a − α log Nᵢ, b − β log Dᵢ, e),
///
/// with ρ the Huber loss ρ(r) = r²/2 for |r| ≤ δ, δ(|r| − δ/2) beyond (their δ = 1e-3), or
/// the squared error ρ(r) = r²/2 (`mse`). The weights wᵢ are 1 for a plain fit and the
/// multiplicities of a bootstrap resample, which gives exactly the sum over the resampled
/// runs. The gradient is exact: ∂ log L̂ / ∂uₖ is the softmax weight of term k.
public struct ScalingObjective: Sendable {
    /// The per-run loss ρ.
    public enum Loss: Sendable, Equatable {
        /// Huber loss with threshold δ > 0 on the log residual.
        case huber(delta: Double)
        /// Half the squared log residual.
        case mse
    }

    /// The law.
    public let law: ScalingLaw
    /// The per-run loss.
    public let loss: Loss
    /// log N (or log x) of each run.
    let logFirst: [Double]
    /// log D of each run (chinchilla only).
    let logSecond: [Double]
    /// log L of each run.
    let logLoss: [Double]

    /// The objective for runs with inputs `inputs[k][i]` (k-th input column, run i) and
    /// losses `losses`, all positive and finite (checked by `ScalingFit.fit`).
    public init(law: ScalingLaw, loss: Loss, inputs: [[Double]], losses: [Double]) {
        self.law = law
        self.loss = loss
        logFirst = inputs[0].map { log($0) }
        logSecond = law == .chinchilla ? inputs[1].map { log($0) } : []
        logLoss = losses.map { log($0) }
    }

    /// The number of runs.
    public var count: Int { logLoss.count }

    /// The objective at θ, with its gradient written into `gradient`, over the runs
    /// weighted by `weights` (all 1 when empty).
    public func value(_ theta: [Double], gradient: inout [Double], weights: [Double] = []) -> Double {
        let delta: Double
        switch loss {
        case .huber(let d): delta = d
        case .mse: delta = .infinity
        }
        let weighted = !weights.isEmpty
        var total = 0.0
        switch law {
        case .chinchilla:
            let e = theta[0], a = theta[1], b = theta[2], alpha = theta[3], beta = theta[4]
            var ge = 0.0, ga = 0.0, gb = 0.0, galpha = 0.0, gbeta = 0.0
            logFirst.withUnsafeBufferPointer { ln in logSecond.withUnsafeBufferPointer { ld in
                logLoss.withUnsafeBufferPointer { ll in weights.withUnsafeBufferPointer { w in
                    for i in 0..<ll.count {
                        let weight = weighted ? w[i] : 1
                        if weight == 0 { continue }
                        let u1 = a - alpha * ln[i], u2 = b - beta * ld[i]
                        let m12 = u1 > u2 ? u1 : u2, m = m12 > e ? m12 : e
                        let t1 = exp(u1 - m), t2 = exp(u2 - m), t3 = exp(e - m)
                        let s = t1 + t2 + t3
                        let r = m + log(s) - ll[i]
                        let (rho, slope) = Self.penalty(r, delta)
                        total += weight * rho
                        let c = weight * slope / s
                        ga += c * t1; galpha -= c * t1 * ln[i]
                        gb += c * t2; gbeta -= c * t2 * ld[i]
                        ge += c * t3
                    }
                } }
            } }
            gradient[0] = ge; gradient[1] = ga; gradient[2] = gb; gradient[3] = galpha; gradient[4] = gbeta
        case .offsetPowerlaw:
            let e = theta[0], a = theta[1], alpha = theta[2]
            var ge = 0.0, ga = 0.0, galpha = 0.0
            logFirst.withUnsafeBufferPointer { lx in logLoss.withUnsafeBufferPointer { ll in
                weights.withUnsafeBufferPointer { w in
                    for i in 0..<ll.count {
                        let weight = weighted ? w[i] : 1
                        if weight == 0 { continue }
                        let u1 = a - alpha * lx[i]
                        let m = u1 > e ? u1 : e
                        let t1 = exp(u1 - m), t3 = exp(e - m)
                        let s = t1 + t3
                        let r = m + log(s) - ll[i]
                        let (rho, slope) = Self.penalty(r, delta)
                        total += weight * rho
                        let c = weight * slope / s
                        ga += c * t1; galpha -= c * t1 * lx[i]
                        ge += c * t3
                    }
                }
            } }
            gradient[0] = ge; gradient[1] = ga; gradient[2] = galpha
        }
        return total
    }

    /// ρ(r) and ρ′(r) for threshold δ (δ = ∞ gives r²/2).
    @inline(__always) static func penalty(_ r: Double, _ delta: Double) -> (Double, Double) {
        if abs(r) <= delta { return (0.5 * r * r, r) }
        return (delta * (abs(r) - 0.5 * delta), r > 0 ? delta : -delta)
    }
}
