/// Python's reserved words as the language treats them: the ones it implements, and
/// the ones it names as unsupported (`Diagnostic.Syntax` says what to write instead),
/// so `for x in xs:` reads as "not supported", never as a typo.
enum Keywords {
    /// Words that cannot name a variable. `lambda` is not among them: models have a
    /// parameter called `lambda` (`ridge(lambda=1e-4)`, `m.lambda`), so it is a keyword
    /// only where a lambda expression can start (`lambda x: ...`).
    static let reserved: Set<String> = [
        "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else",
        "except", "finally", "for", "from", "global", "if", "import", "in", "is", "nonlocal", "not", "or",
        "pass", "raise", "return", "try", "while", "with", "yield",
    ]

    /// Words that start a statement Python has and the language does not; the message
    /// for each is `Diagnostic.Syntax.unsupportedStatement`.
    static let unsupported: Set<String> = [
        "for", "while", "class", "import", "from", "try", "except", "finally", "with", "raise", "del", "global",
        "nonlocal", "yield", "assert", "break", "continue", "async", "await", "elif", "else",
    ]
}
