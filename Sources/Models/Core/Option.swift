/// One declared parameter of a `ParameterGroup`: `@Option("meaning", range: .positive) var alpha = 2.0`.
/// The property's name is the parameter's name, its initial value the default (none:
/// required; an optional type with no value: may be left out), its type the kind.
@propertyWrapper
public struct Option<Value: ParameterType>: Sendable, Decodable {
    /// What the declaration says besides the name.
    struct Declaration: Sendable {
        var meaning: String
        var defaultValue: Value?
        var range: NumericRange
        var choices: [String]
        var sweepable: Bool
    }

    /// The declaration (absent on a decoded value, whose descriptions live on the type).
    private var declaration: Declaration?
    /// The value, once known.
    private var stored: Value?

    /// The typed value.
    public var wrappedValue: Value {
        get {
            guard let stored else { preconditionFailure("parameter read before it was given (a ParameterGroup made by init())") }
            return stored
        }
        set {
            stored = newValue
            // On a group's prototype (`Replication(trials: 16)`), a value set is the default.
            declaration?.defaultValue = newValue
        }
    }

    /// Narrows the allowed range on a group's prototype (an operation that needs `trials ≥ 2`).
    mutating func restrict(to range: NumericRange) { declaration?.range = range }

    /// A parameter with a default.
    public init(wrappedValue: Value, _ meaning: String, range: NumericRange = .any, sweepable: Bool = true) {
        declaration = Declaration(meaning: meaning, defaultValue: wrappedValue, range: range, choices: [], sweepable: sweepable)
        stored = wrappedValue
    }

    /// A required parameter (or, for an optional type, one that may be left out).
    public init(_ meaning: String, range: NumericRange = .any, sweepable: Bool = true) {
        declaration = Declaration(meaning: meaning, defaultValue: nil, range: range, choices: [], sweepable: sweepable)
        stored = Value.absent
    }

    /// Reads the value the decoder holds for this property.
    public init(from decoder: any Decoder) throws {
        guard let decoder = decoder as? ParameterDecoder else {
            throw ModelError.misdeclared(parameter: nil, problem: .notFromParameterSet)
        }
        declaration = nil
        stored = try Value.read(decoder.value, name: decoder.codingPath.last?.stringValue ?? "")
    }
}

extension Option where Value == String {
    /// A parameter that takes one of `choices`.
    public init(wrappedValue: String, _ meaning: String, choices: [String], sweepable: Bool = true) {
        declaration = Declaration(meaning: meaning, defaultValue: wrappedValue, range: .any, choices: choices, sweepable: sweepable)
        stored = wrappedValue
    }
}

extension Option: DeclaredOption {
    func spec(named name: String) -> ParameterSpec {
        guard let declaration else { return ParameterSpec(name, "", kind: Value.parameterKind) }
        var spec = ParameterSpec(name, declaration.meaning,
                                 kind: declaration.choices.isEmpty ? Value.parameterKind : .choice(declaration.choices),
                                 default: declaration.defaultValue?.parameterValue, range: declaration.range,
                                 sweepable: declaration.sweepable)
        spec.isOptional = declaration.defaultValue == nil && Value.absent != nil
        return spec
    }

    var currentValue: ParameterValue? { stored?.parameterValue }
}

/// A group of parameters shared by several operations (`trials`, `seed`), declared once
/// and included with `@OptionGroup var replication = Replication()`; its parameters
/// appear in place, flattened, as with swift-argument-parser's `@OptionGroup`.
@propertyWrapper
public struct OptionGroup<Group: ParameterGroup>: Sendable, Decodable {
    /// The group's values.
    public var wrappedValue: Group

    /// Includes `group` (its defaults are this operation's defaults).
    public init(wrappedValue: Group) { self.wrappedValue = wrappedValue }

    /// Reads the group from the same parameters as its container.
    public init(from decoder: any Decoder) throws {
        guard let decoder = decoder as? ParameterDecoder else {
            throw ModelError.misdeclared(parameter: nil, problem: .notFromParameterSet)
        }
        wrappedValue = try Group(from: ParameterDecoder(set: decoder.set, value: nil, codingPath: []))
    }
}

extension OptionGroup: DeclaredGroup {
    var group: Any { wrappedValue }
}
