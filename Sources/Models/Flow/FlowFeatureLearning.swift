import NumericCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Feature learning (gamma > 0), online gradient flow
//
// The model of Bordelon, Atanasov & Pehlevan 2024b, "How Feature Learning Can Improve
// Neural Scaling Laws" (arXiv 2409.17858), as set up here (its Fig. 10c: projected
// gradient descent on the first layer, equivalently a trainable N×N layer between the
// frozen projection and the readout):
//     f(ψ) = (1/√N) wᵀ B A ψ,   A ∈ R^{N×M} iid N(0,1) frozen, B(0) = I, w(0) = 0,
//     dw/dt = −∇_w L,   dB/dt = −γ² ∇_B L,   L = ½ E(f − y)² (online: population loss).
// The paper's own equations could not be read here; the reduction below is derived
// from this setup (and checked against brute-force integration of w and B in FlowTests).
// With g = AΛΔ/√N and Δ = w* − v the mode-space error (v = AᵀBᵀw/√N),
// dw/dt = Bg and dB/dt = γ² w gᵀ, so BBᵀ − γ²wwᵀ = I for all t. Hence, for z = Bᵀw,
// BᵀB = I + γ²|w|² ẑẑᵀ and
//     dz/dt = K g + (γ²/K) z (zᵀg),   K = 1 + γ²|w|² = (1 + √(1 + 4γ²|z|²))/2,
// an N-dimensional flow on the frozen features. In the eigenbasis of H = AΛAᵀ/N
// (rates s_i, drive r = Uᵀ A Λ w*/√N) with ζ = Uᵀz, g = r − sζ, and in the time
// τ = ∫K dt the flow reads
//     dζ/dτ = r − sζ + (γ²/K²) ζ ζᵀ(r − sζ),   test = Σ (r_i − s_iζ_i)²/s_i + floor,
// floor = |Λ^{1/2}w*|² − Σ r_i²/s_i (the part of the target no feature explains).
// N = ∞ is H = Λ (s = λ, r = λw*, ζ = v): the exact infinite-width theory. K grows as
// γ|v| when the learned function's norm |v| grows, which it does without bound exactly
// when w* is outside the initial RKHS (Σ w*_k² = ∞, beta < 1): then L ~ t^{-2β/(1+β)}
// instead of the lazy t^{-β} (arXiv 2409.17858, Eq. 10, χ(β) = β max(1, 2/(1+β))).
//
// Integration: exponential time differencing of second order (Cox & Matthews 2002,
// ETD2RK) in τ, the linear part r − sζ exact, steps h = ε(τ + 1/s_max) (ε = 0.02, about
// 115 per decade); t(τ) by the trapezoid rule on 1/K. Each requested t is reached by a
// partial step from the bracketing node (one Newton correction of its length).

/// The online gradient flow with feature-learning strength γ on a frozen feature
/// spectrum (see the comment above): rates s, drives r, and the unexplained floor.
struct FeatureLearningFlow: Sendable {
    /// Rates s_i > 0 of the frozen features' population Hessian.
    var rates: [Double]
    /// Drives r_i (the target's projection on each feature direction).
    var drives: [Double]
    /// |Λ^{1/2}w*|² − Σ r²/s: the loss no feature can remove.
    var floor: Double
    /// γ.
    var gamma: Double
    /// The step fraction ε of the τ grid.
    var step = 0.02

    /// The infinite-width system: s = λ, r = λ w* (= √λ b), no floor.
    init(spectrum: FlowSpectrum, gamma: Double) {
        rates = spectrum.lambda
        drives = zip(spectrum.lambda, spectrum.power).map { ($0 * $1).squareRoot() }
        floor = 0
        self.gamma = gamma
    }

    /// A drawn system from the eigenpairs of its Hessian; modes below 1e-13 of the top
    /// rate are dropped (their drive vanishes with them) and counted in the floor.
    init(rates s: [Double], drives r: [Double], initialLoss: Double, gamma: Double) {
        let top = s.max() ?? 0
        var kept = [Double](), drive = [Double](), explained = 0.0
        for i in s.indices where s[i] > 1e-13 * top {
            kept.append(s[i]); drive.append(r[i]); explained += r[i] * r[i] / s[i]
        }
        rates = kept
        drives = drive
        floor = max(0, initialLoss - explained)
        self.gamma = gamma
    }

    /// K = (1 + √(1 + 4γ²|ζ|²))/2 = 1 + γ²|w|².
    func boost(_ zeta: [Double]) -> Double {
        var norm = 0.0
        for x in zeta { norm += x * x }
        return 0.5 * (1 + (1 + 4 * gamma * gamma * norm).squareRoot())
    }

    /// Test loss Σ (r − sζ)²/s + floor.
    func loss(_ zeta: [Double]) -> Double {
        var sum = floor
        for i in rates.indices { let g = drives[i] - rates[i] * zeta[i]; sum += g * g / rates[i] }
        return sum
    }

    /// The scale (γ²/K²) ζᵀ(r − sζ) of the nonlinear term (γ²/K²) ζ ζᵀ(r − sζ).
    private func nonlinearScale(_ zeta: UnsafeBufferPointer<Double>) -> Double {
        var norm = 0.0, projection = 0.0
        rates.withUnsafeBufferPointer { s in
            drives.withUnsafeBufferPointer { r in
                for i in 0..<s.count {
                    let z = zeta[i]
                    norm += z * z
                    projection += z * (r[i] - s[i] * z)
                }
            }
        }
        let k = 0.5 * (1 + (1 + 4 * gamma * gamma * norm).squareRoot())
        return gamma * gamma / (k * k) * projection
    }

    /// One ETD2RK step of length h in τ.
    func advance(_ zeta: [Double], by h: Double) -> [Double] {
        let n = rates.count
        var predictor = [Double](repeating: 0, count: n), next = predictor, weight = predictor
        let c0 = zeta.withUnsafeBufferPointer { nonlinearScale($0) }
        rates.withUnsafeBufferPointer { s in
            drives.withUnsafeBufferPointer { r in
                predictor.withUnsafeMutableBufferPointer { a in
                    weight.withUnsafeMutableBufferPointer { w in
                        for i in 0..<n {
                            let x = -s[i] * h
                            let em1 = expm1(x)
                            let phi1 = abs(x) < 1e-8 ? 1 + x / 2 : em1 / x
                            w[i] = h * (abs(x) < 1e-4 ? 0.5 + x / 6 + x * x / 24 : (em1 - x) / (x * x))
                            a[i] = (1 + em1) * zeta[i] + h * phi1 * (r[i] + c0 * zeta[i])
                        }
                    }
                }
            }
        }
        let c1 = predictor.withUnsafeBufferPointer { nonlinearScale($0) }
        next.withUnsafeMutableBufferPointer { out in
            for i in 0..<n { out[i] = predictor[i] + weight[i] * (c1 * predictor[i] - c0 * zeta[i]) }
        }
        return next
    }

    /// Test loss at each time t (any order), from ζ = 0.
    func losses(at times: [Double], monitor: WorkMonitor = .none) throws -> [Double] {
        var result = [Double](repeating: 0, count: times.count)
        let order = times.indices.sorted { times[$0] < times[$1] }
        let start = [Double](repeating: 0, count: rates.count)
        let scale = 1 / (rates.max() ?? 1)
        var zeta = start, tau = 0.0, t = 0.0, k = boost(start)
        var next = 0, steps = 0
        while next < order.count {
            let target = times[order[next]]
            if target <= t {
                // Only t = 0 gets here: later targets are met inside a step below.
                result[order[next]] = loss(zeta)
                next += 1
                continue
            }
            let h = step * (tau + scale)
            let candidate = advance(zeta, by: h)
            let kNext = boost(candidate)
            let tNext = t + 0.5 * h * (1 / k + 1 / kNext)
            while next < order.count, times[order[next]] <= tNext {
                let goal = times[order[next]]
                // Partial step h' with t(τ + h') = goal: trapezoid guess, one Newton step.
                var partial = h * (goal - t) / (tNext - t)
                var state = advance(zeta, by: partial)
                let kPartial = boost(state)
                let reached = t + 0.5 * partial * (1 / k + 1 / kPartial)
                partial = max(0, partial + (goal - reached) * kPartial)
                state = advance(zeta, by: partial)
                result[order[next]] = loss(state)
                next += 1
            }
            zeta = candidate; tau += h; t = tNext; k = kNext
            steps += 1
            if steps % 256 == 0 { try monitor.checkCancelled() }
        }
        return result
    }
}
