import NumericCore

// The generated variance of a linear diffusion model along training, mode by mode
// (Wang & Pehlevan 2025, arXiv 2503.03206: gradient flow of a linear denoiser decouples along the
// data's principal components, and the probability-flow ODE of a linear denoiser is linear per mode).
// Derived here for the EDM parameterisation (Karras et al. 2022, arXiv 2206.00364, Table 1):
// with W = c_skip + c_out c_in V and loss (1/c_out²) E‖W y − x‖² = (1/c_out²)[(w − 1)²λ + w²σ²] per mode,
// one descent step on V moves w by −2 lr c_in² ((λ + σ²) w − λ), so
//   w(t) = w* + (c_skip − w*) (1 − ρ)^t,   w* = λ/(λ + σ²),   ρ = 2 lr (λ + σ²)/(σ² + σd²).
// Heun's step σ → σ' = σ + h on dx/dσ = (1 − w(σ)) x/σ multiplies a mode by
//   g = 1 + (h/2) (d + d' (1 + h d)),   d = (1 − w(σ))/σ,   d' = (1 − w(σ'))/σ',
// so the generated variance is σmax² Π g². In the continuum of levels (K → ∞) it is
// σmax² exp(−2 ∫_σmin^σmax (1 − w)/σ dσ): σmax² (σmin² + σd²)/(σmax² + σd²) at t = 0 (w = c_skip) and
// σmax² (σmin² + λ)/(σmax² + λ) as t → ∞ (w = w*), the data variance when σmin → 0 and σmax → ∞.

extension Diffusion {
    /// `theory`'s parameters.
    struct TheoryArguments: ParameterGroup {
        @OptionGroup var grid = Peaked.Steps()
    }

    /// `learningtime`'s parameters.
    struct LearningTimeArguments: ParameterGroup {
        @Option("relative distance |v/v∞ − 1| below which a mode counts as learned",
                range: NumericRange(lower: 0, lowerInclusive: false, upper: 1, upperInclusive: false))
        var tolerance = 0.1
    }

    /// The denoiser gain w of a mode of variance `lambda` at noise level `sigma` after `steps`
    /// descent steps (any real `steps` ≥ 0, or infinity for the optimum λ/(λ + σ²)).
    static func gain(lambda: Double, sigma: Double, steps: Double, _ c: Configuration) -> Double {
        let (cIn2, cSkip) = c.preconditioning(sigma)
        let s2 = sigma * sigma
        let optimum = lambda / (lambda + s2)
        let contraction = 1 - 2 * c.lr * (lambda + s2) * cIn2
        return optimum + (cSkip - optimum) * pow(max(0, contraction), steps)
    }

    /// The Heun sampler's amplitude gain Π_j g_j for per-level denoiser gains `w` on `sigmas`.
    static func samplerGain(_ w: [Double], sigmas: [Double]) -> Double {
        var product = 1.0
        for j in 0..<(sigmas.count - 1) {
            let s = sigmas[j], next = sigmas[j + 1], h = next - s
            let d = (1 - w[j]) / s, dNext = (1 - w[j + 1]) / next
            product *= 1 + h / 2 * (d + dNext * (1 + h * d))
        }
        return product
    }

    /// The generated variance of a mode of training variance `lambda` after `steps` steps.
    static func generatedVariance(lambda: Double, steps: Double, _ c: Configuration, sigmas: [Double]) -> Double {
        let g = samplerGain(sigmas.map { gain(lambda: lambda, sigma: $0, steps: steps, c) }, sigmas: sigmas)
        return c.sigmaMax * c.sigmaMax * g * g
    }

    static let theoryOperation = ModelOperation.table(
        "theory", "exact per-mode generated variance of the population model after t steps (and its t → ∞ limit)",
        model: Parameters.self, arguments: TheoryArguments.self,
        // About 2.5e-8 s per mode, time and level (0.57 s of CPU for dim 256, K 4096, 26 times).
        estimate: { model, arguments in
            let c = Configuration(model)
            let rows = Double(c.dim) * Double(arguments.grid.t.count + 1)
            return WorkEstimate(bytes: 8 * 6 * rows, seconds: 2.5e-8 * rows * Double(c.levels))
        }) { model, arguments, monitor in
            let c = Configuration(model)
            try c.check()
            let steps = try arguments.grid.steps
            let sigmas = c.sigmas
            var variance: [[Double]] = [], limit: [[Double]] = []
            for lambda in c.spectrum {
                try monitor.checkCancelled()
                variance.append(steps.map { generatedVariance(lambda: lambda, steps: $0, c, sigmas: sigmas) })
                let end = generatedVariance(lambda: lambda, steps: .infinity, c, sigmas: sigmas)
                limit.append([Double](repeating: end, count: steps.count))
            }
            return modeTable(steps: steps, spectrum: c.spectrum, variance: variance, extra: [("limit", limit)],
                             caption: "theory", role: .theory)
        }

    /// Steps until a mode's generated variance is within `tolerance` of its limit (bisection on
    /// real step counts; the approach is monotone because every level's gain moves monotonically
    /// from c_skip towards w*, all in the same direction).
    static func learningTime(lambda: Double, tolerance: Double, _ c: Configuration, sigmas: [Double]) throws -> Double {
        let end = generatedVariance(lambda: lambda, steps: .infinity, c, sigmas: sigmas)
        func learned(_ t: Double) -> Bool {
            abs(generatedVariance(lambda: lambda, steps: t, c, sigmas: sigmas) / end - 1) <= tolerance
        }
        if learned(0) { return 0 }
        var high = 1.0
        while !learned(high) {
            high *= 2
            guard high < 1e15 else {
                throw ModelError.domain(parameter: "lr", value: formatParameter(c.lr),
                                        allowed: "a rate at which λ = \(formatParameter(lambda)) is learned within 1e15 steps")
            }
        }
        var low = high / 2 < 1 ? 0 : high / 2
        for _ in 0..<60 where high - low > 1e-9 * high {
            let middle = (low + high) / 2
            if learned(middle) { high = middle } else { low = middle }
        }
        return high
    }

    static let learningTimeOperation = ModelOperation.table(
        "learningtime", "each mode's steps until its generated variance stays within tolerance of its limit, and time × λ",
        model: Parameters.self, arguments: LearningTimeArguments.self,
        // About 80 variance evaluations per mode (doubling, then bisection), each 2.5e-8 s per level.
        estimate: { model, _ in
            let c = Configuration(model)
            return WorkEstimate(bytes: 8 * 4 * Double(c.dim), seconds: 2.5e-8 * 80 * Double(c.dim * c.levels))
        }) { model, arguments, monitor in
            let c = Configuration(model)
            try c.check()
            let sigmas = c.sigmas
            var times: [Double] = []
            for lambda in c.spectrum {
                try monitor.checkCancelled()
                times.append(try learningTime(lambda: lambda, tolerance: arguments.tolerance, c, sigmas: sigmas))
            }
            return Table(columns: [Table.Column("mode", (1...c.dim).map(Double.init)), Table.Column("lambda", c.spectrum),
                                   Table.Column("time", times),
                                   Table.Column("time_lambda", zip(times, c.spectrum).map { $0 * $1 })],
                         caption: "learning time", role: .theory)
        }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
