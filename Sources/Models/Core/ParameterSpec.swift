/// The description of one parameter of a model or an operation: it drives argument
/// checking, `help(name)`, Shift-Tab inspection, Tab completion and the generated
/// reference, so the meaning, default and allowed range are written once, here.
public struct ParameterSpec: Sendable {
    /// What kind of value the parameter takes.
    public enum Kind: Sendable, Equatable {
        /// A real number within `range`.
        case real
        /// A whole number within `range`.
        case integer
        /// One of a fixed set of strings.
        case choice([String])
        /// A vector of reals (a grid such as `P=geomspace(10, 1e4, 40)`); each entry
        /// must lie in `range`.
        case vector
        /// A table.
        case table
        /// A schedule value or a number (a constant schedule).
        case schedule
        /// Any string (a path, a title, a column name).
        case string
        /// `true` or `false`.
        case bool
        /// A list of values.
        case list
        /// Any value.
        case any
        /// A value of a kind only the language knows (`fit`, `plot`, `mask`, `model`), by its name.
        case value(String)
        /// Any of several kinds (`vector, list or table`).
        case oneOf([Kind])
    }

    /// The parameter's name as written in calls (`alpha`, `P`, `lambda`).
    public var name: String
    /// What it means, in one line, with its symbol in the paper.
    public var meaning: String
    /// What kind of value it takes.
    public var kind: Kind
    /// The value used when the caller leaves it out; `nil` means required.
    public var defaultValue: ParameterValue?
    /// Allowed numeric range (for reals, integers and vector entries).
    public var range: NumericRange
    /// Whether the language may sweep this parameter when given a list.
    public var sweepable: Bool
    /// Whether it may be left out although it has no default (the operation then
    /// chooses, e.g. sgd's report times).
    public var isOptional = false
    /// The default in words where no single value states it (`none`, `the second
    /// column`), as a builtin that chooses its default from other arguments documents it.
    public var defaultText: String?
    /// The allowed values in words where no range or choice states them (`same sign as start`).
    public var allowedText: String?
    /// Whether it can only be given by keyword (`title=` of `plot`; a model's parameters
    /// in an operation call, after the operation's own).
    public var keywordOnly = false

    /// Makes a parameter description.
    public init(_ name: String, _ meaning: String, kind: Kind = .real, default defaultValue: ParameterValue? = nil,
                range: NumericRange = .any, sweepable: Bool = true) {
        self.name = name
        self.meaning = meaning
        self.kind = kind
        self.defaultValue = defaultValue
        // An integer's range admits whole numbers only: the kind says so once, here.
        self.range = kind == .integer ? range.wholeNumbers : range
        self.sweepable = sweepable
    }

    /// Whether the caller must give this parameter.
    public var isRequired: Bool { defaultValue == nil && defaultText == nil && !isOptional }
}

/// An interval of allowed values, open or closed at each end, possibly unbounded,
/// possibly of whole numbers only, with the one readable description used in error
/// messages, help and the reference (`alpha > 0`, `0 ≤ noise`, `a whole number 1 ≤ N ≤ 2048`).
///
/// Wholeness is a property of the range rather than a separate parameter kind so that one
/// flag covers a scalar (`dim`), every entry of a grid (`P=[100, 200]`), a schedule's
/// constant (`batch=32`) and a count that may also be `inf` (`batch=inf`, which no `Int`
/// holds), all checked by the same `contains` in the language's binder and in
/// `ParameterSpec.check`; an `Int` parameter gets it from its kind.
public struct NumericRange: Sendable, Equatable {
    public var lower: Double?
    public var lowerInclusive: Bool
    public var upper: Double?
    public var upperInclusive: Bool
    /// Whether `inf` is allowed (e.g. `P=inf` for online learning), even above `upper`.
    public var allowsInfinity: Bool
    /// Whether only whole numbers are allowed (counts, widths, step numbers); `inf`
    /// still passes when `allowsInfinity`.
    public var whole: Bool

    /// Makes a range.
    public init(lower: Double? = nil, lowerInclusive: Bool = true, upper: Double? = nil,
                upperInclusive: Bool = true, allowsInfinity: Bool = false, whole: Bool = false) {
        self.lower = lower
        self.lowerInclusive = lowerInclusive
        self.upper = upper
        self.upperInclusive = upperInclusive
        self.allowsInfinity = allowsInfinity
        self.whole = whole
    }

    /// The same bounds, whole numbers only.
    public var wholeNumbers: NumericRange {
        var range = self
        range.whole = true
        return range
    }

    /// Any finite number.
    public static let any = NumericRange()
    /// x > 0.
    public static let positive = NumericRange(lower: 0, lowerInclusive: false)
    /// x ≥ 0.
    public static let nonNegative = NumericRange(lower: 0)
    /// x ≥ 1 (counts such as `dim`, `trials`).
    public static let atLeastOne = NumericRange(lower: 1)
    /// 0 ≤ x ≤ 1.
    public static let unitInterval = NumericRange(lower: 0, upper: 1)
    /// Whole numbers x ≥ 1 (sample sizes, widths, batch sizes in a grid or schedule).
    public static let counts = NumericRange(lower: 1, whole: true)

    /// Whether `x` lies in the range.
    public func contains(_ x: Double) -> Bool {
        if x.isNaN { return false }
        if x.isInfinite { return allowsInfinity && (x > 0 || lower == nil) }
        if let lower { if lowerInclusive ? x < lower : x <= lower { return false } }
        if let upper { if upperInclusive ? x > upper : x >= upper { return false } }
        return !whole || x.rounded() == x
    }

    /// The range as text about a parameter `name`: `alpha > 0`, `0 ≤ rho ≤ 1`,
    /// `a whole number 1 ≤ N ≤ 2048`, `a whole number batch ≥ 1 (inf allowed)`.
    public func describe(_ name: String) -> String {
        var text: String
        switch (lower, upper) {
        case (nil, nil): text = "\(name) any \(whole ? "whole " : "")number"
        case (let lo?, nil): text = "\(name) \(lowerInclusive ? "≥" : ">") \(formatParameter(lo))"
        case (nil, let hi?): text = "\(name) \(upperInclusive ? "≤" : "<") \(formatParameter(hi))"
        case (let lo?, let hi?):
            text = "\(formatParameter(lo)) \(lowerInclusive ? "≤" : "<") \(name) \(upperInclusive ? "≤" : "<") \(formatParameter(hi))"
        }
        if whole && (lower != nil || upper != nil) { text = "a whole number " + text }
        if allowsInfinity { text += " (inf allowed)" }
        return text
    }
}
