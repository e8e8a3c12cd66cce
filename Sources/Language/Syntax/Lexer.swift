/// Splits a cell into tokens. Newlines inside `(` `)` or `[` `]` are skipped so that a
/// statement may continue over lines inside brackets; `#` starts a comment.
///
/// Indentation works as in Python: the first non-blank line sets the cell's base
/// indentation (as IPython dedents a pasted cell), a deeper line opens a block
/// (`.indent`) and a shallower one closes blocks (`.dedent`) back to a level seen
/// before; blank and comment-only lines do not count. A tab advances to the next
/// multiple of 8 columns, as in Python.
///
/// Strings are quoted with `"` or `'`, or tripled (`"""..."""`, which may span lines,
/// as docstrings do).
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
    /// The indentation widths of the open blocks, outermost (the cell's base) first;
    /// empty until the first non-blank line.
    private(set) var indents: [Int] = []
    /// Whether the next token starts a line (its indentation is still to be measured).
    private var atLineStart = true
    /// Tokens already made but not yet returned (several `.dedent`s at once).
    private var pending: [Token] = []

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
        if indents.count > 1 {
            // Close the blocks still open at the end of the cell.
            if tokens.last?.kind != .newline { tokens.append(Token(kind: .newline, start: position, endOffset: index)) }
            for _ in indents.dropFirst() { tokens.append(Token(kind: .dedent, start: position, endOffset: index)) }
        }
        tokens.append(Token(kind: .end, start: position, endOffset: index))
        return tokens
    }

    private mutating func next() throws(LanguageError) -> Token? {
        if !pending.isEmpty { return pending.removeFirst() }
        if atLineStart, openBrackets.isEmpty, let token = try indentation() { return token }
        while let c = peek() {
            if c == "#" {
                while let d = peek(), d != "\n" { advance() }
            } else if c == "\n" {
                let start = position
                advance()
                if openBrackets.isEmpty {
                    atLineStart = true
                    return Token(kind: .newline, start: start, endOffset: index)
                }
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
            if let q = peek(), q == "\"" || q == "'", case let prefix = name.lowercased(), Self.stringPrefixes.contains(prefix) {
                throw LanguageError(.syntax(.stringPrefix(prefix)), at: start)
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

    /// Python's string prefixes, none of which the language has (`Diagnostic.Syntax.stringPrefix`
    /// says what to write instead).
    private static let stringPrefixes: Set<String> = ["f", "rf", "fr", "r", "b", "rb", "br", "u"]

    /// At the start of a line: skips its indentation and, if the line is not blank,
    /// compares the width with the open blocks, giving `.indent`, `.dedent`s or nothing.
    /// - Throws: `SyntaxError` for a dedent to a width no enclosing block has.
    private mutating func indentation() throws(LanguageError) -> Token? {
        var width = 0
        while let c = peek(), c == " " || c == "\t" || c == "\r" {
            width = c == "\t" ? (width / 8 + 1) * 8 : c == " " ? width + 1 : width
            advance()
        }
        guard let c = peek(), c != "\n", c != "#" else { return nil }
        atLineStart = false
        let start = position
        guard let current = indents.last else {
            indents = [width]
            return nil
        }
        if width > current {
            indents.append(width)
            return Token(kind: .indent, start: start, endOffset: index)
        }
        while let last = indents.last, width < last {
            indents.removeLast()
            pending.append(Token(kind: .dedent, start: start, endOffset: index))
        }
        if indents.isEmpty || indents.last != width {
            throw LanguageError(.syntax(.badUnindent), at: start)
        }
        return pending.isEmpty ? nil : pending.removeFirst()
    }

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
            throw LanguageError(.syntax(.invalidNumber(text + String(Character(d)))), at: start)
        }
        guard let value = Double(text) else {
            throw LanguageError(.syntax(.invalidNumber(text)), at: start)
        }
        // `Double` rounds a literal past the largest double to infinity without a word.
        guard value.isFinite else {
            throw LanguageError(.syntax(.numberTooLarge(text)), at: start)
        }
        return Token(kind: .number(value), start: start, endOffset: index)
    }

    private mutating func string(_ start: SourcePosition, quote: Unicode.Scalar) throws(LanguageError) -> Token {
        let triple = peek(1) == quote && peek(2) == quote
        advance()
        if triple { advance(); advance() }
        var text = ""
        while true {
            guard let c = peek(), c != "\n" || triple else {
                let closing = String(repeating: String(Character(quote)), count: triple ? 3 : 1)
                throw LanguageError(.syntax(.unterminatedString(triple: triple, closing: closing)), at: start)
            }
            advance()
            if c == quote {
                if !triple { break }
                if peek() == quote && peek(1) == quote {
                    advance(); advance()
                    break
                }
                text.unicodeScalars.append(c)
                continue
            }
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
        if two == "//" || two == "**", peek(2) == "=" {
            advance(); advance(); advance()
            return Token(kind: .symbol(two == "**" ? "^=" : "//="), start: start, endOffset: index)
        }
        if ["==", "!=", "<=", ">=", "**", "//", "+=", "-=", "*=", "/=", "%=", "^=", "->"].contains(two) {
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
                throw LanguageError(.syntax(.unmatched(one)), at: start)
            }
            guard last.0 == opener else {
                throw LanguageError(.syntax(.mismatched(closing: one, opener: String(last.0), opened: last.1)), at: start)
            }
            openBrackets.removeLast()
        case "+", "-", "*", "/", "%", "^", ",", "=", ".", ";", "?", "<", ">", ":", "@":
            break
        case "&", "|", "~":
            throw LanguageError(.syntax(.bitwiseOperator(one)), at: start)
        case "{", "}":
            throw LanguageError(.syntax(.braces), at: start)
        default:
            throw LanguageError(.syntax(.unexpectedCharacter(one)), at: start)
        }
        advance()
        return Token(kind: .symbol(one), start: start, endOffset: index)
    }
}
