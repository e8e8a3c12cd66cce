import NumericCore

// Schedule refinement (Defazio, Cutkosky, Mehta, Mishchenko 2023, arXiv 2310.07831, §3 and
// Algorithm 1): from the gradient norms ‖g_t‖ of a previous run, with w_t = ‖g_t‖⁻²,
//   η_t ∝ w_t Σ_{p=t+1}^{T} w_p,   η_T = 0,
// normalised so that its largest value is `peak`. With constant gradient norms this is exactly
// linear decay, the worst-case-optimal schedule of their Theorem 1; growing norms (the usual case
// late in training) give a warm-up-free schedule with a faster final anneal.
//
// Input: a table with columns `t` and `gnorm2` (from `theory` or `simulate` of `sgd`), rows in
// increasing t. The norms are median-filtered over `smooth` rows, then interpolated linearly
// to every step before the sums are taken.

/// Builds the refined schedule from a run table.
/// - Parameters:
///   - run: a table with `t` and `gnorm2` columns (and optionally `lr`).
///   - peak: the largest learning rate of the result; 0 means the run's largest `lr`.
///   - smooth: median-filter width in rows (odd, ≥ 1).
/// - Returns: a schedule tabulated against the fraction of the run, so it replays on any length.
/// - Throws: `ModelError.missingColumns`, `.tooFew` (rows), `.notIncreasing` (t) or
///   `.badEntry` (non-positive norms), naming `run`.
public func refinedSchedule(from run: Table, peak: Double, smooth: Int) throws(ModelError) -> TabulatedSchedule {
    guard let times = run.numbers("t") else {
        throw .missingColumns(owner: "refine", parameter: "run", needed: ["t"], present: run.columnNames, source: nil)
    }
    guard let norms = run.numbers("gnorm2") else {
        throw .missingColumns(owner: "refine", parameter: "run", needed: ["gnorm2"], present: run.columnNames,
                              source: "theory or simulate of sgd")
    }
    guard times.count >= 2 else { throw .tooFew(parameter: "run", least: 2, noun: "rows", purpose: "refine a schedule") }
    for i in 1..<times.count where !(times[i] > times[i - 1]) {
        throw .notIncreasing(owner: "refine", parameter: "run", column: "t", row: i + 1, value: times[i], previous: times[i - 1])
    }
    for (i, g) in norms.enumerated() where !(g > 0 && g.isFinite) {
        throw .badEntry(owner: "refine", parameter: "run", column: "gnorm2", row: i + 1, value: g, allowed: "positive and finite")
    }
    var top = peak
    if top == 0 { top = run.numbers("lr")?.max() ?? 1 }
    let filtered = medianFilter(norms, width: smooth)
    let start = Int(times[0].rounded()), end = Int(times[times.count - 1].rounded())
    let steps = end - start
    // w at every step start..<end, by linear interpolation of the filtered norms.
    var w = [Double](repeating: 0, count: steps)
    var row = 0
    for s in 0..<steps {
        let t = Double(start + s)
        while row + 1 < times.count - 1 && times[row + 1] <= t { row += 1 }
        let x = (t - times[row]) / (times[row + 1] - times[row])
        w[s] = 1 / (filtered[row] + min(max(x, 0), 1) * (filtered[row + 1] - filtered[row]))
    }
    var eta = [Double](repeating: 0, count: steps + 1)
    var suffix = 0.0
    for s in stride(from: steps - 1, through: 0, by: -1) {
        eta[s] = w[s] * suffix
        suffix += w[s]
    }
    let largest = eta.max() ?? 0
    let scale = largest > 0 ? top / largest : 0
    // Tabulate at ≤ 1000 positions, always including both ends.
    let stride = max(1, steps / 1000)
    var positions: [Double] = [], values: [Double] = []
    for s in Swift.stride(from: 0, to: steps, by: stride) {
        positions.append(Double(s) / Double(steps)); values.append(eta[s] * scale)
    }
    positions.append(1); values.append(0)
    return TabulatedSchedule(positions: positions, values: values, origin: "refined(peak=\(formatParameter(top)))")
}

/// Running median over `width` entries (window shrinks at the ends).
func medianFilter(_ x: [Double], width: Int) -> [Double] {
    let half = max(0, width / 2)
    return x.indices.map { i in
        let window = x[max(0, i - half)...min(x.count - 1, i + half)].sorted()
        return window.count % 2 == 1 ? window[window.count / 2] : (window[window.count / 2 - 1] + window[window.count / 2]) / 2
    }
}

/// `refine(run, peak=0, smooth=5)` as a language function.
public enum RefineFunction {
    /// The function.
    public static let function = ModelFunction(
        name: "refine",
        summary: "the refined learning-rate schedule from a run's gradient norms",
        doc: """
        refine(run, peak=0, smooth=5): with w_t = 1/gnorm2_t (median-filtered over `smooth` rows, interpolated \
        to every step), η_t ∝ w_t Σ_{p>t} w_p, scaled so that max η = peak (0: the run's largest lr). \
        Constant gradient norms give linear decay. The result replays on runs of any length (it is \
        tabulated against t/T).
        """,
        reference: "Defazio, Cutkosky, Mehta, Mishchenko 2023 (arXiv 2310.07831), Algorithm 1",
        arguments: Arguments.self,
        estimate: { a in refineEstimate(a) },
        run: { a, _ in .schedule(try refinedSchedule(from: a.run, peak: a.peak, smooth: a.smooth)) })

    /// `refine`'s arguments.
    struct Arguments: ParameterGroup {
        @Option("a table with columns t and gnorm2 (theory or simulate of sgd)", sweepable: false)
        var run: Table
        @Option("largest learning rate of the result (0: the run's largest lr)", range: .nonNegative, sweepable: false)
        var peak = 0.0
        @Option("median-filter width in rows", range: .atLeastOne, sweepable: false)
        var smooth = 5
    }

    /// Memory and time of `refine`: sorting a window of min(smooth, rows) values for
    /// each row (~4e-10 s per element·log₂ of the window, plus 6e-8 s per row), then two
    /// passes over every step from the first t to the last (fitted to idle bench/calibrate cells).
    static func refineEstimate(_ a: Arguments) -> WorkEstimate {
        guard let t = a.run.column("t")?.numbers, let first = t.first, let last = t.last else {
            return WorkEstimate(bytes: 0, seconds: 0)
        }
        let rows = Double(t.count), window = min(Double(a.smooth), rows)
        let steps = max(0, last - first)
        return WorkEstimate(bytes: 8 * (3 * rows + 2 * steps + window),
                            seconds: 4e-10 * rows * window * max(1, log2(window)) + 6e-8 * rows + 5e-9 * steps)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
