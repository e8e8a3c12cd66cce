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
        case (.real, .number(let x)), (.integer, .number(let x)), (.vector, .number(let x)), (.schedule, .number(let x)):
            try checkNumber(x)
        case (.vector, .vector(let v)):
            for x in v { try checkNumber(x) }
        case (.choice(let options), .string(let s)) where !options.isEmpty && !options.contains(s):
            throw .domain(parameter: name, value: "\"\(s)\"",
                          allowed: "one of " + options.map { "\"\($0)\"" }.joined(separator: ", "))
        default:
            break
        }
    }

    /// One number against `range`: its bounds, `inf`, and wholeness.
    private func checkNumber(_ x: Double) throws(ModelError) { try range.check(x, parameter: name) }
}

extension NumericRange {
    /// Refuses `x` outside the range with the range's one wording (`describe`), naming
    /// `parameter`; `purpose` says when a range narrower than the declaration's applies
    /// (`to simulate`: a width that theory takes as `inf` must be a finite whole number there).
    /// - Throws: `ModelError.domain`.
    public func check(_ x: Double, parameter: String, purpose: String? = nil) throws(ModelError) {
        guard contains(x) else {
            throw .domain(parameter: parameter, value: formatParameter(x),
                          allowed: describe(parameter) + (purpose.map { " \($0)" } ?? ""))
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
