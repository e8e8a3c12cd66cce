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
