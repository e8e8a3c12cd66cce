import NumericCore

/// Named parameter values as the language passes them; a `ParameterGroup` reads the
/// typed values out of it (`init(_:)`), checking kinds and ranges.
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
