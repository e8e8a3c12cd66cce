/// Splits a cell into tokens. Newlines inside `(` `)` or `[` `]` are skipped so that a
/// statement may continue over lines inside brackets; `#` starts a comment.
///
/// The lexer never traps: an unterminated string or a stray character is a
/// `SyntaxError` at its position. `**` is accepted as a spelling of `^`.
struct Lexer {
    /// The scalars of the cell.
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var column = 1
    /// Open brackets, innermost last.
    private(set) var openBrackets: [(Character, SourcePosition)] = []

    /// Makes a lexer over `source`.
    init(_ source: String) { scalars = Array(source.unicodeScalars) }

    private var position: SourcePosition { SourcePosition(line: line, column: column, offset: index) }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        index + ahead < scalars.count ? scalars[index + ahead] : nil
    }

    private mutating func advance() {
        if scalars[index] == "\n" { line += 1; column = 1 } else { column += 1 }
        index += 1
    }

    /// All tokens, ending in `.end`.
    /// - Throws: `LanguageError` (`SyntaxError`) for an unterminated string, a stray
    ///   character or an unbalanced closing bracket.
    mutating func tokenize() throws(LanguageError) -> [Token] {
        var tokens: [Token] = []
        while let token = try next() {
            tokens.append(token)
        }
        tokens.append(Token(kind: .end, start: position, endOffset: index))
        return tokens
    }

    private mutating func next() throws(LanguageError) -> Token? {
        while let c = peek() {
            if c == "#" {
                while let d = peek(), d != "\n" { advance() }
            } else if c == "\n" {
                let start = position
                advance()
                if openBrackets.isEmpty { return Token(kind: .newline, start: start, endOffset: index) }
            } else if c == " " || c == "\t" || c == "\r" {
                advance()
            } else {
                break
            }
        }
        guard let c = peek() else { return nil }
        let start = position
        if c.properties.isXIDStart || c == "_" {
            var name = ""
            while let d = peek(), d.properties.isXIDContinue || d == "_" {
                name.unicodeScalars.append(d)
                advance()
            }
            return Token(kind: .identifier(name), start: start, endOffset: index)
        }
        if isDigit(c) || (c == "." && peek(1).map(isDigit) == true) {
            return try number(start)
        }
        if c == "\"" || c == "'" { return try string(start, quote: c) }
        return try symbol(start, c)
    }

    private func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }

    private mutating func number(_ start: SourcePosition) throws(LanguageError) -> Token {
        var text = ""
        while let d = peek(), isDigit(d) || d == "." || d == "_" {
            if d != "_" { text.unicodeScalars.append(d) }
            advance()
        }
        if let e = peek(), e == "e" || e == "E" {
            let sign = peek(1)
            let hasSign = sign == "+" || sign == "-"
            if let digit = peek(hasSign ? 2 : 1), isDigit(digit) {
                text.unicodeScalars.append("e"); advance()
                if hasSign { text.unicodeScalars.append(sign!); advance() }
                while let d = peek(), isDigit(d) { text.unicodeScalars.append(d); advance() }
            }
        }
        if let d = peek(), d.properties.isXIDStart {
            throw LanguageError(.syntax, "invalid number '\(text)\(Character(d))'", at: start)
        }
        guard let value = Double(text) else {
            throw LanguageError(.syntax, "invalid number '\(text)'", at: start)
        }
        // `Double` rounds a literal past the largest double to infinity without a word.
        guard value.isFinite else {
            throw LanguageError(.syntax, "the number '\(text)' is too large: numbers go up to about 1.8e308 (write inf for infinity)", at: start)
        }
        return Token(kind: .number(value), start: start, endOffset: index)
    }

    private mutating func string(_ start: SourcePosition, quote: Unicode.Scalar) throws(LanguageError) -> Token {
        advance()
        var text = ""
        while true {
            guard let c = peek(), c != "\n" else {
                throw LanguageError(.syntax, "unterminated string (missing closing \(Character(quote)))", at: start)
            }
            advance()
            if c == quote { break }
            if c == "\\", let e = peek() {
                advance()
                switch e {
                case "n": text += "\n"
                case "t": text += "\t"
                default: text.unicodeScalars.append(e)
                }
            } else {
                text.unicodeScalars.append(c)
            }
        }
        return Token(kind: .string(text), start: start, endOffset: index)
    }

    private mutating func symbol(_ start: SourcePosition, _ c: Unicode.Scalar) throws(LanguageError) -> Token {
        let two = peek(1).map { String(Character(c)) + String(Character($0)) } ?? ""
        if ["==", "!=", "<=", ">=", "**"].contains(two) {
            advance(); advance()
            return Token(kind: .symbol(two == "**" ? "^" : two), start: start, endOffset: index)
        }
        let one = String(Character(c))
        switch one {
        case "(", "[":
            openBrackets.append((Character(one), start))
        case ")", "]":
            let opener: Character = one == ")" ? "(" : "["
            guard let last = openBrackets.last else {
                throw LanguageError(.syntax, "unmatched '\(one)'", at: start)
            }
            guard last.0 == opener else {
                throw LanguageError(.syntax, "'\(one)' does not match '\(last.0)' at line \(last.1.line), column \(last.1.column)", at: start)
            }
            openBrackets.removeLast()
        case "+", "-", "*", "/", "^", ",", "=", ".", ";", "?", "<", ">":
            break
        default:
            throw LanguageError(.syntax, "unexpected character '\(one)'", at: start)
        }
        advance()
        return Token(kind: .symbol(one), start: start, endOffset: index)
    }
}
