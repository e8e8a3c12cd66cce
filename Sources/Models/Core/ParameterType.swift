import NumericCore

/// A Swift type a parameter can have: how it is described, read from and written to a
/// `ParameterValue`. `Double` is a real, `Int` a whole number, `String` a choice,
/// `[Double]` a grid, `Table` a table, `ScheduleValue` a schedule; an optional type is a
/// parameter that may be left out.
public protocol ParameterType: Sendable {
    /// The kind shown in help and checked by the language.
    static var parameterKind: ParameterSpec.Kind { get }
    /// The value when the parameter is left out and has no default (`nil` for optional
    /// types; no value otherwise).
    static var absent: Self? { get }
    /// Reads a checked value (`nil`: not given).
    static func read(_ value: ParameterValue?, name: String) throws(ModelError) -> Self
    /// The value as the language stores it (`nil`: not given).
    var parameterValue: ParameterValue? { get }
}

extension ParameterType {
    public static var absent: Self? { nil }
}

extension Double: ParameterType {
    public static var parameterKind: ParameterSpec.Kind { .real }
    public static func read(_ value: ParameterValue?, name: String) throws(ModelError) -> Double {
        guard case .number(let x)? = value else { throw .missing(name) }
        return x
    }
    public var parameterValue: ParameterValue? { .number(self) }
}

extension Int: ParameterType {
    public static var parameterKind: ParameterSpec.Kind { .integer }
    public static func read(_ value: ParameterValue?, name: String) throws(ModelError) -> Int {
        let x = try Double.read(value, name: name)
        guard x.isFinite, abs(x) < 9e15 else {
            throw .domain(parameter: name, value: formatParameter(x), allowed: "a finite whole number")
        }
        return Int(x.rounded())
    }
    public var parameterValue: ParameterValue? { .number(Double(self)) }
}

extension String: ParameterType {
    public static var parameterKind: ParameterSpec.Kind { .choice([]) }
    public static func read(_ value: ParameterValue?, name: String) throws(ModelError) -> String {
        guard case .string(let s)? = value else { throw .missing(name) }
        return s
    }
    public var parameterValue: ParameterValue? { .string(self) }
}

extension Array: ParameterType where Element == Double {
    public static var parameterKind: ParameterSpec.Kind { .vector }
    /// A single number counts as a grid of one.
    public static func read(_ value: ParameterValue?, name: String) throws(ModelError) -> [Double] {
        switch value {
        case .vector(let v)?: return v
        case .number(let x)?: return [x]
        default: throw .missing(name)
        }
    }
    public var parameterValue: ParameterValue? { .vector(self) }
}

extension Table: ParameterType {
    public static var parameterKind: ParameterSpec.Kind { .table }
    public static func read(_ value: ParameterValue?, name: String) throws(ModelError) -> Table {
        guard case .table(let t)? = value else { throw .missing(name) }
        return t
    }
    public var parameterValue: ParameterValue? { .table(self) }
}

/// A schedule parameter (`lr=cosine(0.1)`); a plain number is a constant schedule.
public struct ScheduleValue: Schedule, ParameterType {
    /// The schedule given.
    public var schedule: any Schedule

    /// Wraps a schedule.
    public init(_ schedule: any Schedule) { self.schedule = schedule }
    /// A constant schedule.
    public init(_ value: Double) { schedule = ConstantValue(value: value) }

    public static var parameterKind: ParameterSpec.Kind { .schedule }
    public static func read(_ value: ParameterValue?, name: String) throws(ModelError) -> ScheduleValue {
        switch value {
        case .schedule(let s)?: return ScheduleValue(s)
        case .number(let x)?: return ScheduleValue(x)
        default: throw .missing(name)
        }
    }
    public var parameterValue: ParameterValue? {
        if let constant = schedule as? ConstantValue { return .number(constant.value) }
        return .schedule(schedule)
    }
    public func value(at step: Int, of total: Int) -> Double { schedule.value(at: step, of: total) }
    public var description: String { schedule.description }
}

extension Optional: ParameterType where Wrapped: ParameterType {
    public static var parameterKind: ParameterSpec.Kind { Wrapped.parameterKind }
    public static var absent: Wrapped?? { .some(nil) }
    public static func read(_ value: ParameterValue?, name: String) throws(ModelError) -> Wrapped? {
        guard value != nil else { return nil }
        return try Wrapped.read(value, name: name)
    }
    public var parameterValue: ParameterValue? { self?.parameterValue }
}
