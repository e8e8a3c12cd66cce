import NumericCore

/// Checked, named parameter values with typed accessors. The language fills in
/// defaults and checks ranges before a model sees a `ParameterSet`, so accessors can
/// trust kinds; they still throw rather than trap if a name is missing.
public struct ParameterSet: Sendable {
    /// The values by name.
    public var values: [String: ParameterValue]

    /// Makes a set from values by name.
    public init(_ values: [String: ParameterValue] = [:]) { self.values = values }

    /// The value called `name`, or `nil`.
    public subscript(name: String) -> ParameterValue? {
        get { values[name] }
        set { values[name] = newValue }
    }

    /// The number called `name`.
    public func number(_ name: String) throws(ModelError) -> Double {
        guard case .number(let x)? = values[name] else { throw ModelError.missing(name) }
        return x
    }

    /// The whole number called `name` (rounded; the language has checked integrality).
    public func integer(_ name: String) throws(ModelError) -> Int {
        let x = try number(name)
        guard x.isFinite, abs(x) < 9e15 else {
            throw ModelError.domain(parameter: name, value: formatParameter(x), allowed: "a finite whole number")
        }
        return Int(x.rounded())
    }

    /// The string called `name`.
    public func string(_ name: String) throws(ModelError) -> String {
        guard case .string(let s)? = values[name] else { throw ModelError.missing(name) }
        return s
    }

    /// The vector called `name` (a single number counts as a vector of one).
    public func vector(_ name: String) throws(ModelError) -> [Double] {
        switch values[name] {
        case .vector(let v)?: return v
        case .number(let x)?: return [x]
        default: throw ModelError.missing(name)
        }
    }

    /// The vector called `name`, or `nil` if it was not given.
    public func optionalVector(_ name: String) -> [Double]? {
        switch values[name] {
        case .vector(let v)?: return v
        case .number(let x)?: return [x]
        default: return nil
        }
    }

    /// The table called `name`.
    public func table(_ name: String) throws(ModelError) -> Table {
        guard case .table(let t)? = values[name] else { throw ModelError.missing(name) }
        return t
    }

    /// The schedule called `name` (a plain number is a constant schedule).
    public func schedule(_ name: String) throws(ModelError) -> any Schedule {
        switch values[name] {
        case .schedule(let s)?: return s
        case .number(let x)?: return ConstantValue(value: x)
        default: throw ModelError.missing(name)
        }
    }
}

/// A schedule that is the same at every step: how a plain number given where a
/// schedule is expected is read.
public struct ConstantValue: Schedule {
    /// The constant value.
    public var value: Double
    /// Makes a constant schedule.
    public init(value: Double) { self.value = value }
    public func value(at step: Int, of total: Int) -> Double { value }
    public var description: String { "constant(\(formatParameter(value)))" }
}

/// Why a model refused its parameters or its work; the language turns each case into
/// the matching user-facing error kind, pointing at the offending argument.
public enum ModelError: Error, Sendable, Equatable {
    /// A value outside its allowed range → `DomainError`.
    case domain(parameter: String, value: String, allowed: String)
    /// A bad combination or kind of arguments → `ArgumentError`.
    case argument(parameter: String?, message: String)
    /// Work that would not fit in memory or time → `ResourceError`.
    case resource(message: String)
    /// A parameter the model needed but did not get (a programming error surfaced
    /// as an `ArgumentError` rather than a crash).
    case missing(String)

    /// The message shown to the user.
    public var message: String {
        switch self {
        case .domain(let p, let v, let allowed): return "\(p) = \(v) is out of range: allowed \(allowed)"
        case .argument(_, let m): return m
        case .resource(let m): return m
        case .missing(let p): return "missing parameter '\(p)'"
        }
    }
}
