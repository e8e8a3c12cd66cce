extension ParameterSpec {
    /// Checks this parameter's value in `set` against its kind and range, so that a
    /// model called directly (not through the language) refuses bad input the same way.
    /// A missing optional parameter is fine; a missing required one is `.missing`.
    /// - Throws: `ModelError.domain` naming the parameter and its allowed range.
    public func check(in set: ParameterSet) throws(ModelError) {
        guard let value = set[name] else {
            if isRequired { throw .missing(name) }
            return
        }
        switch (kind, value) {
        case (.real, .number(let x)), (.integer, .number(let x)):
            try checkNumber(x)
            if kind == .integer && x.isFinite && x.rounded() != x {
                throw .domain(parameter: name, value: formatParameter(x), allowed: "a whole number")
            }
        case (.vector, .vector(let v)):
            for x in v { try checkNumber(x) }
        case (.vector, .number(let x)):
            try checkNumber(x)
        case (.choice(let options), .string(let s)) where !options.isEmpty && !options.contains(s):
            throw .domain(parameter: name, value: "\"\(s)\"",
                          allowed: "one of " + options.map { "\"\($0)\"" }.joined(separator: ", "))
        default:
            break
        }
    }

    private func checkNumber(_ x: Double) throws(ModelError) {
        guard range.contains(x) else {
            throw .domain(parameter: name, value: formatParameter(x), allowed: range.describe(name))
        }
    }
}

extension Array where Element == ParameterSpec {
    /// Checks every parameter of `set` (see `ParameterSpec.check(in:)`).
    public func check(_ set: ParameterSet) throws(ModelError) {
        for spec in self { try spec.check(in: set) }
    }

    /// `set` with defaults filled in for parameters it does not give.
    public func withDefaults(_ set: ParameterSet) -> ParameterSet {
        var out = set
        for spec in self where out[spec.name] == nil {
            if let d = spec.defaultValue { out[spec.name] = d }
        }
        return out
    }
}
