import NumericCore

// MARK: - Ridge-optimised risk against K

extension Ensemble {
    /// Parameters of `optimal`.
    struct OptimalArguments: ParameterGroup {
        @Option("ensemble sizes to compare (a grid)", range: .counts, sweepable: false)
        var K: [Double]
        @Option("number of training samples", range: NumericRange(lower: 0, lowerInclusive: false, allowsInfinity: true))
        var P = 1000.0
        @Option("total features K·N held fixed (0: the model's K·N)", range: .nonNegative, sweepable: false)
        var total = 0.0
    }

    /// For each K, the ridge λ ≥ 0 minimising the theory risk E_K with N = total/K
    /// features per member, and that minimal excess risk (Ruben et al. 2024, the
    /// no-free-lunch comparison: at fixed K·N the optimum grows with K).
    ///
    /// The minimum is searched over log λ on a grid spanning 1e-12 to 10·tr Λ, refined by
    /// golden-section search, and compared with λ = 0 (ridgeless), to about 1e-6
    /// relative in λ.
    /// - Returns: a theory table: K, N, lambda, test.
    static func optimal(_ model: Parameters, _ arguments: OptimalArguments, _ monitor: WorkMonitor) throws -> Table {
        let (data, noise, _) = try Ridge.setting(model.data)
        let ks = arguments.K
        guard !ks.isEmpty else { throw ModelError.tooFew(parameter: "K", least: 1, noun: "ensemble sizes", purpose: nil) }
        let p = arguments.P
        var total = arguments.total
        if total == 0 { total = Double(model.K) * model.N }
        var lambdas: [Double] = [], risks: [Double] = [], widths: [Double] = []
        for (i, k) in ks.enumerated() {
            try monitor.checkCancelled()
            let n = total / k
            guard n >= 1 else {
                throw ModelError.exceeds(parameter: "K", value: k, bound: "total", limit: total,
                                         reason: "each member needs at least one of the total features")
            }
            let (lambda, risk) = minimise(data: data, P: p, N: n, K: k, noise: noise)
            lambdas.append(lambda)
            risks.append(risk)
            widths.append(n)
            monitor.report(done: i + 1, total: ks.count, label: "optimal ridge")
        }
        return Table(columns: [Table.Column("K", ks), Table.Column("N", widths),
                               Table.Column("lambda", lambdas), Table.Column("test", risks)],
                     caption: "optimal ridge", role: .theory)
    }

    /// The λ minimising the excess E_K, and that minimum.
    static func minimise(data: SpectralData, P: Double, N: Double, K: Double, noise: Double) -> (Double, Double) {
        let sigma2 = noise * noise
        func risk(_ logLambda: Double) -> Double {
            let r = RenormalizedRisk(data: data, P: P, N: N, lambda: exp(logLambda), noise: noise)
            return totalRisk(r, noise: noise, members: K) - sigma2
        }
        let lo = log(1e-12), hi = log(10 * data.eigenvalues.reduce(0, +))
        let steps = 40
        var best = 0, values = [Double]()
        for i in 0...steps {
            values.append(risk(lo + (hi - lo) * Double(i) / Double(steps)))
            if values[i] < values[best] { best = i }
        }
        let h = (hi - lo) / Double(steps)
        var a = lo + h * Double(max(best - 1, 0)), b = lo + h * Double(min(best + 1, steps))
        let g = (5.0.squareRoot() - 1) / 2
        var c = b - g * (b - a), d = a + g * (b - a)
        var fc = risk(c), fd = risk(d)
        while b - a > 1e-6 {
            if fc < fd { b = d; d = c; fd = fc; c = b - g * (b - a); fc = risk(c) }
            else { a = c; c = d; fc = fd; d = a + g * (b - a); fd = risk(d) }
        }
        var bestLambda = exp((a + b) / 2), bestRisk = risk((a + b) / 2)
        if values[best] < bestRisk { bestLambda = exp(lo + h * Double(best)); bestRisk = values[best] }
        let ridgeless = RenormalizedRisk(data: data, P: P, N: N, lambda: 0, noise: noise)
        let ridgelessRisk = totalRisk(ridgeless, noise: noise, members: K) - sigma2
        if ridgelessRisk < bestRisk { return (0, ridgelessRisk) }
        return (bestLambda, bestRisk)
    }

    /// Width-limited theory points per K in `minimise`: 41 grid values of log λ, about 30
    /// golden-section steps from a bracket of two grid steps down to 1e-6, and the ridgeless point.
    static let pointsPerK = 75.0

    /// `pointsPerK` width-limited theory points per K.
    static func optimalEstimate(_ model: Parameters, _ arguments: OptimalArguments) -> WorkEstimate {
        let dim = model.data.modeCount
        let count = Double(arguments.K.count)
        return WorkEstimate(bytes: 24 * dim, seconds: Ridge.widthLimitedPointSecondsPerMode * dim * pointsPerK * count)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
