#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Learning-rate and batch-size schedules as values. Every schedule is a pure function of the
// step t = 0..T−1 and the run length T, so a schedule means the same thing in `theory`, in
// `simulate` and in `plot(s, steps=T)`.
//
// Warm-up convention (all schedules with `warmup = W`): for t < W the value rises linearly,
// η_t = peak·(t+1)/W, so the first update already moves and step W−1 reaches the peak; the
// decaying part then runs over the remaining T − W steps with its own clock t' = t − W,
// T' = T − W. W must be smaller than T (checked when the schedule meets a run length).

/// `, final=…, warmup=…` for the arguments that differ from their defaults (0), for descriptions.
func optionalArguments(final: Double, warmup: Int) -> String {
    (final != 0 ? ", final=\(formatParameter(final))" : "") + (warmup != 0 ? ", warmup=\(warmup)" : "")
}

/// Linear warm-up from 0 to `peak` over `warmup` steps: the value at step `t < warmup`.
@inline(__always) func warmupValue(peak: Double, step: Int, warmup: Int) -> Double {
    peak * Double(step + 1) / Double(warmup)
}

/// Cosine decay, η_t = final + (peak − final)(1 + cos(π t'/T'))/2 after an optional linear
/// warm-up (Loshchilov & Hutter 2016, SGDR, eq. 5 with one cycle).
public struct CosineSchedule: Schedule, CheckedSchedule {
    /// Largest value, reached at the end of warm-up.
    public var peak: Double
    /// Value approached at the end of the run.
    public var final: Double
    /// Warm-up steps.
    public var warmup: Int

    /// Makes a cosine schedule.
    public init(peak: Double, final: Double = 0, warmup: Int = 0) {
        self.peak = peak; self.final = final; self.warmup = warmup
    }

    public func value(at step: Int, of total: Int) -> Double {
        if step < warmup { return warmupValue(peak: peak, step: step, warmup: warmup) }
        let span = Double(max(total - warmup, 1))
        let phase = Double(step - warmup) / span
        return final + (peak - final) * (1 + cos(Double.pi * phase)) / 2
    }

    public var description: String { "cosine(\(formatParameter(peak))\(optionalArguments(final: final, warmup: warmup)))" }

    public func check(total: Int, parameter: String) throws(ModelError) {
        try checkWarmup(warmup, total: total, parameter: parameter)
    }
}

/// Linear decay, η_t = final + (peak − final)(1 − t'/T') after an optional linear warm-up
/// (Defazio et al. 2023, arXiv 2310.07831: the worst-case-optimal last-iterate schedule).
public struct LinearSchedule: Schedule, CheckedSchedule {
    /// Largest value, reached at the end of warm-up.
    public var peak: Double
    /// Value approached at the end of the run.
    public var final: Double
    /// Warm-up steps.
    public var warmup: Int

    /// Makes a linear-decay schedule.
    public init(peak: Double, final: Double = 0, warmup: Int = 0) {
        self.peak = peak; self.final = final; self.warmup = warmup
    }

    public func value(at step: Int, of total: Int) -> Double {
        if step < warmup { return warmupValue(peak: peak, step: step, warmup: warmup) }
        let span = Double(max(total - warmup, 1))
        return final + (peak - final) * (1 - Double(step - warmup) / span)
    }

    public var description: String { "linear(\(formatParameter(peak))\(optionalArguments(final: final, warmup: warmup)))" }

    public func check(total: Int, parameter: String) throws(ModelError) {
        try checkWarmup(warmup, total: total, parameter: parameter)
    }
}

/// Warm-up–stable–decay (Hu et al. 2024, MiniCPM): linear warm-up over `warmup` steps,
/// the constant `peak`, then a linear decay to 0 over the last `decay` fraction of the run.
public struct WSDSchedule: Schedule, CheckedSchedule {
    /// The plateau value.
    public var peak: Double
    /// Warm-up steps.
    public var warmup: Int
    /// Fraction of the run spent decaying (0 ≤ decay ≤ 1).
    public var decay: Double

    /// Makes a WSD schedule.
    public init(peak: Double, warmup: Int = 0, decay: Double = 0.2) {
        self.peak = peak; self.warmup = warmup; self.decay = decay
    }

    public func value(at step: Int, of total: Int) -> Double {
        if step < warmup { return warmupValue(peak: peak, step: step, warmup: warmup) }
        let decaySteps = Int((decay * Double(total)).rounded())
        let start = total - decaySteps
        if step < start || decaySteps == 0 { return peak }
        return peak * (1 - Double(step - start) / Double(decaySteps))
    }

    public var description: String { "wsd(\(formatParameter(peak)), warmup=\(warmup), decay=\(formatParameter(decay)))" }

    public func check(total: Int, parameter: String) throws(ModelError) {
        try checkWarmup(warmup, total: total, parameter: parameter)
        let decaySteps = Int((decay * Double(total)).rounded())
        if warmup + decaySteps > total {
            throw .scheduleTooLong(parameter: parameter, warmup: warmup, decay: decaySteps, total: total)
        }
    }
}

/// Step decay: η_t = peak · factor^⌊t/every⌋ (the piecewise-constant schedule Seesaw rewrites).
public struct StepSchedule: Schedule {
    /// Initial value.
    public var peak: Double
    /// Multiplier applied every `every` steps.
    public var factor: Double
    /// Steps between cuts.
    public var every: Int

    /// Makes a step schedule.
    public init(peak: Double, factor: Double = 0.5, every: Int) {
        self.peak = peak; self.factor = factor; self.every = every
    }

    public func value(at step: Int, of total: Int) -> Double {
        peak * pow(factor, Double(step / every))
    }

    public var description: String { "step(\(formatParameter(peak)), factor=\(formatParameter(factor)), every=\(every))" }
}

/// Inverse square root: η_t = peak · √(offset / (t + offset)); horizon-free (anytime).
public struct InvSqrtSchedule: Schedule {
    /// Initial value.
    public var peak: Double
    /// Steps before the decay sets in (offset > 0).
    public var offset: Double

    /// Makes an inverse-square-root schedule.
    public init(peak: Double, offset: Double = 1) { self.peak = peak; self.offset = offset }

    public func value(at step: Int, of total: Int) -> Double {
        peak * (offset / (Double(step) + offset)).squareRoot()
    }

    public var description: String { "invsqrt(\(formatParameter(peak)), offset=\(formatParameter(offset)))" }
}

/// Polynomial decay: η_t = peak · (offset / (t + offset))^power; horizon-free, the family of
/// Anytime Pretraining (Meterez et al. 2026, arXiv 2602.03702) with γ = power.
public struct PolySchedule: Schedule {
    /// Initial value.
    public var peak: Double
    /// Decay exponent γ ≥ 0.
    public var power: Double
    /// Steps before the decay sets in (offset > 0).
    public var offset: Double

    /// Makes a polynomial-decay schedule.
    public init(peak: Double, power: Double, offset: Double = 1) {
        self.peak = peak; self.power = power; self.offset = offset
    }

    public func value(at step: Int, of total: Int) -> Double {
        peak * pow(offset / (Double(step) + offset), power)
    }

    public var description: String {
        "poly(\(formatParameter(peak)), power=\(formatParameter(power)), offset=\(formatParameter(offset)))"
    }
}
