import NumericCore

// The reduced one-dimensional theory of the peaked softmax head (Liu, Liu, Pehlevan & Gore
// 2026), with its constants derived here.
//
// Line ansatz: W_s = β W_t, so the student's logits are β g with g = W_t x̂. Write the gaps
// Δ_v = g_max − g_v ≥ 0 (Δ = 0 for the top class). Along the line
//   L(β) = E[ Σ_v p_t,v log p_t,v + β E_{p_t}[Δ] + log Σ_v e^{−βΔ_v} ],
//   L'(β) = E[ E_{p_t}[Δ] − E_{p_s}[Δ] ],
// and L'(1/T) = 0 (the teacher itself). Gradient descent W ← W − lr ∇L projected on W_t
// (‖W_t‖²_F = V exactly) is, in continuous time, β̇ = (lr/V)(−L'(β)), so
//   t(β) = (V/lr) ∫₀^β dβ' / (−L'(β')),
// evaluated here by composite Simpson in ln β on a ratio-1.1 grid above β = 0.1 (Simpson in
// β below), with L and L' averaged over `samples` seeded inputs for the teacher of `seed`.
// Window asymptotics: for √(2 ln V) ≪ β ≪ 1/T only the top-two gap Δ₁ matters,
//   L(β) → (1/β) ρ₂(0) ∫₀^∞ ln(1 + e^{−y}) dy = C/β,  C = (π²/12) ρ₂(0),
// with ρ₂ the density of Δ₁; then β³ = 3 lr C t / V and L = C^{2/3} (V/(3 lr t))^{1/3}.
// ρ₂(0) is estimated from the same samples by Richardson extrapolation of the histogram
// ratio F(h)/h at h = 0.1 and 0.05.

extension Peaked {
    /// Per-sample data of the line theory: sorted gaps and the teacher's terms.
    struct LineSamples {
        /// Gaps Δ_v sorted ascending, `classes` per sample (Δ₀ = 0).
        var gaps: [Double]
        /// Σ_v p_t,v log p_t,v per sample.
        var negativeEntropy: [Double]
        /// E_{p_t}[Δ] per sample.
        var teacherGap: [Double]
        var classes: Int
        var count: Int { negativeEntropy.count }

        /// Draws `count` inputs for the teacher of `seed` and tabulates their gaps.
        init(_ c: Configuration, seed: UInt64, count: Int) {
            classes = c.classes
            let w = Peaked.teacher(c, seed: seed)
            var rng = Xoshiro256StarStar(seed: seed, stream: 1_000_000)
            let x = Peaked.inputs(count: count, dim: c.dim, rng: &rng)
            let g = Matrix.gemm(x, w, transposeB: true)
            gaps = []; gaps.reserveCapacity(count * c.classes)
            negativeEntropy = []; teacherGap = []
            for i in 0..<count {
                let row = g.storage[(i * c.classes)..<((i + 1) * c.classes)]
                let top = row.max() ?? 0
                let sorted = row.map { top - $0 }.sorted()
                var z = 0.0, mean = 0.0
                for d in sorted { let e = exp(-d / c.temperature); z += e; mean += d * e }
                // Σ p log p = Σ p (−Δ/T) − log Z.
                negativeEntropy.append(-mean / z / c.temperature - log(z))
                teacherGap.append(mean / z)
                gaps.append(contentsOf: sorted)
            }
        }

        /// L(β), its Monte-Carlo standard error and L'(β) = E[E_{p_t}Δ − E_{p_s}Δ], in one pass.
        func line(_ beta: Double) -> (loss: Double, se: Double, slope: Double) {
            var sum = 0.0, sumSquares = 0.0, slopeSum = 0.0
            gaps.withUnsafeBufferPointer { g in
                for i in 0..<count {
                    var z = 0.0, first = 0.0
                    let base = i * classes
                    for v in 0..<classes {
                        let d = g[base + v]
                        if beta * d > 60 { break }
                        let e = exp(-beta * d)
                        z += e; first += d * e
                    }
                    let l = negativeEntropy[i] + beta * teacherGap[i] + log(z)
                    sum += l; sumSquares += l * l
                    slopeSum += teacherGap[i] - first / z
                }
            }
            let n = Double(count), mean = sum / n
            return (mean, (max(0, sumSquares / n - mean * mean) / (n - 1)).squareRoot(), slopeSum / n)
        }

        /// (π²/12) ρ₂(0) with its standard error, ρ₂ the density of the top-two gap.
        func asymptoticConstant() -> (value: Double, se: Double) {
            let n = Double(count)
            var below1 = 0.0, below2 = 0.0
            let h = 0.1
            for i in 0..<count where classes > 1 {
                let d = gaps[i * classes + 1]
                if d < h { below1 += 1 }
                if d < h / 2 { below2 += 1 }
            }
            // ρ(0) ≈ 2 F(h/2)/(h/2) − F(h)/h, with F the empirical CDF.
            let rho = 2 * below2 / n / (h / 2) - below1 / n / h
            // Poisson counts with the h/2 count inside the h count: Var = (8 N₂ + N₁)/(n h)².
            let varRho = (8 * below2 + below1) / (n * n * h * h)
            let factor = Double.pi * Double.pi / 12
            return (factor * rho, factor * varRho.squareRoot())
        }
    }

    /// t(β) on a grid: β values and the steps needed to reach them under gradient flow,
    /// extended until `maxSteps` is passed or β comes within 0.1% of 1/T.
    static func timeOfBeta(_ samples: LineSamples, _ c: Configuration, maxSteps: Double,
                           monitor: WorkMonitor) throws -> (beta: [Double], steps: [Double]) {
        let scale = Double(c.classes) / c.lr
        let stop = 0.999 / c.temperature
        // [0, 0.1] by Simpson in β (the integrand 1/(−L') is smooth and finite at 0).
        let start = 0.1
        let f0 = 1 / -samples.line(0).slope, fHalf = 1 / -samples.line(start / 2).slope
        let fStart = 1 / -samples.line(start).slope
        var betas = [0.0, start / 2, start]
        var times = [0.0, scale * (start / 2) * (5 * f0 + 8 * fHalf - fStart) / 12,
                     scale * (start / 2) * (f0 + 4 * fHalf + fStart) / 3]
        // Simpson in s = ln β on pairs of panels of width ln 1.1: ∫ β/(−L') ds.
        let h = log(1.1)
        var s = log(start), fPrevious = start * fStart
        while times.last! < maxSteps && exp(s + 2 * h) < stop {
            try monitor.checkCancelled()
            let bMid = exp(s + h), bEnd = exp(s + 2 * h)
            let dMid = -samples.line(bMid).slope, dEnd = -samples.line(bEnd).slope
            guard dMid > 0 && dEnd > 0 else { break }
            let fMid = bMid / dMid, fEnd = bEnd / dEnd
            let base = times.last!
            // The first half panel: the integral of the parabola through the three points.
            times.append(base + scale * h * (5 * fPrevious + 8 * fMid - fEnd) / 12)
            betas.append(bMid)
            times.append(base + scale * h * (fPrevious + 4 * fMid + fEnd) / 3)
            betas.append(bEnd)
            fPrevious = fEnd
            s += 2 * h
        }
        return (betas, times)
    }

    /// β at `steps` by log–log interpolation of the tabulated t(β) (linear below the grid,
    /// the last β beyond it).
    static func beta(at steps: Double, table: (beta: [Double], steps: [Double])) -> Double {
        let (b, t) = table
        if steps <= 0 { return 0 }
        if steps <= t[1] { return b[1] * steps / t[1] }  // linear: β̇ is constant near 0
        guard let j = t.firstIndex(where: { $0 >= steps }) else { return b.last! }
        let x = (log(steps) - log(t[j - 1])) / (log(t[j]) - log(t[j - 1]))
        return exp(log(b[j - 1]) + x * (log(b[j]) - log(b[j - 1])))
    }

    /// `theory`'s parameters.
    struct TheoryArguments: ParameterGroup {
        @OptionGroup var grid = Steps()
        @Option("Monte-Carlo inputs for the averages along the line", range: NumericRange(lower: 100, upper: 1_000_000),
                sweepable: false)
        var samples = 20000
        @OptionGroup var seeding = Seeding()
    }

    /// `constants`' parameters.
    struct ConstantsArguments: ParameterGroup {
        @Option("Monte-Carlo inputs", range: NumericRange(lower: 100, upper: 1_000_000), sweepable: false)
        var samples = 100000
        @OptionGroup var seeding = Seeding()
    }

    static let theoryOperation = ModelOperation(
        name: "theory",
        summary: "reduced one-dimensional theory for SGD: β(t), L(t), the C/β asymptote and the local slope",
        model: Parameters.self, arguments: TheoryArguments.self,
        // About 5.7e-7 s per input and class (1.5 s at the defaults, idle bench/calibrate).
        estimate: { model, arguments in
            let v = Double(model.V), n = Double(arguments.samples)
            return WorkEstimate(bytes: 8 * n * v * 2, seconds: 5.7e-7 * n * v)
        },
        run: { model, arguments, monitor in
            let c = Configuration(model)
            try c.check()
            guard !c.adam else {
                throw ModelError.notSupported(operation: "theory", parameter: "optimizer", value: "adam", supported: "sgd",
                                              reason: "the gradient-flow reduction", alternative: "simulate")
            }
            let steps = try arguments.grid.steps
            let samples = LineSamples(c, seed: arguments.seeding.seed64, count: arguments.samples)
            let grid = try timeOfBeta(samples, c, maxSteps: steps.max() ?? 0, monitor: monitor)
            let constant = samples.asymptoticConstant().value
            var betas: [Double] = [], losses: [Double] = [], asymptote: [Double] = [], slope: [Double] = []
            for t in steps {
                try monitor.checkCancelled()
                let b = beta(at: t, table: grid)
                let (l, _, d) = samples.line(b)
                betas.append(b); losses.append(l)
                asymptote.append(t > 0 ? pow(constant, 2.0 / 3) * pow(Double(c.classes) / (3 * c.lr * t), 1.0 / 3) : .infinity)
                // d ln L/d ln t = (L'/L) t β̇ with β̇ = (lr/V)(−L').
                slope.append(-d * d / l * t * c.lr / Double(c.classes))
            }
            return .table(Table(columns: [Table.Column("t", steps), Table.Column("beta", betas),
                                          Table.Column("test", losses), Table.Column("asymptote", asymptote),
                                          Table.Column("slope", slope)],
                                caption: "theory", role: .theory))
        })

    static let constantsOperation = ModelOperation(
        name: "constants",
        summary: "C = (π²/12)ρ₂(0), ρ₂(0) and the window edges √(2 ln V), 1/(√3 T)",
        model: Parameters.self, arguments: ConstantsArguments.self,
        // About 6e-8 s per input and class (0.77 s at the defaults, idle bench/calibrate).
        estimate: { model, arguments in
            let v = Double(model.V), n = Double(arguments.samples)
            return WorkEstimate(bytes: 8 * 4 * n, seconds: 6e-8 * n * v)
        },
        run: { model, arguments, _ in
            let c = Configuration(model)
            let samples = LineSamples(c, seed: arguments.seeding.seed64, count: arguments.samples)
            let (value, se) = samples.asymptoticConstant()
            return .record([("C", value), ("C_se", se), ("rho2", value * 12 / (Double.pi * Double.pi)),
                            ("beta_low", (2 * log(Double(c.classes))).squareRoot()),
                            ("beta_high", 1 / (3.0.squareRoot() * c.temperature))])
        })
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
