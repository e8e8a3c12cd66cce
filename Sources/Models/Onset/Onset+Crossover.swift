#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NumericCore

// MARK: - P*: the onset of variance-limited behaviour

extension Onset {
    /// Parameters of `pstar`.
    struct OnsetWidths: ParameterGroup {
        @Option("widths to solve P* at (a grid; inf: no variance, P* = inf)",
                range: NumericRange(lower: 1, allowsInfinity: true), sweepable: false)
        var N: [Double]
    }

    /// Scan points per decade of P, and the scan's end as a multiple of N.
    static let pointsPerDecade = 16.0, scanEnd = 1000.0

    /// For each width N, the first P where the variance over initialisations divided by
    /// the ensemble size overtakes the bias-limited excess, V(P)/E = E_∞(P) − σ²
    /// (Atanasov et al. 2022: the sample size after which the finite-width model falls
    /// behind its infinite-width limit, here its ensemble average). The gap is scanned on
    /// a log grid of P from 1 to 1000·N (16 points a decade) and the first sign change
    /// refined by bisection in log P to 1e-10 relative; P* = 1 if V/E already wins at
    /// P = 1, inf if it never does. slope is the least-squares exponent of P* against N
    /// over the finite P* (present when there are two or more).
    /// - Returns: a theory table: N, Pstar, bias (E_∞ − σ² = V/E at P*; inf with P*), slope.
    static func pstar(_ model: Parameters, _ arguments: OnsetWidths, _ monitor: WorkMonitor) throws -> Table {
        let (data, noise, lambda) = try Ridge.setting(model.data)
        let widths = arguments.N
        guard !widths.isEmpty else { throw ModelError.tooFew(parameter: "N", least: 1, noun: "widths", purpose: nil) }
        let members = Double(model.E)
        var stars: [Double] = [], biases: [Double] = []
        for (i, n) in widths.enumerated() {
            try monitor.checkCancelled()
            let (p, bias) = crossing(data: data, N: n, lambda: lambda, noise: noise, members: members)
            stars.append(p)
            biases.append(bias)
            monitor.report(done: i + 1, total: widths.count, label: "onset P*")
        }
        var columns = [Table.Column("N", widths), Table.Column("Pstar", stars), Table.Column("bias", biases)]
        let finite = widths.indices.filter { widths[$0].isFinite && stars[$0].isFinite }
        if Set(finite.map { widths[$0] }).count >= 2 {
            let slope = Optimizers.slope(finite.map { log(widths[$0]) }, finite.map { log(stars[$0]) })
            columns.append(Table.Column("slope", [Double](repeating: slope, count: widths.count)))
        }
        return Table(columns: columns, caption: "onset", role: .theory)
    }

    /// The first P* of one width and the bias-limited excess there.
    static func crossing(data: SpectralData, N: Double, lambda: Double, noise: Double,
                         members: Double) -> (p: Double, bias: Double) {
        guard N.isFinite else { return (.infinity, .infinity) }
        func gap(_ logP: Double) -> (Double, Split) {
            let r = RenormalizedRisk(data: data, P: exp(logP), N: N, lambda: lambda, noise: noise)
            let s = Split(r, noise: noise, members: members)
            return (s.variance / members - s.bias, s)
        }
        let (start, first) = gap(0)
        if start >= 0 { return (1, first.bias) }
        let steps = Int((log10(scanEnd * N) * pointsPerDecade).rounded(.up))
        let h = log(scanEnd * N) / Double(steps)
        var lo = 0.0
        for i in 1...max(steps, 1) {
            let hi = h * Double(i)
            if gap(hi).0 >= 0 {
                var a = lo, b = hi
                while b - a > 1e-10 {
                    let mid = (a + b) / 2
                    if gap(mid).0 >= 0 { b = mid } else { a = mid }
                }
                return (exp(b), gap(b).1.bias)
            }
            lo = hi
        }
        return (.infinity, .infinity)
    }

    /// Per width, the scan's theory points up to the crossing (about P ≈ N, 16 per decade)
    /// and 31 bisection steps, each about 8e-9 s per mode (fitted to bench/calibrate's pstar
    /// cells: 0.065 s of CPU for four widths 1e3 to 1e6 at dim 2e4).
    static func onsetEstimate(_ model: Parameters, _ arguments: OnsetWidths) -> WorkEstimate {
        let dim = model.data.modeCount
        var points = 0.0
        for n in arguments.N where n.isFinite { points += pointsPerDecade * log10(max(n, 1)) + 31 }
        return WorkEstimate(bytes: 24 * dim, seconds: 8e-9 * dim * points)
    }
}
