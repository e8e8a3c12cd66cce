/// One parameter of a builtin: drives argument binding, completion, inspection, help
/// and the reference, exactly as `ParameterSpec` does for models.
public struct BuiltinParameter: Sendable {
    /// The name as written in a keyword argument.
    public var name: String
    /// What it means, in one line.
    public var meaning: String
    /// What kind of value it takes, in words (`number`, `table`, `string`).
    public var type: String
    /// The default as written in code, or `nil` if required.
    public var defaultText: String?
    /// The allowed values, in words (`n ≥ 2`, `"linear" | "loglog"`), or "".
    public var allowed: String
    /// Whether it can only be given by keyword (`x=` in `plot(t, x="P")`).
    public var keywordOnly: Bool

    /// Makes a parameter description.
    public init(_ name: String, _ meaning: String, type: String = "number", default defaultText: String? = nil,
                allowed: String = "", keywordOnly: Bool = false) {
        self.name = name
        self.meaning = meaning
        self.type = type
        self.defaultText = defaultText
        self.allowed = allowed
        self.keywordOnly = keywordOnly
    }
}

/// A builtin function of the language: its documentation, parameters and behaviour.
/// Every builtin lives in `Registry.builtins`; evaluation, argument checking,
/// completion, inspection, `help` and the reference all read it from there.
struct Builtin: Sendable {
    /// The name in the language.
    var name: String
    /// One line: what it does.
    var summary: String
    /// Longer help: conventions, examples.
    var doc: String
    /// Declared parameters in positional order.
    var parameters: [BuiltinParameter]
    /// The name of extra positional arguments (`values` in `print(values...)`), if any.
    var variadic: String?
    /// The meaning of arbitrary extra keyword arguments (`table(name=list, ...)`), if allowed.
    var extraKeywords: String?
    /// Does the work.
    var run: @Sendable (inout CallContext) throws(LanguageError) -> Value

    /// `linspace(start, stop, n=50)`.
    var signature: String {
        var parts: [String] = []
        var keywordStarted = false
        if let variadic { parts.append("\(variadic)...") }
        for p in parameters {
            if p.keywordOnly && variadic == nil && !keywordStarted { keywordStarted = true }
            parts.append(p.defaultText.map { "\(p.name)=\($0)" } ?? (p.keywordOnly ? "\(p.name)=" : p.name))
        }
        if extraKeywords != nil { parts.append("name=values, ...") }
        return "\(name)(\(parts.joined(separator: ", ")))"
    }
}
