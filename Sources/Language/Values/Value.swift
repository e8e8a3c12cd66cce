import Display
import Models
import NumericCore

/// A value of the language: what expressions evaluate to and variables hold.
public enum Value: Sendable {
    case number(Double)
    case string(String)
    case bool(Bool)
    /// No value (what `print` returns); a cell ending in `none` shows nothing.
    case none
    /// A list of any values (`["a", 1]`).
    case list([Value])
    /// Numbers in order: numeric list literals, `linspace`, table columns.
    case vector([Double])
    /// Booleans in order, from an elementwise comparison (`v > 1`, `t.loss < 1`): indexing
    /// with a mask keeps the elements or rows where it is true (`v[v > 1]`, `t[t.loss < 1]`);
    /// where numbers are needed it counts as 1 and 0, as a numpy bool array does.
    case mask([Bool])
    indirect case table(Table)
    /// One row of a table (`t[0]`) or an operation's record: named fields.
    case record([Field])
    indirect case model(ModelInstance)
    indirect case schedule(any Schedule)
    indirect case plot(Plot)
    indirect case fit(CurveFit)
    /// A scaling law fitted to training runs, with bootstrap intervals.
    indirect case scalingFit(ScalingFit)
    indirect case claim(Claim)
    /// A builtin, model constructor, function or operation named without a call
    /// (`ridge`): shows its help.
    case function(String)
    /// A function written with `def` or `lambda`.
    indirect case closure(UserFunction)

    /// A named field of a record.
    public struct Field: Sendable {
        /// The field's name.
        public var name: String
        /// Its value.
        public var value: Value
        /// Makes a field.
        public init(_ name: String, _ value: Value) {
            self.name = name
            self.value = value
        }
    }

    /// The kind of value, for messages (`a number`, `a table`).
    public var typeName: String {
        switch self {
        case .number: return "a number"
        case .string: return "a string"
        case .bool: return "a bool"
        case .none: return "none"
        case .list: return "a list"
        case .vector: return "a vector"
        case .mask: return "a mask"
        case .table: return "a table"
        case .record: return "a row"
        case .model: return "a model"
        case .schedule: return "a schedule"
        case .plot: return "a plot"
        case .fit, .scalingFit: return "a fit"
        case .claim: return "a claim"
        case .function, .closure: return "a function"
        }
    }

    /// The numbers in this value if it is a vector, a list of numbers, or a single number.
    var numbers: [Double]? {
        switch self {
        case .vector(let v): return v
        case .mask(let m): return m.map { $0 ? 1 : 0 }
        case .number(let x): return [x]
        case .list(let items):
            var out: [Double] = []
            for item in items {
                guard case .number(let x) = item else { return nil }
                out.append(x)
            }
            return out
        default: return nil
        }
    }

    /// Whether the value is a collection that a sweep iterates over.
    var isSequence: Bool {
        switch self {
        case .vector, .list: return true
        default: return false
        }
    }

    /// The elements of a list or vector as values.
    var elements: [Value]? {
        switch self {
        case .vector(let v): return v.map(Value.number)
        case .mask(let m): return m.map(Value.bool)
        case .list(let items): return items
        default: return nil
        }
    }
}

/// A checkable statement from a paper: a measured number against the expected one.
public struct Claim: Sendable, Equatable {
    /// The statement, in words.
    public var text: String
    /// The measured value.
    public var measured: Double
    /// The expected value.
    public var expect: Double
    /// The absolute tolerance, if given.
    public var tol: Double?
    /// The relative tolerance, if given.
    public var rtol: Double?
    /// The kind of evidence, if given.
    public var evidence: ClaimEvidence?

    /// Makes a claim.
    public init(text: String, measured: Double, expect: Double, tol: Double?, rtol: Double?, evidence: ClaimEvidence? = nil) {
        self.text = text
        self.measured = measured
        self.expect = expect
        self.tol = tol
        self.rtol = rtol
        self.evidence = evidence
    }

    /// The allowed deviation: `tol`, or `rtol · |expect|`, or both added.
    public var allowance: Double { (tol ?? 0) + (rtol.map { $0 * abs(expect) } ?? 0) }

    /// Whether the measured value lies within the allowance of the expected one.
    public var pass: Bool { measured.isFinite && abs(measured - expect) <= allowance }
}
