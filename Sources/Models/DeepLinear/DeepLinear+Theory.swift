import NumericCore

// Mode-by-mode theory of deep linear learning dynamics from a small balanced start.
//
// Two layers (Saxe, McClelland & Ganguli 2013, arXiv 1312.6120, Eqs. (5)-(7)): a mode of
// strength u = ab with balanced a = b obeys τu̇ = 2u(s − u), solved in closed form by
//   u(t) = s e^{2st/τ} / (e^{2st/τ} − 1 + s/u₀),
// with learning time from u₀ to u_f of (τ/2s) ln[u_f(s − u₀) / (u₀(s − u_f))].
// Depth L: a balanced mode (every layer's factor equal, u = a^L) obeys
//   τu̇ = L u^{2−2/L} (s − u)
// (Saxe et al. 2013, Sec. 3; the singular-value form of the end-to-end dynamics of Arora,
// Cohen & Hazan 2018, arXiv 1802.06509, and Arora et al. 2019, arXiv 1905.13655, Thm. 3),
// integrated here by classical RK4 in w = ln u with steps of at most 0.01 in |ẇ|·h, which
// keeps the relative error below 1e-8 on the grids the notebooks use. τ = 1 throughout.

extension DeepLinear {
    /// Saxe et al. 2013 Eq. (7): the two-layer mode strength at time `t` (τ = 1) from `u0`.
    /// - Parameters:
    ///   - s: the teacher singular value of the mode.
    ///   - u0: the initial strength (> 0).
    ///   - t: time (τ = 1).
    /// - Returns: u(t); tends to `s` as t → ∞.
    public static func twoLayerStrength(s: Double, u0: Double, t: Double) -> Double {
        // Written with e^{-2st} so that large t cannot overflow.
        let decay = exp(-2 * s * t)
        return s / (1 - decay + (s / u0) * decay)
    }

    /// The time (τ = 1) for a two-layer balanced mode to grow from `u0` to `uf` (Saxe et al.
    /// 2013, the learning-time formula below Eq. (7)): (1/2s) ln[u_f(s − u₀)/(u₀(s − u_f))].
    public static func twoLayerLearningTime(s: Double, u0: Double, uf: Double) -> Double {
        log(uf * (s - u0) / (u0 * (s - uf))) / (2 * s)
    }

    /// The balanced depth-L ODE τu̇ = L u^{2−2/L}(s − u) integrated by RK4 in w = ln u.
    /// - Parameters:
    ///   - depth: L ≥ 1.
    ///   - s: the teacher singular value.
    ///   - u0: the initial strength (> 0).
    ///   - times: output times, any order, ≥ 0.
    /// - Returns: u at each of `times`.
    public static func balancedStrength(depth: Int, s: Double, u0: Double, times: [Double]) -> [Double] {
        let l = Double(depth)
        // ẇ = L u^{1−2/L} (s − u) with u = e^w.
        func rate(_ w: Double) -> Double {
            let u = exp(w)
            return l * pow(u, 1 - 2 / l) * (s - u)
        }
        let order = times.indices.sorted { times[$0] < times[$1] }
        var result = [Double](repeating: u0, count: times.count)
        var w = log(u0), t = 0.0
        for index in order {
            let target = times[index]
            while t < target {
                // |ẇ| + L u^{2−2/L} bounds both the speed and the Jacobian |∂ẇ/∂w| here, so the
                // step is as short as accuracy and stability need at this point of the path,
                // not everywhere (a global bound made u₀ ≫ s take billions of steps).
                let u = exp(w)
                let h = min(0.01 / (abs(rate(w)) + l * pow(u, 2 - 2 / l) + 1e-300), target - t)
                let k1 = rate(w), k2 = rate(w + h / 2 * k1), k3 = rate(w + h / 2 * k2), k4 = rate(w + h * k3)
                let next = w + h / 6 * (k1 + 2 * k2 + 2 * k3 + k4)
                // A step that leaves w unchanged has reached the fixed point u = s in double
                // precision, and every later step would too: jump to the target time.
                if next == w { t = target; break }
                w = next
                t += h
            }
            result[index] = exp(w)
        }
        return result
    }

    /// The time for a balanced depth-L mode to grow from `u0` to `uf` (between u₀ and s):
    /// t = ∫ du / (L u^{2−2/L}(s − u)), by composite Simpson in w = ln u over 4000 panels.
    public static func balancedLearningTime(depth: Int, s: Double, u0: Double, uf: Double) -> Double {
        let l = Double(depth)
        let a = log(u0), b = log(uf), n = 4000
        let h = (b - a) / Double(n)
        func integrand(_ w: Double) -> Double {
            let u = exp(w)
            return 1 / (l * pow(u, 1 - 2 / l) * (s - u))
        }
        var sum = integrand(a) + integrand(b)
        for i in 1..<n { sum += (i % 2 == 1 ? 4 : 2) * integrand(a + Double(i) * h) }
        return sum * h / 3
    }

    // MARK: - Operations

    /// `theory`'s parameters.
    struct TheoryArguments: ParameterGroup {
        @Option("times (τ = 1, i.e. lr × steps)", range: .nonNegative, sweepable: false)
        var t: [Double] = (0...40).map { Double($0) / 8 }
    }

    /// `learningtime`'s parameters.
    struct LearningTimeArguments: ParameterGroup {
        @Option("target strength as a fraction of s",
                range: NumericRange(lower: 0, lowerInclusive: false, upper: 1, upperInclusive: false))
        var fraction = 0.9
    }

    static let theoryOperation = ModelOperation.table(
        "theory", "mode strengths u(t): closed form (depth 2) or the balanced ODE (any depth)",
        model: Parameters.self, arguments: TheoryArguments.self,
        estimate: { model, arguments in theoryCost(Configuration(model), points: Double(arguments.t.count)) }) { model, arguments, monitor in
            let c = Configuration(model)
            try c.check()
            let times = try timeGrid(arguments.t)
            var u: [[Double]] = []
            for s in c.singular {
                try monitor.checkCancelled()
                if c.depth == 2 {
                    u.append(times.map { twoLayerStrength(s: s, u0: c.init0, t: $0) })
                } else {
                    u.append(balancedStrength(depth: c.depth, s: s, u0: c.init0, times: times))
                }
            }
            return modeTable(times: times, singular: c.singular, u: u, se: nil, caption: "theory", role: .theory)
        }

    /// Memory and time of `theory`: the long table (t, mode, target, u) holds
    /// modes × times rows, built from per-mode curves; each row costs a closed form
    /// (depth 2) or a stretch of the ODE (measured by bench/calibrate).
    static func theoryCost(_ c: Configuration, points: Double) -> WorkEstimate {
        let rows = Double(c.singular.count) * points
        return WorkEstimate(bytes: 8 * 10 * rows, seconds: (c.depth == 2 ? 5e-8 : 4.2e-7) * rows)
    }

    static let learningTimeOperation = ModelOperation(
        name: "learningtime",
        summary: "each mode's time to grow from u₀ to fraction × s (and the 10–90% rise time)",
        model: Parameters.self, arguments: LearningTimeArguments.self,
        run: { model, arguments, _ in
            let c = Configuration(model)
            try c.check()
            let fraction = arguments.fraction
            var modes: [Double] = [], targets: [Double] = [], times: [Double] = [], rises: [Double] = []
            for (k, s) in c.singular.enumerated() {
                let uf = fraction * s
                guard c.init0 < uf else {
                    throw ModelError.domain(parameter: "fraction", value: formatParameter(fraction),
                                            allowed: "fraction × s > init for every mode (mode \(k + 1) has s = \(formatParameter(s)))")
                }
                let time = c.depth == 2 ? twoLayerLearningTime(s: s, u0: c.init0, uf: uf)
                    : balancedLearningTime(depth: c.depth, s: s, u0: c.init0, uf: uf)
                let rise = c.depth == 2 ? log(81) / (2 * s)
                    : balancedLearningTime(depth: c.depth, s: s, u0: 0.1 * s, uf: 0.9 * s)
                modes.append(Double(k + 1)); targets.append(s); times.append(time); rises.append(rise)
            }
            return .table(Table(columns: [Table.Column("mode", modes), Table.Column("target", targets),
                                          Table.Column("time", times), Table.Column("rise", rises)],
                                caption: "learning time", role: .theory))
        })
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
