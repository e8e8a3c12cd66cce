// The schedule constructors the language exposes (`cosine(0.1, warmup=100)`), each a
// `ModelFunction` returning `OperationResult.schedule`. Ranges are checked by the language
// from the parameter specs and again by `validate`, so a direct call gets the same errors.

/// Throws a `DomainError` unless `arguments[name]` lies in `range`.
func requireRange(_ arguments: ParameterSet, _ name: String, _ range: NumericRange) throws(ModelError) {
    let x = try arguments.number(name)
    if !range.contains(x) { throw .domain(parameter: name, value: formatParameter(x), allowed: range.describe(name)) }
}

private let peakSpec = ParameterSpec("peak", "largest learning rate η_max", default: nil, range: .nonNegative, sweepable: false)
private let finalSpec = ParameterSpec("final", "value at the end of the run", default: .number(0), range: .nonNegative, sweepable: false)
private let warmupSpec = ParameterSpec("warmup", "linear warm-up steps W (0 ≤ W < steps)", kind: .integer,
                                       default: .number(0), range: .nonNegative, sweepable: false)

/// Makes a schedule function whose arguments are range-checked against `parameters`.
private func scheduleFunction(_ name: String, _ summary: String, _ doc: String, reference: String = "",
                              _ parameters: [ParameterSpec],
                              extra: @escaping @Sendable (ParameterSet) throws(ModelError) -> Void = { _ throws(ModelError) in },
                              make: @escaping @Sendable (ParameterSet) throws(ModelError) -> any Schedule) -> ModelFunction {
    let check: @Sendable (ParameterSet) throws(ModelError) -> Void = { args throws(ModelError) in
        for spec in parameters where spec.kind == .real || spec.kind == .integer {
            try requireRange(args, spec.name, spec.range)
        }
        try extra(args)
    }
    return ModelFunction(name: name, summary: summary, doc: doc, reference: reference, parameters: parameters,
                         validate: check) { args, _ in
        try check(args)
        return .schedule(try make(args))
    }
}

/// The schedule constructors, in the order help lists them.
public enum ScheduleFunctions {
    /// `constant(eta)`.
    public static let constant = scheduleFunction(
        "constant", "a constant learning rate (or batch size)", "constant(eta): η_t = eta at every step.",
        [ParameterSpec("eta", "the value η", range: .nonNegative, sweepable: false)]
    ) { a throws(ModelError) in ConstantValue(value: try a.number("eta")) }

    /// `cosine(peak, final=0, warmup=0)`.
    public static let cosine = scheduleFunction(
        "cosine", "cosine decay with optional linear warm-up",
        """
        cosine(peak, final=0, warmup=0) over T steps: for t < W, η_t = peak·(t+1)/W (linear warm-up); \
        then η_t = final + (peak − final)(1 + cos(π t'/T'))/2 with t' = t − W, T' = T − W.
        """, reference: "Loshchilov & Hutter 2016 (arXiv 1608.03983), eq. 5",
        [peakSpec, finalSpec, warmupSpec]
    ) { a throws(ModelError) in
        CosineSchedule(peak: try a.number("peak"), final: try a.number("final"), warmup: try a.integer("warmup"))
    }

    /// `linear(peak, final=0, warmup=0)`.
    public static let linear = scheduleFunction(
        "linear", "linear decay with optional linear warm-up",
        """
        linear(peak, final=0, warmup=0) over T steps: for t < W, η_t = peak·(t+1)/W; \
        then η_t = final + (peak − final)(1 − t'/T') with t' = t − W, T' = T − W.
        """, reference: "Defazio et al. 2023 (arXiv 2310.07831), Theorem 1",
        [peakSpec, finalSpec, warmupSpec]
    ) { a throws(ModelError) in
        LinearSchedule(peak: try a.number("peak"), final: try a.number("final"), warmup: try a.integer("warmup"))
    }

    /// `wsd(peak, warmup=, decay=)`.
    public static let wsd = scheduleFunction(
        "wsd", "warm-up, stable plateau, linear decay to 0",
        """
        wsd(peak, warmup=0, decay=0.2) over T steps: linear warm-up over W steps, η = peak until step \
        T − round(decay·T), then linear decay to 0 at step T.
        """, reference: "Hu et al. 2024 (MiniCPM, arXiv 2404.06395)",
        [peakSpec, warmupSpec,
         ParameterSpec("decay", "fraction of the run spent decaying", default: .number(0.2), range: .unitInterval, sweepable: false)]
    ) { a throws(ModelError) in
        WSDSchedule(peak: try a.number("peak"), warmup: try a.integer("warmup"), decay: try a.number("decay"))
    }

    /// `step(peak, factor=, every=)`.
    public static let step = scheduleFunction(
        "step", "step decay: multiply by factor every `every` steps",
        "step(peak, factor=0.5, every=N): η_t = peak · factor^⌊t/N⌋.",
        [peakSpec,
         ParameterSpec("factor", "multiplier at each cut", default: .number(0.5), range: .positive, sweepable: false),
         ParameterSpec("every", "steps between cuts", kind: .integer, range: .atLeastOne, sweepable: false)]
    ) { a throws(ModelError) in
        StepSchedule(peak: try a.number("peak"), factor: try a.number("factor"), every: try a.integer("every"))
    }

    /// `invsqrt(peak, offset=)`.
    public static let invsqrt = scheduleFunction(
        "invsqrt", "inverse-square-root decay (horizon-free)",
        "invsqrt(peak, offset=1): η_t = peak · √(offset/(t + offset)).",
        reference: "Meterez et al. 2026, Anytime Pretraining (arXiv 2602.03702)",
        [peakSpec, ParameterSpec("offset", "steps before decay sets in", default: .number(1), range: .positive, sweepable: false)]
    ) { a throws(ModelError) in InvSqrtSchedule(peak: try a.number("peak"), offset: try a.number("offset")) }

    /// `poly(peak, power=, offset=)`.
    public static let poly = scheduleFunction(
        "poly", "polynomial decay (horizon-free)",
        "poly(peak, power=0.5, offset=1): η_t = peak · (offset/(t + offset))^power.",
        reference: "Meterez et al. 2026, Anytime Pretraining (arXiv 2602.03702)",
        [peakSpec,
         ParameterSpec("power", "decay exponent γ", default: .number(0.5), range: .nonNegative, sweepable: false),
         ParameterSpec("offset", "steps before decay sets in", default: .number(1), range: .positive, sweepable: false)]
    ) { a throws(ModelError) in
        PolySchedule(peak: try a.number("peak"), power: try a.number("power"), offset: try a.number("offset"))
    }

    /// `ramp(start, factor=, every=, max=)`: a batch-size ramp.
    public static let ramp = scheduleFunction(
        "ramp", "batch-size ramp: multiply by factor every `every` steps, up to max",
        """
        ramp(start, factor=2, every=N, max=inf): B_t = min(start · factor^⌊t/N⌋, max), rounded to a whole \
        number when used. Pair with step(peak, factor=1/√factor, every=N) for the Seesaw rule.
        """, reference: "Meterez et al. 2025, Seesaw (arXiv 2510.14717)",
        [ParameterSpec("start", "initial batch size B_0", range: .atLeastOne, sweepable: false),
         ParameterSpec("factor", "growth factor at each step-up", default: .number(2), range: .atLeastOne, sweepable: false),
         ParameterSpec("every", "steps between growths", kind: .integer, range: .atLeastOne, sweepable: false),
         ParameterSpec("max", "largest batch size", default: .number(.infinity),
                       range: NumericRange(lower: 1, allowsInfinity: true), sweepable: false)]
    ) { a throws(ModelError) in
        RampSchedule(start: try a.number("start"), factor: try a.number("factor"), every: try a.integer("every"),
                     maximum: try a.number("max"))
    }
}
