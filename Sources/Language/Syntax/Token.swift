/// One lexical token of the language, with where it starts and ends.
struct Token: Sendable, Equatable {
    /// What kind of token it is.
    enum Kind: Sendable, Equatable {
        case number(Double)
        case string(String)
        case identifier(String)
        /// `+ - * / // % ^ ( ) [ ] , = . ; : ? @ -> == != < <= > >=` and the augmented
        /// assignments `+= -= *= /= //= %= ^=`.
        case symbol(String)
        /// The end of a statement (a newline outside brackets).
        case newline
        /// A line indented deeper than the one before: a block opens.
        case indent
        /// A line indented less: the innermost block closes.
        case dedent
        case end
    }

    var kind: Kind
    /// Where the token starts.
    var start: SourcePosition
    /// The offset just past the token's last scalar.
    var endOffset: Int

    /// Whether this is the symbol `s`.
    func isSymbol(_ s: String) -> Bool { kind == .symbol(s) }

    /// The identifier's name, if this is one.
    var identifier: String? {
        if case .identifier(let name) = kind { return name }
        return nil
    }

    /// The token as the user wrote it, for messages.
    var display: String {
        switch kind {
        case .number(let x): return NumberText.plain(x)
        case .string(let s): return "\"\(s)\""
        case .identifier(let n): return n
        case .symbol(let s): return s
        case .newline: return "end of line"
        case .indent: return "an indented line"
        case .dedent: return "the end of an indented block"
        case .end: return "end of input"
        }
    }
}
