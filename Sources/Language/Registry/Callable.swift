import Models

/// Anything the language calls by name: a builtin, a model constructor, a model-level
/// function, or one family's operation. Every call goes through the same steps: the
/// registry picks the callable (`Registry.callable`), one binder matches the call's
/// arguments to `parameters` (`Interpreter.bind`), and `run` does the work with them
/// bound in a `CallContext`.
struct Callable: Sendable {
    /// The name in the language (`linspace`, `ridge`, `theory`).
    var name: String
    /// How error messages name it: `theory(ridge)` for an operation, else the name.
    var owner: String
    /// One line: what it does.
    var summary: String
    /// Longer help: conventions, examples.
    var doc: String
    /// The name of the first positional argument an operation is called on (`model` in
    /// `theory(m, ...)`, also written `m.theory(...)`), if any.
    var receiver: String?
    /// Declared parameters in positional order (keyword-only ones marked).
    var parameters: [ParameterSpec]
    /// The model's parameters an operation call may override or sweep by keyword
    /// (`theory(m, alpha=[1, 2])`); empty for everything else.
    var modelParameters: [ParameterSpec]
    /// The name of extra positional arguments (`values` in `print(values...)`), if any.
    var variadic: String?
    /// The meaning of arbitrary extra keyword arguments (`table(name=list, ...)`), if allowed.
    var extraKeywords: String?
    /// Does the work.
    var run: @Sendable (inout CallContext) throws(LanguageError) -> Value

    /// A callable described in full.
    init(name: String, owner: String? = nil, summary: String, doc: String, receiver: String? = nil,
         parameters: [ParameterSpec], modelParameters: [ParameterSpec] = [], variadic: String? = nil,
         extraKeywords: String? = nil, run: @escaping @Sendable (inout CallContext) throws(LanguageError) -> Value) {
        self.name = name
        self.owner = owner ?? name
        self.summary = summary
        self.doc = doc
        self.receiver = receiver
        self.parameters = parameters
        self.modelParameters = modelParameters
        self.variadic = variadic
        self.extraKeywords = extraKeywords
        self.run = run
    }

    /// `linspace(start, stop, n=50)`.
    var signature: String {
        var parts: [String] = receiver.map { [$0] } ?? []
        if let variadic { parts.append("\(variadic)...") }
        parts += parameters.map(Registry.argumentText)
        if extraKeywords != nil { parts.append("name=values, ...") }
        return "\(name)(\(parts.joined(separator: ", ")))"
    }
}

/// A builtin function of the language: a callable declared in `Builtins+*.swift`.
/// Every builtin lives in `Registry.builtins`; evaluation, argument checking,
/// completion, inspection, `help` and the reference all read it from there.
typealias Builtin = Callable

extension ParameterSpec {
    /// A builtin's parameter. The builtin reads and checks the value itself (through
    /// `CallContext`, whose errors name the parameter), so its default and allowed values
    /// are stated in words for help and the reference: `default: "50"`, `allowed: "n ≥ 2"`.
    static func builtin(_ name: String, _ meaning: String, kind: Kind = .real, default defaultText: String? = nil,
                        allowed: String = "", keywordOnly: Bool = false) -> ParameterSpec {
        var spec = ParameterSpec(name, meaning, kind: kind)
        spec.defaultText = defaultText
        spec.allowedText = allowed.isEmpty ? nil : allowed
        spec.keywordOnly = keywordOnly
        return spec
    }
}
