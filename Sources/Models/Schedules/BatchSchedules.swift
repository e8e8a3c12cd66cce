#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A batch-size ramp: B_t = min(start · factor^⌊t/every⌋, max). With `factor = 2` it is the
/// batch half of Seesaw (Meterez et al. 2025, arXiv 2510.14717), paired with
/// `step(peak, factor=1/√2, every=)` for the learning rate.
public struct RampSchedule: Schedule {
    /// Initial batch size.
    public var start: Double
    /// Growth factor applied every `every` steps (≥ 1).
    public var factor: Double
    /// Steps between growths.
    public var every: Int
    /// Largest batch size (the critical batch size, past which Seesaw stops paying off).
    public var maximum: Double

    /// Makes a batch ramp.
    public init(start: Double, factor: Double = 2, every: Int, maximum: Double = .infinity) {
        self.start = start; self.factor = factor; self.every = every; self.maximum = maximum
    }

    public func value(at step: Int, of total: Int) -> Double {
        min(start * pow(factor, Double(step / every)), maximum)
    }

    public var description: String {
        let cap = maximum.isFinite ? ", max=\(formatParameter(maximum))" : ""
        return "ramp(\(formatParameter(start)), factor=\(formatParameter(factor)), every=\(every)\(cap))"
    }
}

/// A schedule given by values at fractions of the run, interpolated linearly in t/T; how a
/// refined schedule (`refine(run)`) or any tabulated schedule is stored, so that it can be
/// replayed on a run of any length.
public struct TabulatedSchedule: Schedule {
    /// Positions in [0, 1] (fractions of the run), increasing.
    public var positions: [Double]
    /// The values at `positions`.
    public var values: [Double]
    /// What made it (shown by `description`).
    public var origin: String

    /// Makes a tabulated schedule; `positions` must be increasing and match `values` in length.
    public init(positions: [Double], values: [Double], origin: String) {
        self.positions = positions; self.values = values; self.origin = origin
    }

    public func value(at step: Int, of total: Int) -> Double {
        guard let first = positions.first, let last = positions.last else { return 0 }
        let x = total > 0 ? Double(step) / Double(total) : 0
        if x <= first { return values[0] }
        if x >= last { return values[values.count - 1] }
        var lo = 0, hi = positions.count - 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if positions[mid] <= x { lo = mid } else { hi = mid }
        }
        let w = (x - positions[lo]) / (positions[hi] - positions[lo])
        return values[lo] + w * (values[hi] - values[lo])
    }

    public var description: String { origin }
}

/// A schedule given step by step (the last value repeats past the end): how composite
/// schedules such as a Seesaw rewrite of a step schedule are handed to a model.
public struct StepwiseSchedule: Schedule {
    /// The value at each step.
    public var values: [Double]
    /// What made it (shown by `description`).
    public var origin: String

    /// Makes a step-by-step schedule; `values` must not be empty.
    public init(values: [Double], origin: String) { self.values = values; self.origin = origin }

    public func value(at step: Int, of total: Int) -> Double { values[min(step, values.count - 1)] }

    public var description: String { origin }
}
