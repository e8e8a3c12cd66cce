/// A model's or an operation's parameters, declared once as typed properties with
/// `@Option` (and shared groups with `@OptionGroup`), in the manner of
/// swift-argument-parser's `ParsableArguments`:
///
/// ```swift
/// struct Knobs: ParameterGroup {
///     @Option("capacity exponent λ_k = k^-alpha", range: .positive) var alpha = 2.0
///     @Option("number of modes", range: .atLeastOne) var dim = 1000
/// }
/// ```
///
/// The property's name is the parameter's name in calls, its initial value the
/// default, its type the kind; meaning and allowed range sit on the same line. From
/// that one declaration come `parameters` (validation, help, inspection, completion,
/// the reference, sweeps) and `init(_:)`, which hands theory, simulation and every
/// operation the typed value.
///
/// Why property wrappers and not a macro: a macro would need swift-syntax, which adds
/// minutes to every clean build (CI builds clean); a result builder would separate the
/// declaration from the typed property. Property wrappers read by `Mirror` (for the
/// descriptions) and `Decodable` (for the values) give the same one-line declaration
/// with no extra dependency, which is how swift-argument-parser does it.
public protocol ParameterGroup: Decodable, Sendable {
    /// The group with every default (and no value for required parameters): the
    /// source of the descriptions.
    init()
}

extension ParameterGroup {
    /// The parameter descriptions, in declaration order (groups flattened in place).
    public static var parameters: [ParameterSpec] { declaredSpecs(of: Self()) }

    /// The typed parameters read from `set`: missing ones take their defaults, every
    /// value is checked against its declared kind and range (so a model called directly,
    /// not through the language, refuses bad input the same way).
    /// - Throws: `ModelError.domain` naming the parameter and its allowed range, or
    ///   `.missing` for a required parameter not given.
    public init(_ set: ParameterSet) throws(ModelError) {
        let specs = Self.parameters
        let filled = specs.withDefaults(set)
        try specs.check(filled)
        do {
            self = try Self(from: ParameterDecoder(set: filled, value: nil, codingPath: []))
        } catch let error as ModelError {
            throw error
        } catch {
            throw .misdeclared(parameter: nil, problem: .unreadable(reason: "\(error)"))
        }
    }

    /// Checks every value against its declared kind and range, for a group built in
    /// Swift rather than read from a `ParameterSet`.
    /// - Throws: `ModelError.domain` naming the first parameter out of its allowed range.
    public func validate() throws(ModelError) {
        try Self.parameters.check(parameterSet)
    }

    /// The values as a `ParameterSet` (what the language stores in a model instance).
    public var parameterSet: ParameterSet {
        var set = ParameterSet()
        for (name, value) in declaredValues(of: self) { set[name] = value }
        return set
    }
}

/// Reads the `@Option`/`@OptionGroup` children of a group.
private func declaredSpecs(of group: Any) -> [ParameterSpec] {
    Mirror(reflecting: group).children.flatMap { child -> [ParameterSpec] in
        if let option = child.value as? any DeclaredOption { return [option.spec(named: optionName(child.label))] }
        if let nested = child.value as? any DeclaredGroup { return declaredSpecs(of: nested.group) }
        return []
    }
}

/// The current values of a group's options by name.
private func declaredValues(of group: Any) -> [(String, ParameterValue)] {
    Mirror(reflecting: group).children.flatMap { child -> [(String, ParameterValue)] in
        if let option = child.value as? any DeclaredOption {
            return option.currentValue.map { [(optionName(child.label), $0)] } ?? []
        }
        if let nested = child.value as? any DeclaredGroup { return declaredValues(of: nested.group) }
        return []
    }
}

/// `_alpha` (the wrapper's storage) → `alpha`.
private func optionName(_ label: String?) -> String {
    guard let label else { return "" }
    return label.hasPrefix("_") ? String(label.dropFirst()) : label
}

/// What `Mirror` sees of an `@Option`.
protocol DeclaredOption {
    func spec(named name: String) -> ParameterSpec
    var currentValue: ParameterValue? { get }
}

/// What `Mirror` sees of an `@OptionGroup`.
protocol DeclaredGroup {
    var group: Any { get }
}
