// The schedule constructors the language exposes (`cosine(0.1, warmup=100)`), each a
// `ModelFunction` returning `OperationResult.schedule`. Each declares its arguments once
// (positional order = declaration order); ranges are checked from those declarations,
// by the language and again when a direct call reads them.

/// `peak`, the largest learning rate, shared by the decaying schedules.
struct Peak: ParameterGroup {
    @Option("largest learning rate η_max", range: .nonNegative, sweepable: false)
    var peak: Double
}

/// `warmup`, the linear warm-up, shared by the schedules that have one.
struct Warmup: ParameterGroup {
    @Option("linear warm-up steps W (0 ≤ W < steps)", range: .nonNegative, sweepable: false)
    var warmup = 0
}

/// `cosine` and `linear`: peak, final value and warm-up.
struct DecayArguments: ParameterGroup {
    @OptionGroup var top = Peak()
    @Option("value at the end of the run", range: .nonNegative, sweepable: false)
    var final = 0.0
    @OptionGroup var start = Warmup()
}

/// `constant(eta)`.
struct ConstantArguments: ParameterGroup {
    @Option("the value η", range: .nonNegative, sweepable: false)
    var eta: Double
}

/// `wsd(peak, warmup=, decay=)`.
struct WSDArguments: ParameterGroup {
    @OptionGroup var top = Peak()
    @OptionGroup var start = Warmup()
    @Option("fraction of the run spent decaying", range: .unitInterval, sweepable: false)
    var decay = 0.2
}

/// `step(peak, factor=, every=)`.
struct StepArguments: ParameterGroup {
    @OptionGroup var top = Peak()
    @Option("multiplier at each cut", range: .positive, sweepable: false)
    var factor = 0.5
    @Option("steps between cuts", range: .atLeastOne, sweepable: false)
    var every: Int
}

/// `invsqrt(peak, offset=)`.
struct InvSqrtArguments: ParameterGroup {
    @OptionGroup var top = Peak()
    @Option("steps before decay sets in", range: .positive, sweepable: false)
    var offset = 1.0
}

/// `poly(peak, power=, offset=)`.
struct PolyArguments: ParameterGroup {
    @OptionGroup var top = Peak()
    @Option("decay exponent γ", range: .nonNegative, sweepable: false)
    var power = 0.5
    @Option("steps before decay sets in", range: .positive, sweepable: false)
    var offset = 1.0
}

/// `ramp(start, factor=, every=, max=)`.
struct RampArguments: ParameterGroup {
    @Option("initial batch size B_0", range: .atLeastOne, sweepable: false)
    var start: Double
    @Option("growth factor at each step-up", range: .atLeastOne, sweepable: false)
    var factor = 2.0
    @Option("steps between growths", range: .atLeastOne, sweepable: false)
    var every: Int
    @Option("largest batch size", range: NumericRange(lower: 1, allowsInfinity: true), sweepable: false)
    var max = Double.infinity
}

/// Makes a schedule function from its typed arguments.
private func scheduleFunction<Arguments: ParameterGroup>(
    _ name: String, _ summary: String, _ doc: String, reference: String = "", _ arguments: Arguments.Type,
    make: @escaping @Sendable (Arguments) throws(ModelError) -> any Schedule) -> ModelFunction {
    ModelFunction(name: name, summary: summary, doc: doc, reference: reference, arguments: arguments) { a, _ in
        .schedule(try make(a))
    }
}

/// The schedule constructors, in the order help lists them.
public enum ScheduleFunctions {
    /// `constant(eta)`.
    public static let constant = scheduleFunction(
        "constant", "a constant learning rate (or batch size)", "constant(eta): η_t = eta at every step.",
        ConstantArguments.self
    ) { a throws(ModelError) in ConstantValue(value: a.eta) }

    /// `cosine(peak, final=0, warmup=0)`.
    public static let cosine = scheduleFunction(
        "cosine", "cosine decay with optional linear warm-up",
        """
        cosine(peak, final=0, warmup=0) over T steps: for t < W, η_t = peak·(t+1)/W (linear warm-up); \
        then η_t = final + (peak − final)(1 + cos(π t'/T'))/2 with t' = t − W, T' = T − W.
        """, reference: "Loshchilov & Hutter 2016 (arXiv 1608.03983), eq. 5",
        DecayArguments.self
    ) { a throws(ModelError) in
        CosineSchedule(peak: a.top.peak, final: a.final, warmup: a.start.warmup)
    }

    /// `linear(peak, final=0, warmup=0)`.
    public static let linear = scheduleFunction(
        "linear", "linear decay with optional linear warm-up",
        """
        linear(peak, final=0, warmup=0) over T steps: for t < W, η_t = peak·(t+1)/W; \
        then η_t = final + (peak − final)(1 − t'/T') with t' = t − W, T' = T − W.
        """, reference: "Defazio et al. 2023 (arXiv 2310.07831), Theorem 1",
        DecayArguments.self
    ) { a throws(ModelError) in
        LinearSchedule(peak: a.top.peak, final: a.final, warmup: a.start.warmup)
    }

    /// `wsd(peak, warmup=, decay=)`.
    public static let wsd = scheduleFunction(
        "wsd", "warm-up, stable plateau, linear decay to 0",
        """
        wsd(peak, warmup=0, decay=0.2) over T steps: linear warm-up over W steps, η = peak until step \
        T − round(decay·T), then linear decay to 0 at step T.
        """, reference: "Hu et al. 2024 (MiniCPM, arXiv 2404.06395)",
        WSDArguments.self
    ) { a throws(ModelError) in
        WSDSchedule(peak: a.top.peak, warmup: a.start.warmup, decay: a.decay)
    }

    /// `step(peak, factor=, every=)`.
    public static let step = scheduleFunction(
        "step", "step decay: multiply by factor every `every` steps",
        "step(peak, factor=0.5, every=N): η_t = peak · factor^⌊t/N⌋.",
        StepArguments.self
    ) { a throws(ModelError) in
        StepSchedule(peak: a.top.peak, factor: a.factor, every: a.every)
    }

    /// `invsqrt(peak, offset=)`.
    public static let invsqrt = scheduleFunction(
        "invsqrt", "inverse-square-root decay (horizon-free)",
        "invsqrt(peak, offset=1): η_t = peak · √(offset/(t + offset)).",
        reference: "Meterez et al. 2026, Anytime Pretraining (arXiv 2602.03702)",
        InvSqrtArguments.self
    ) { a throws(ModelError) in InvSqrtSchedule(peak: a.top.peak, offset: a.offset) }

    /// `poly(peak, power=, offset=)`.
    public static let poly = scheduleFunction(
        "poly", "polynomial decay (horizon-free)",
        "poly(peak, power=0.5, offset=1): η_t = peak · (offset/(t + offset))^power.",
        reference: "Meterez et al. 2026, Anytime Pretraining (arXiv 2602.03702)",
        PolyArguments.self
    ) { a throws(ModelError) in
        PolySchedule(peak: a.top.peak, power: a.power, offset: a.offset)
    }

    /// `ramp(start, factor=, every=, max=)`: a batch-size ramp.
    public static let ramp = scheduleFunction(
        "ramp", "batch-size ramp: multiply by factor every `every` steps, up to max",
        """
        ramp(start, factor=2, every=N, max=inf): B_t = min(start · factor^⌊t/N⌋, max), rounded to a whole \
        number when used. Pair with step(peak, factor=1/√factor, every=N) for the Seesaw rule.
        """, reference: "Meterez et al. 2025, Seesaw (arXiv 2510.14717)",
        RampArguments.self
    ) { a throws(ModelError) in
        RampSchedule(start: a.start, factor: a.factor, every: a.every, maximum: a.max)
    }
}
