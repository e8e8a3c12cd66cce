import ComplexModule
import NumericCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Theory of minibatch SGD (batch = B finite), with data repetition at finite P
//
// SGD w ← w − η ĝ, ĝ = (1/B) Σ_{μ∈batch} f_μ(f_μᵀw − y_μ), each step a fresh uniform
// subset of B distinct samples of the P (P = inf: B fresh draws, online). Its batch
// average is full-batch descent, so w = w̄ + ξ with w̄ the descent path of the theory
// above; the batch noise has covariance q[(1/P)Σ f fᵀ r_μ² − ḡḡᵀ], q = (P − B)/(B(P − 1))
// (sampling without replacement; q = 1/B at P = inf, 0 at B = P). Its high-dimensional
// closure (1/P)Σ f fᵀ r_μ² ≍ Ĝ·ℓ(t), ℓ the training loss (homogenised SGD: Paquette,
// Paquette, Adlam & Pennington 2022; the forcing-plus-kernel form of Atanasov, Bordelon,
// Zavatone-Veth, Paquette & Pehlevan 2025, arXiv 2502.05074, whose own equations were not
// readable here: this is derived here and checked against `simulate` in TwoPointSGDTests)
// makes Ξ = E ξξᵀ diagonal in Ĝ's eigenbasis, Ξ_i(t+1) = (1 − ηs_i)²Ξ_i(t) + η²q s_i ℓ(t),
// and gives the discrete Volterra equations
//     ℓ(t)    = ℓ_GD(t)    + η²q Σ_{τ<t} K_train(t−1−τ) ℓ(τ),   K_train(u) = tr Ĝ²(1 − ηĜ)^{2u},
//     test(t) = test_GD(t) + η²q Σ_{τ<t} K_test(t−1−τ) ℓ(τ),   K_test(u)  = tr Σ_F Ĝ(1 − ηĜ)^{2u},
// with Σ_F = AΛAᵀ/N the features' population covariance (Λ at N = inf). The kernels are
// one-point functions inverted on the descent contour (`FlowClock`) at 2u steps from the
// deterministic equivalents Ĝ(Ĝ+z)⁻¹ ≍ Σ_F(Σ_F+κ)⁻¹ (data level) and
// df1_F(κ) ≍ df1(κ̃), κ = κ̃(1 − df1/N) (width level):
//     tr Σ_F Ĝ(Ĝ+z)⁻¹ ≍ Σλ − κ̃ df1 + κ̃ df1²/N,   tr Ĝ²(Ĝ+z)⁻¹ ≍ that + κ df1²/P.
// At P = inf, Ĝ = Σ_F and ℓ = test + σ² (the population residual).
// Kernels and ℓ_GD are evaluated exactly at every step up to 64 and at 20 steps per
// decade beyond, interpolated in log u between (relative error ~1e-3); the convolution
// runs over every step: O(T²) for T steps (t ≤ 1e5).

extension Flow {
    /// The largest step count the SGD theory integrates (its convolution is O(t²)).
    static let stochasticStepLimit = 100_000.0

    /// SGD theory and simulation step through every step: t ≤ 1e5.
    static func checkStepLimit(_ times: [Double]) throws(ModelError) {
        for t in times where t > stochasticStepLimit {
            throw .domain(parameter: "t", value: formatParameter(t), allowed: "t ≤ 100000 steps when batch < P (SGD)")
        }
    }

    /// Memory and time of the SGD theory: the descent forcing at every grid point and
    /// requested step (`theoryCost`), one 24-node kernel transform per grid point (about
    /// 3e-8 s per mode and node), and the O(t²) convolution (about 1e-9 s per term).
    static func stochasticCost(_ p: FlowParameters, times: [Double]) -> WorkEstimate {
        let last = min(times.max() ?? 0, stochasticStepLimit)
        let points = Double(stochasticGrid(Int(last)).count)
        let forcing = theoryCost(p, points: points + Double(times.count))
        let kernels = 24 * 3e-8 * Double(p.dim) * points
        let convolution = 1e-9 * last * (last / 2 + 2 * Double(times.count))
        return WorkEstimate(bytes: forcing.bytes + 40 * last, seconds: forcing.seconds + kernels + convolution)
    }

    /// Test (and train at finite P) of SGD at minibatch B at each requested step.
    static func stochasticLosses(_ p: FlowParameters, times: [Double],
                                 monitor: WorkMonitor) throws -> (test: [Double], train: [Double]) {
        let spectrum = p.spectrum, clock = p.clock
        let last = Int(times.max() ?? 0)
        let grid = stochasticGrid(last)
        let sumLambda = spectrum.lambda.reduce(0, +)
        var sumSquares = 0.0
        for l in spectrum.lambda { sumSquares += l * l }
        var source = [Double](), testKernel = [Double](), trainKernel = [Double]()
        for (index, u) in grid.enumerated() {
            try monitor.checkCancelled()
            source.append(try descentPoint(p, spectrum, step: Double(u)).train)
            if u == 0 {
                // u = 0: tr Σ_F Ĝ and tr Ĝ², the z → ∞ coefficients of the transforms.
                let fromWidth = sumLambda * sumLambda / p.N
                testKernel.append(sumSquares + fromWidth)
                trainKernel.append(sumSquares + fromWidth + sumLambda * sumLambda / p.P)
            } else {
                let rule = clock.rule(time: 2 * Double(u))
                let solved = try solve(rule.nodes, width: p.N, samples: p.P, spectrum)
                var testValues = [Complex<Double>](), trainValues = [Complex<Double>]()
                for (z, node) in zip(rule.nodes, solved) {
                    let kt = node.kappa, df1 = node.moments.df1
                    let test = Complex(sumLambda) - kt * df1 + (1 / p.N) * (kt * df1 * df1)
                    let fromSamples = Complex<Double>.one - (1 / p.P) * df1
                    let fromWidth = Complex<Double>.one - (1 / p.N) * df1
                    let kappa = fromSamples.length >= fromWidth.length ? z / fromSamples : kt * fromWidth
                    testValues.append(test)
                    trainValues.append(test + (1 / p.P) * (kappa * df1 * df1))
                }
                testKernel.append(max(0, rule.invert(testValues)))
                trainKernel.append(max(0, rule.invert(trainValues)))
            }
            monitor.report(done: index + 1, total: grid.count + 1, label: "theory sgd kernels")
        }
        let rate = p.eta * p.eta * p.batchNoise
        let forcing = interpolate(grid, source, upTo: last, logValues: false)
        let kTrain = interpolate(grid, trainKernel, upTo: last, logValues: true)
        let kTest = interpolate(grid, testKernel, upTo: last, logValues: true)
        // ℓ(t) at every step, then the requested times with their exact descent parts.
        var loss = [Double](repeating: 0, count: last + 1)
        for t in 0...last {
            if t % 4096 == 0 { try monitor.checkCancelled() }
            var memory = 0.0
            for tau in 0..<t { memory += kTrain[t - 1 - tau] * loss[tau] }
            let value = forcing[t] + rate * memory
            loss[t] = value.isNaN ? .infinity : value
        }
        var test = [Double](), train = [Double]()
        for t in times {
            let step = Int(t)
            let exact = try descentPoint(p, spectrum, step: t)
            var testMemory = 0.0, trainMemory = 0.0
            for tau in 0..<step {
                testMemory += kTest[step - 1 - tau] * loss[tau]
                trainMemory += kTrain[step - 1 - tau] * loss[tau]
            }
            let testValue = exact.test + rate * testMemory, trainValue = exact.train + rate * trainMemory
            test.append(testValue.isNaN ? .infinity : testValue)
            train.append(trainValue.isNaN ? .infinity : trainValue)
        }
        monitor.report(done: grid.count + 1, total: grid.count + 1, label: "theory sgd kernels")
        return (test, train)
    }

    /// Full-batch descent at one step: test and the training loss ℓ_GD that drives the
    /// noise (at P = inf the population residual test + σ²).
    private static func descentPoint(_ p: FlowParameters, _ spectrum: FlowSpectrum,
                                     step t: Double) throws -> (test: Double, train: Double) {
        if p.P.isFinite {
            return try twoLevelLoss(spectrum, width: p.N, samples: p.P, noise: p.noise, time: t, clock: p.clock)
        }
        let test = try widthLimitedLoss(spectrum, width: p.N, time: t, clock: p.clock)
        return (test, test + p.noise * p.noise)
    }

    /// Steps 0..64 and 20 per decade beyond, up to `last`.
    static func stochasticGrid(_ last: Int) -> [Int] {
        var grid = Array(0...min(last, 64))
        var u = 64.0
        while Int(u) < last {
            u *= pow(10, 1.0 / 20)
            grid.append(min(last, Int(u.rounded())))
        }
        return Array(Set(grid)).sorted()
    }

    /// Values at every step 0...last from the grid's, linear in log u (in log value too
    /// for the positive kernels) between grid points.
    private static func interpolate(_ grid: [Int], _ values: [Double], upTo last: Int, logValues: Bool) -> [Double] {
        var out = [Double](repeating: 0, count: last + 1)
        var j = 0
        for u in 0...last {
            while j + 1 < grid.count && grid[j + 1] < u { j += 1 }
            if grid[j] == u { out[u] = values[j]; continue }
            if j + 1 < grid.count && grid[j + 1] == u { out[u] = values[j + 1]; continue }
            let x0 = log(Double(grid[j])), x1 = log(Double(grid[j + 1]))
            let w = (log(Double(u)) - x0) / (x1 - x0)
            let a = values[j], b = values[j + 1]
            if logValues && a > 0 && b > 0 {
                out[u] = exp((1 - w) * log(a) + w * log(b))
            } else {
                out[u] = (1 - w) * a + w * b
            }
        }
        return out
    }
}
