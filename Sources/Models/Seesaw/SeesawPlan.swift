#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The Seesaw rule (Meterez, Morwani et al. 2025, arXiv 2510.14717, Algorithm 1) applied to a
/// piecewise-constant base schedule, laid out in samples so that every rule sees the same data.
///
/// The base schedule holds the batch at B_0 and multiplies the learning rate by `factor` (α < 1)
/// at each of `cuts` points. The rewrites, at the same sample counts:
/// - `seesaw`: learning rate × √α and batch × 1/α (serial steps shrink);
/// - `batch ramp`: learning rate unchanged and batch × 1/α (the SGD equivalence η/B).
/// Cut points: equal sample intervals (`shape = "step"`), or where a cosine over the sample
/// budget would fall below η_0 α^j (`shape = "cosine"`, the paper's stepwise cosine).
public struct SeesawPlan: Sendable {
    /// One rewritten schedule, per step.
    public struct Rule: Sendable {
        /// "base", "seesaw" or "batch ramp".
        public var name: String
        /// Learning rate per step.
        public var rates: [Double]
        /// Batch size per step.
        public var batches: [Double]
    }

    /// Sample counts at which the phases end (the last one is the budget).
    public var phaseEnds: [Double]
    /// The three rules.
    public var rules: [Rule]
    /// The most steps one rule may take (the exact theory keeps a value per step).
    public static let maxSteps = 5_000_000

    /// Lays out the rules.
    /// - Parameters:
    ///   - lr: η_0. - batch: B_0. - samples: the sample budget N.
    ///   - factor: α, the learning-rate cut of the base schedule (0 < α < 1).
    ///   - cuts: number of cuts K. - cosine: place cuts on a cosine instead of evenly.
    /// - Throws: `ModelError.phaseTooShort` if a phase would hold less than one step,
    ///   `ModelError.tooLarge` if a rule would take more than `maxSteps` steps.
    public init(lr: Double, batch: Double, samples: Double, factor: Double, cuts: Int, cosine: Bool) throws(ModelError) {
        var ends: [Double] = []
        for j in 1...(cuts + 1) {
            if j == cuts + 1 { ends.append(samples); break }
            let fraction = cosine ? acos(2 * pow(factor, Double(j)) - 1) / Double.pi : Double(j) / Double(cuts + 1)
            ends.append((fraction * samples).rounded())
        }
        phaseEnds = ends
        func build(_ name: String, rate: (Int) -> Double, batchSize: (Int) -> Double) throws(ModelError) -> Rule {
            // Count the steps in floating point and refuse too many before allocating: a huge
            // budget (samples = 1e12) once asked for terabytes and aborted the kernel.
            var start = 0.0
            var phaseSteps: [Double] = []
            for (j, end) in ends.enumerated() {
                let b = batchSize(j).rounded()
                let steps = ((end - start) / b).rounded()
                if steps < 1 {
                    throw .phaseTooShort(parameter: "samples", value: samples, phase: j + 1, rule: name, batch: b,
                                         remedy: "raise samples or lower cuts")
                }
                phaseSteps.append(steps)
                start = end
            }
            let total = phaseSteps.reduce(0, +)
            if total > Double(Self.maxSteps) {
                throw .tooLarge(work: "the \(name) rule", needs: .count(total, unit: "steps"), limit: .count(Double(Self.maxSteps), unit: "steps"),
                                at: [], remedy: "lower samples or raise batch")
            }
            var rates: [Double] = [], batches: [Double] = []
            for (j, steps) in phaseSteps.enumerated() {
                rates += [Double](repeating: rate(j), count: Int(steps))
                batches += [Double](repeating: batchSize(j).rounded(), count: Int(steps))
            }
            return Rule(name: name, rates: rates, batches: batches)
        }
        rules = [
            try build("base", rate: { lr * pow(factor, Double($0)) }, batchSize: { _ in batch }),
            try build("seesaw", rate: { lr * pow(factor, Double($0) / 2) }, batchSize: { batch / pow(factor, Double($0)) }),
            try build("batch ramp", rate: { _ in lr }, batchSize: { batch / pow(factor, Double($0)) }),
        ]
    }
}
