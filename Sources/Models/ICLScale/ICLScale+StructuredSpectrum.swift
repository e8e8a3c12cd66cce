import NumericCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Structured covariances (FS, RRS): the spectrum and the one-layer closed forms
//
// Derived here (the equations of Bordelon, Letey & Pehlevan, arXiv 2510.01098, could not be read; its abstract
// names the FS and RRS settings and "source/capacity conditions"). Tokens x ~ N(0, Σ/d), Σ = O Λ Oᵀ with
// λ_k = c k^(−ν), k = 1…d, and c fixed by (1/d) Σ λ_k = 1 (capacity ν; ν = 0 is ISO). Tasks w ~ N(0, O Ω Oᵀ) with
// λ_k Ω_k ∝ λ_k^β and (1/d) Σ λ_k Ω_k = T = 1 (source β: the label's signal variance is 1 as in ISO; β = 1 is
// w ~ N(0, I)/scale). The query loss of an estimate ŵ is ρ + (1/d)(w − ŵ)ᵀ Σ (w − ŵ).
//
// One layer ŵ = Γ b, b = Σ̂ w + n, Σ̂ = (1/K) Σᵢ zᵢzᵢᵀ (zᵢ = √d xᵢ ~ N(0, Σ)), E[nnᵀ | X] = (ρ d/K) Σ̂. With
// Gaussian fourth moments, E[Σ̂ A Σ̂] = Σ A Σ + (1/K)(Σ A Σ + tr(AΣ) Σ) for symmetric A, exact at finite d and K,
// so for Γ = diag(γ) in Σ's eigenbasis (the loss does not see O when Γ commutes with it)
//     E − ρ = T + (1/d) Σ_k [−2 γ_k λ_k² Ω_k + γ_k² λ_k² B_k],   B_k = (1 + 1/K) λ_k Ω_k + (T + ρ) d/K.
// FS learns each γ_k: γ_k = Ω_k/B_k and E = ρ + T − (1/d) Σ_k λ_k² Ω_k² / B_k. RRS learns one γ (a preconditioner
// that must serve every rotation O is a multiple of I): γ = S₂/S₃ and E = ρ + T − S₂²/S₃ with S₂ = (1/d) Σ λ_k² Ω_k,
// S₃ = (1/d) Σ λ_k² B_k. At ν = 0 both are ISO's 1 + ρ − 1/(1 + 1/K + (1 + ρ)/α), whose d → ∞ limit is icl's
// x/(1+x) + ρ. K = ∞ (α = ∞) sets B_k = λ_k Ω_k: FS reaches ρ exactly.

extension ICLScaleModel {
    /// The structured spectrum of `d` modes: eigenvalues λ_k (mean 1), task variances Ω_k ((1/d) Σ λΩ = 1)
    /// and the loss weights m_k = λ_k Ω_k / d (summing to 1).
    struct StructuredSpectrum: Sendable {
        var lambda: [Double]
        var omega: [Double]

        init(d: Int, nu: Double, beta: Double) {
            let raw = (1...d).map { pow(Double($0), -nu) }
            let scale = Double(d) / raw.reduce(0, +)
            lambda = raw.map { $0 * scale }
            let power = lambda.map { pow($0, beta - 1) }
            let signal = zip(lambda, power).map { $0 * $1 }.reduce(0, +) / Double(d)
            omega = power.map { $0 / signal }
        }

        /// m_k = λ_k Ω_k / d, the share of the label signal in mode k.
        var weights: [Double] {
            let d = Double(lambda.count)
            return zip(lambda, omega).map { $0 * $1 / d }
        }

        /// The one-layer loss at K context tokens (K = ∞: α = ∞) after training time t (t = ∞: the end of
        /// training); `perMode` is FS, else RRS. The loss is quadratic in the layer's preconditioner, so its
        /// gradient flow from 0 is closed-form: FS, dγ_k/dt = −d ∂E/∂γ_k (the matrix gradient; one shared γ gets
        /// ISO's flow) gives γ_k = (Ω_k/B_k)(1 − e^(−2λ_k² B_k t)); RRS, dη/dt = −dE/dη, gives η = (S₂/S₃)(1 − e^(−2S₃t)).
        func oneLayerLoss(tokens: Double, rho: Double, perMode: Bool, t: Double = .infinity) -> Double {
            let d = Double(lambda.count), inverseK = tokens.isInfinite ? 0 : 1 / tokens
            var fs = 0.0, s2 = 0.0, s3 = 0.0
            for (l, o) in zip(lambda, omega) {
                let b = (1 + inverseK) * l * o + (1 + rho) * d * inverseK
                let gamma = o / b * (t.isInfinite ? 1 : -expm1(-2 * l * l * b * t))
                fs += l * l * (gamma * gamma * b - 2 * gamma * o)
                s2 += l * l * o
                s3 += l * l * b
            }
            let eta = s2 / s3 * (t.isInfinite ? 1 : -expm1(-2 * s3 / d * t))
            return rho + 1 + (perMode ? fs : eta * eta * s3 - 2 * eta * s2) / d
        }
    }
}
