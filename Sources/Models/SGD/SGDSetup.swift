#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Online minibatch SGD on Gaussian linear regression with power-law structure, as one checked
/// value that both the exact theory and the Monte-Carlo simulation read.
///
/// Data: x ~ N(0, Λ), Λ = diag(λ_k), λ_k = k^−α (k = 1..dim); y = x·w* + ξ, ξ ~ N(0, noise²),
/// with λ_k (w*_k)² = k^−(αβ+1) (w*_k > 0). Weights start at zero, so the error e = w − w*
/// starts at −w*. One update with batch B_t and rate η_t:
/// w ← w − (η_t/B_t) Σ_i x_i (x_i·w − y_i) (`sgd`), or the same direction scaled to length η_t
/// (`nsgd`, normalised SGD, the tractable proxy for Adam in Meterez et al. 2025).
/// The test error is the excess risk E_x[(x·(w − w*))²] = Σ λ_k e_k² of the reported iterate.
public struct SGDSetup: Sendable {
    /// How the reported iterate is averaged.
    public enum Averaging: Sendable, Equatable {
        /// The last iterate.
        case none
        /// The uniform average of the iterates from step `start` on (the last iterate before).
        case tail(start: Int)
        /// ē ← decay·ē + (1 − decay)·e after every update, starting from ē_0 = e_0.
        case ema(decay: Double)
        /// Horizon-free averaging over a window growing with time: after update n,
        /// ē_n = (1 − a_n)ē_{n−1} + a_n e_n with a_n = min(1, 1/(fraction·n)) — roughly the
        /// uniform average of the last `fraction`·n iterates at every n (fraction = 1: all of them).
        case window(fraction: Double)
    }

    /// Capacity exponent α (λ_k = k^−α).
    public var alpha: Double
    /// Source exponent β (λ_k w*_k² = k^−(αβ+1)).
    public var beta: Double
    /// Label-noise standard deviation σ.
    public var noise: Double
    /// Number of modes.
    public var dim: Int
    /// Number of updates T.
    public var steps: Int
    /// η_t for t = 0..T−1.
    public var rates: [Double]
    /// B_t for t = 0..T−1 (whole numbers ≥ 1).
    public var batches: [Double]
    /// Which iterate is reported.
    public var averaging: Averaging
    /// Whether updates are normalised (`nsgd`).
    public var normalized: Bool
    /// λ_k.
    public var lambdas: [Double]
    /// w*_k.
    public var target: [Double]
    /// A short legend label naming the schedules that are not constant ("" if both are).
    public var scheduleLabel: String

    /// Makes a checked setup.
    /// - Throws: `ModelError` naming the schedule (`lr`, `batch`) that is out of range at some step.
    public init(alpha: Double, beta: Double, noise: Double, dim: Int, steps: Int,
                lr: any Schedule, batch: any Schedule, averaging: Averaging = .none,
                normalized: Bool = false) throws(ModelError) {
        var task = PowerLawTask()
        task.alpha = alpha; task.beta = beta; task.noise = noise; task.dim = dim
        try task.validate()
        if dim > maxDim {
            throw .domain(parameter: "dim", value: String(dim), allowed: "1 ≤ dim ≤ \(maxDim)")
        }
        if steps < 1 || steps > maxSteps {
            throw .domain(parameter: "steps", value: String(steps), allowed: "1 ≤ steps ≤ \(maxSteps)")
        }
        self.alpha = alpha; self.beta = beta; self.noise = noise; self.dim = dim; self.steps = steps
        self.rates = try scheduleValues(lr, parameter: "lr", total: steps, role: .learningRate)
        self.batches = try scheduleValues(batch, parameter: "batch", total: steps, role: .batchSize)
        self.averaging = averaging
        self.normalized = normalized
        var parts: [String] = []
        if !(lr is ConstantValue) { parts.append("lr=\(lr.description)") }
        if !(batch is ConstantValue) { parts.append("batch=\(batch.description)") }
        scheduleLabel = parts.joined(separator: ", ")
        lambdas = (1...dim).map { pow(Double($0), -alpha) }
        target = (1...dim).map { k in (pow(Double(k), -(alpha * beta + 1)) / pow(Double(k), -alpha)).squareRoot() }
    }

    /// The averaging weight a for the iterate after update n (n = 1..T): ē_n = (1 − a)ē_{n−1} + a e_n.
    @inline(__always) public func averagingWeight(afterUpdate n: Int) -> Double {
        switch averaging {
        case .none: return 1
        case .tail(let start): return n <= start ? 1 : 1 / Double(n - start + 1)
        case .ema(let decay): return 1 - decay
        case .window(let fraction): return min(1, 1 / (fraction * Double(n)))
        }
    }

    /// The batch size used at step t (the last one for t = T, where no update follows).
    @inline(__always) func batch(at t: Int) -> Double { batches[min(t, steps - 1)] }

    /// The reporting times: `t` if given (each rounded to a whole number of updates, so that
    /// `t=geomspace(1, 1e4, 40)` works; sorted, duplicates dropped), else 60 roughly log-spaced
    /// times from 0 to steps.
    /// - Throws: `ModelError.domain` for a time outside 0...steps.
    public func reportTimes(_ given: [Double]?) throws(ModelError) -> [Int] {
        if let given {
            var times: [Int] = []
            for x in given {
                guard x.isFinite, x >= 0, x.rounded() <= Double(steps) else {
                    throw .domain(parameter: "t", value: formatParameter(x), allowed: "0 ≤ t ≤ steps = \(steps)")
                }
                times.append(Int(x.rounded()))
            }
            return Array(Set(times)).sorted()
        }
        var times: Set<Int> = [0, steps]
        let count = 60
        for i in 0..<count {
            times.insert(Int(pow(Double(steps), Double(i) / Double(count - 1)).rounded()))
        }
        return times.filter { $0 <= steps }.sorted()
    }
}

/// Largest number of modes a setup accepts (its arrays are O(dim)).
let maxDim = 10_000_000
/// Largest number of steps a setup accepts (its schedules are tabulated per step).
let maxSteps = 10_000_000

extension SGDSetup {
    /// Reads a setup from a `sgd(...)` model's parameters.
    /// - Throws: `ModelError` for out-of-range or inconsistent parameters.
    public init(parameters p: SGDFamily.Parameters) throws(ModelError) {
        let steps = p.steps
        let averaging: Averaging
        switch p.average {
        case "tail": averaging = .tail(start: steps - Int((p.tail * Double(steps)).rounded()))
        case "window": averaging = .window(fraction: p.tail)
        case "ema": averaging = .ema(decay: p.ema)
        default: averaging = .none
        }
        try self.init(alpha: p.task.alpha, beta: p.task.beta, noise: p.task.noise, dim: p.task.dim, steps: steps, lr: p.lr.schedule, batch: p.batch.schedule,
                      averaging: averaging, normalized: p.optimizer == "nsgd")
    }
}
