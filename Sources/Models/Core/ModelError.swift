import NumericCore

/// Why a model refused its parameters or its work: the one catalogue of models'
/// user-facing errors. Models throw a case with the facts (names, values, counts) and
/// never build message text; `message` (in `ModelError+Message.swift`) words every case,
/// and the language turns `kind` into the user's error kind, pointing at `parameter`.
public enum ModelError: Error, Sendable, Equatable {
    /// A value outside its allowed range (`allowed`: the range in words, as
    /// `NumericRange.describe` gives it) → `DomainError`.
    case domain(parameter: String, value: String, allowed: String)
    /// `value` of `parameter` above `limit`, set by another parameter `bound` (`N ≤ dim =
    /// 512`) or by the model (`nil`: `dim ≤ 1000`), with when or why if not plain → `DomainError`.
    case exceeds(parameter: String, value: Double, bound: String?, limit: Double, reason: String?)
    /// A list that holds fewer than `least` entries (`noun`: what each entry is, plural,
    /// `values`, `widths`) → `ArgumentError`; `purpose` says what they are for, if the
    /// least is more than one.
    case tooFew(parameter: String, least: Int, noun: String, purpose: String?)
    /// A list of `count` entries, more than `most` → `ArgumentError`.
    case tooMany(parameter: String, count: Int, most: Int, noun: String)
    /// A list whose length must match another's (`other`, with `expected` entries): one
    /// entry per `per`; `orNone` if leaving the list empty is also fine → `ArgumentError`.
    case countMismatch(parameter: String, count: Int, noun: String, other: String, expected: Int, per: String, orNone: Bool)
    /// A table given as `parameter` of `owner` without the numeric columns it reads
    /// (`present`: the columns it has; `source`: what makes such a table) → `ArgumentError`.
    case missingColumns(owner: String, parameter: String, needed: [String], present: [String], source: String?)
    /// An entry of a table's column outside what `owner` allows (`row`: 1-based) → `ArgumentError`.
    case badEntry(owner: String, parameter: String, column: String, row: Int, value: Double, allowed: String)
    /// A table's column that must increase but does not at `row` (1-based) → `ArgumentError`.
    case notIncreasing(owner: String, parameter: String, column: String, row: Int, value: Double, previous: Double)
    /// An operation that covers only `supported` for a choice `parameter`, given `value`;
    /// `alternative` is the operation that handles it → `ArgumentError`.
    case notSupported(operation: String, parameter: String, value: String, supported: String, reason: String?, alternative: String)
    /// A schedule `parameter` whose warm-up (plus decay, if any) does not end before the
    /// run of `total` steps does → `ArgumentError`.
    case scheduleTooLong(parameter: String, warmup: Int, decay: Int?, total: Int)
    /// A budget `parameter` = `value` too small for phase `phase` (1-based) of `rule` to
    /// hold one batch of `batch` → `ArgumentError`.
    case phaseTooShort(parameter: String, value: Double, phase: Int, rule: String, batch: Double, remedy: String)
    /// A numerical solve of `task` (`flow theory`) for `unknown` (`the renormalised ridge
    /// κ`) that failed at these settings; `cause`: the solver's own report → `ArgumentError`.
    case notSolved(task: String, unknown: String, at: [Setting], cause: String?, parameter: String?)
    /// A LAPACK eigendecomposition of the `size` × `size` `matrix` that failed → `ArgumentError`.
    case decompositionFailed(matrix: String, size: Int, cause: String, remedy: String?)
    /// Work that would need more than a model's own cap (`needs` above `limit`) at these
    /// settings → `ResourceError`.
    case tooLarge(work: String, needs: Amount, limit: Amount, at: [Setting], remedy: String)
    /// Work whose estimate passes the cell's limits (the one resource policy,
    /// `ResourceLimits`) → `ResourceError`.
    case overLimits(estimate: WorkEstimate, limits: ResourceLimits, remedy: String)
    /// A parameter the model needed but did not get (a programming error surfaced
    /// as an `ArgumentError` rather than a crash).
    case missing(String)
    /// A `ParameterGroup` that cannot be read as declared (a programming error surfaced
    /// as an `ArgumentError` rather than a crash).
    case misdeclared(parameter: String?, problem: Misdeclaration)

    /// A setting a message quotes: `tau = 0.5`.
    public struct Setting: Sendable, Equatable {
        /// The name as the user writes it.
        public var name: String
        /// Its value.
        public var value: Double

        /// Makes a setting.
        public init(_ name: String, _ value: Double) {
            self.name = name
            self.value = value
        }
    }

    /// How much of something work needs, or a cap on it.
    public enum Amount: Sendable, Equatable {
        /// Bytes of memory.
        case bytes(Double)
        /// A count of `unit` (`steps`, `patterns`).
        case count(Double, unit: String)
    }

    /// What is wrong with a `ParameterGroup`'s declaration.
    public enum Misdeclaration: Sendable, Equatable {
        /// Read by a decoder other than the parameter decoder.
        case notFromParameterSet
        /// A stored property that is neither `@Option` nor `@OptionGroup`.
        case notAnOption
        /// Decoding failed otherwise (`reason`: the decoder's description).
        case unreadable(reason: String)
    }

    /// The user-facing kind of error a case is.
    public enum Kind: Sendable, Equatable {
        /// A value out of its allowed range.
        case domain
        /// A bad combination, list or table, or a computation that could not be done.
        case argument
        /// Work too large for memory or time.
        case resource
    }

    /// The kind of error this is.
    public var kind: Kind {
        switch self {
        case .domain, .exceeds: return .domain
        case .tooLarge, .overLimits: return .resource
        case .tooFew, .tooMany, .countMismatch, .missingColumns, .badEntry, .notIncreasing, .notSupported,
             .scheduleTooLong, .phaseTooShort, .notSolved, .decompositionFailed, .missing, .misdeclared:
            return .argument
        }
    }

    /// The parameter the error is about, which the language points at; `nil` for the
    /// model's work as a whole.
    public var parameter: String? {
        switch self {
        case .domain(let parameter, _, _), .exceeds(let parameter, _, _, _, _), .missing(let parameter),
             .tooFew(let parameter, _, _, _), .tooMany(let parameter, _, _, _), .countMismatch(let parameter, _, _, _, _, _, _),
             .missingColumns(_, let parameter, _, _, _), .badEntry(_, let parameter, _, _, _, _),
             .notIncreasing(_, let parameter, _, _, _, _), .notSupported(_, let parameter, _, _, _, _),
             .scheduleTooLong(let parameter, _, _, _), .phaseTooShort(let parameter, _, _, _, _, _):
            return parameter
        case .notSolved(_, _, _, _, let parameter), .misdeclared(let parameter, _): return parameter
        case .decompositionFailed, .tooLarge, .overLimits: return nil
        }
    }
}
