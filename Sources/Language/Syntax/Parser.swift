/// Parses a whole cell into statements before anything runs, so a syntax error on
/// line 5 stops the cell before line 1 has had any effect.
///
/// Grammar (precedence from loose to tight):
/// ```
/// cell       := (statement (NEWLINE | ';')*)*
/// statement  := NAME '=' expr | '?' NAME | expr '?'?
/// expr       := additive (('=='|'!='|'<'|'<='|'>'|'>=') additive)?
/// additive   := term (('+'|'-') term)*
/// term       := unary (('*'|'/') unary)*
/// unary      := ('-'|'+') unary | power
/// power      := postfix ('^' unary)?            # right-associative, -x^2 = -(x^2)
/// postfix    := primary ('(' args ')' | '.' NAME | '[' expr ']')*
/// primary    := NUMBER | STRING | NAME | true | false | none | '(' expr ')' | '[' list ']'
/// ```
struct Parser {
    private var tokens: [Token]
    private var index = 0
    /// Nesting depth, to refuse pathological inputs before the stack overflows.
    private var depth = 0
    static let maximumDepth = 200

    /// Parses `source`.
    /// - Throws: `LanguageError` (`SyntaxError`) at the first problem.
    static func parse(_ source: String) throws(LanguageError) -> [Statement] {
        var lexer = Lexer(source)
        let tokens = try lexer.tokenize()
        if let open = lexer.openBrackets.last {
            throw LanguageError(.syntax, "'\(open.0)' was never closed", at: open.1)
        }
        var parser = Parser(tokens: tokens)
        return try parser.cell()
    }

    private init(tokens: [Token]) { self.tokens = tokens }

    var current: Token { tokens[index] }
    func peek(_ ahead: Int) -> Token { tokens[min(index + ahead, tokens.count - 1)] }
    mutating func advance() { if index < tokens.count - 1 { index += 1 } }

    mutating func expect(_ symbol: String, _ what: String) throws(LanguageError) {
        guard current.isSymbol(symbol) else {
            throw LanguageError(.syntax, "expected \(what), found \(current.display)", at: current.start)
        }
        advance()
    }

    private mutating func cell() throws(LanguageError) -> [Statement] {
        var statements: [Statement] = []
        while true {
            while current.kind == .newline || current.isSymbol(";") { advance() }
            if current.kind == .end { return statements }
            statements.append(try statement())
            guard current.kind == .newline || current.isSymbol(";") || current.kind == .end else {
                throw LanguageError(.syntax, "unexpected \(current.display) after a complete statement", at: current.start)
            }
        }
    }

    private mutating func statement() throws(LanguageError) -> Statement {
        if current.isSymbol("?") {
            advance()
            if current.isSymbol("?") { advance() }
            guard let name = current.identifier else {
                throw LanguageError(.syntax, "expected a name after '?'", at: current.start)
            }
            let position = current.start
            advance()
            return .help(name: name, position: position)
        }
        if let name = current.identifier, peek(1).isSymbol("=") {
            let position = current.start
            if ["true", "false", "none"].contains(name) {
                throw LanguageError(.syntax, "cannot assign to '\(name)'", at: position)
            }
            advance(); advance()
            return .assign(name: name, position: position, value: try expression())
        }
        let expr = try expression()
        if current.isSymbol("=") {
            throw LanguageError(.syntax, "cannot assign to this expression; assignments look like name = value", at: current.start)
        }
        if current.isSymbol("?") {
            advance()
            if current.isSymbol("?") { advance() }
            guard case .name(let name) = expr.kind else {
                throw LanguageError(.syntax, "help with '?' takes a name, as in ?ridge", at: expr.position)
            }
            return .help(name: name, position: expr.position)
        }
        return .expression(expr)
    }

    mutating func expression() throws(LanguageError) -> Expr {
        depth += 1
        defer { depth -= 1 }
        guard depth < Self.maximumDepth else {
            throw LanguageError(.syntax, "expression nested too deeply", at: current.start)
        }
        let left = try additive()
        for op in ["==", "!=", "<=", ">=", "<", ">"] where current.isSymbol(op) {
            let position = current.start
            advance()
            return try node(.binary(op: op, left, try additive()), position, [left])
        }
        return left
    }

    private mutating func additive() throws(LanguageError) -> Expr {
        var left = try term()
        while current.isSymbol("+") || current.isSymbol("-") {
            guard case .symbol(let op) = current.kind else { break }
            let position = current.start
            advance()
            let right = try term()
            left = try node(.binary(op: op, left, right), position, [left, right])
        }
        return left
    }

    private mutating func term() throws(LanguageError) -> Expr {
        var left = try unary()
        while current.isSymbol("*") || current.isSymbol("/") {
            guard case .symbol(let op) = current.kind else { break }
            let position = current.start
            advance()
            let right = try unary()
            left = try node(.binary(op: op, left, right), position, [left, right])
        }
        return left
    }

    private mutating func unary() throws(LanguageError) -> Expr {
        if current.isSymbol("-") || current.isSymbol("+") {
            guard case .symbol(let op) = current.kind else { return try power() }
            let position = current.start
            depth += 1
            defer { depth -= 1 }
            guard depth < Self.maximumDepth else {
                throw LanguageError(.syntax, "expression nested too deeply", at: position)
            }
            advance()
            let operand = try unary()
            return try node(.unary(op: op, operand), position, [operand])
        }
        return try power()
    }

    private mutating func power() throws(LanguageError) -> Expr {
        let base = try postfix()
        if current.isSymbol("^") {
            let position = current.start
            depth += 1
            defer { depth -= 1 }
            guard depth < Self.maximumDepth else {
                throw LanguageError(.syntax, "expression nested too deeply", at: position)
            }
            advance()
            let exponent = try unary()
            return try node(.binary(op: "^", base, exponent), position, [base, exponent])
        }
        return base
    }

    /// Makes a node over `children`, refusing trees deeper than `maximumDepth`.
    func node(_ kind: Expr.Kind, _ position: SourcePosition, _ children: [Expr]) throws(LanguageError) -> Expr {
        let height = 1 + (children.map(\.height).max() ?? 0)
        guard height < Self.maximumDepth else {
            throw LanguageError(.syntax, "expression nested too deeply (more than \(Self.maximumDepth) levels)", at: position)
        }
        return Expr(kind: kind, position: position, height: height)
    }
}
