/// Python's reserved words as the language treats them: the ones it implements, and
/// for every other one the message that names it as unsupported and says what to
/// write instead, so `for x in xs:` reads as "not supported", never as a typo.
enum Keywords {
    /// Words that cannot name a variable. `lambda` is not among them: models have a
    /// parameter called `lambda` (`ridge(lambda=1e-4)`, `m.lambda`), so it is a keyword
    /// only where a lambda expression can start (`lambda x: ...`).
    static let reserved: Set<String> = [
        "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else",
        "except", "finally", "for", "from", "global", "if", "import", "in", "is", "nonlocal", "not", "or",
        "pass", "raise", "return", "try", "while", "with", "yield",
    ]

    /// The `SyntaxError` message for a statement starting with an unsupported `word`, or `nil`.
    static func unsupportedStatement(_ word: String) -> String? {
        switch word {
        case "for": return "'for' statements are not supported; use a list comprehension [... for x in xs]"
        case "while": return "'while' loops are not supported; use a list comprehension [... for x in xs] or a recursive function"
        case "class": return "'class' definitions are not supported; use def for functions and table(...) for data"
        case "import", "from": return "'\(word)' is not supported; every builtin and model is already available (see help())"
        case "try", "except", "finally": return "'\(word)' (exception handling) is not supported"
        case "with": return "'with' statements are not supported"
        case "raise": return "'raise' is not supported"
        case "del": return "'del' is not supported; assign the name a new value instead"
        case "global", "nonlocal": return "'\(word)' declarations are not supported; a function reads the session's names but binds its own"
        case "yield": return "'yield' (generators) is not supported; return a list instead"
        case "assert": return "'assert' is not supported; state a check with claim(text, measured, expect=..., tol=...)"
        case "break", "continue": return "'\(word)' is not supported: the language has no loops (use a list comprehension)"
        case "async", "await": return "'\(word)' is not supported"
        case "elif", "else": return "'\(word)' without a matching 'if'"
        default: return nil
        }
    }

    /// The message for a reserved `word` where an expression was expected.
    static func misplaced(_ word: String) -> String {
        switch word {
        case "is": return "'is' is not supported; compare with == or !="
        case "yield", "await": return "'\(word)' is not supported"
        default: return "'\(word)' is a keyword and cannot be used here"
        }
    }
}
