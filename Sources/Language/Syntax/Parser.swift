/// Parses a whole cell into statements before anything runs, so a syntax error on
/// line 5 stops the cell before line 1 has had any effect.
///
/// Grammar (Python's, cut down; precedence from loose to tight):
/// ```
/// cell        := (statement (NEWLINE | ';')*)*
/// statement   := 'def' NAME '(' params ')' ('->' expr)? ':' suite
///              | 'if' expr ':' suite ('elif' expr ':' suite)* ('else' ':' suite)?
///              | simple (';' simple)*
/// simple      := 'return' expr? | 'pass' | NAME '=' expr | NAME augop expr
///              | NAME '[' expr ']' '=' expr | '?' NAME | expr '?'?
/// suite       := simple (';' simple)* NEWLINE | NEWLINE INDENT statement+ DEDENT
/// params      := (NAME (':' expr)? ('=' expr)?),*     # annotations are read and ignored
/// augop       := '+=' | '-=' | '*=' | '/=' | '//=' | '%=' | '^=' | '**='
/// expr        := 'lambda' params ':' expr | disjunction ('if' disjunction 'else' expr)?
/// disjunction := conjunction ('or' conjunction)*
/// conjunction := inversion ('and' inversion)*
/// inversion   := 'not' inversion | comparison
/// comparison  := additive (('=='|'!='|'<'|'<='|'>'|'>='|'in'|'not' 'in') additive)*   # chained as in Python
/// additive    := term (('+'|'-') term)*
/// term        := unary (('*'|'/'|'//'|'%') unary)*
/// unary       := ('-'|'+') unary | power
/// power       := postfix ('^' unary)?            # right-associative, -x^2 = -(x^2)
/// postfix     := primary ('(' args ')' | '.' NAME | '[' expr ']')*
/// primary     := NUMBER | STRING | NAME | true | false | none | '(' expr ')'
///              | '[' list ']' | '[' expr ('for' NAME 'in' disjunction ('if' disjunction)*)+ ']'
/// ```
struct Parser {
    let tokens: [Token]
    private(set) var index = 0
    /// Nesting depth, to refuse pathological inputs before the stack overflows.
    var depth = 0
    /// How many `def`/`lambda` bodies enclose the current token (`return` needs one).
    var functionDepth = 0
    static let maximumDepth = 200

    /// Parses `source`.
    /// - Throws: `LanguageError` (`SyntaxError`) at the first problem.
    static func parse(_ source: String) throws(LanguageError) -> [Statement] {
        var lexer = Lexer(source)
        let tokens = try lexer.tokenize()
        if let open = lexer.openBrackets.last {
            throw LanguageError(.syntax(.neverClosed(String(open.0))), at: open.1)
        }
        var parser = Parser(tokens: tokens)
        return try parser.statements(inBlock: false)
    }

    private init(tokens: [Token]) { self.tokens = tokens }

    var current: Token { tokens[index] }
    func peek(_ ahead: Int) -> Token { tokens[min(index + ahead, tokens.count - 1)] }
    mutating func advance() { if index < tokens.count - 1 { index += 1 } }

    mutating func expect(_ symbol: String, _ what: String) throws(LanguageError) {
        guard current.isSymbol(symbol) else {
            throw LanguageError(.syntax(.expected(what: what, found: current.display)), at: current.start)
        }
        advance()
    }

    /// Whether the current token is the keyword `word`.
    func isKeyword(_ word: String) -> Bool { current.identifier == word }

    /// Statements up to the end of the cell or, in a block, up to its closing dedent (consumed).
    mutating func statements(inBlock: Bool) throws(LanguageError) -> [Statement] {
        var statements: [Statement] = []
        while true {
            while current.kind == .newline || current.isSymbol(";") { advance() }
            switch current.kind {
            case .end: return statements
            case .dedent where inBlock:
                advance()
                return statements
            case .indent, .dedent:
                throw LanguageError(.syntax(.unexpectedIndent), at: current.start)
            default: break
            }
            if let compound = try compoundStatement() {
                statements.append(compound)
                continue
            }
            statements.append(contentsOf: try simpleStatements())
        }
    }

    /// Simple statements on one line, separated by `;`, through the end of the line.
    mutating func simpleStatements() throws(LanguageError) -> [Statement] {
        var statements: [Statement] = []
        while true {
            if let statement = try simpleStatement() { statements.append(statement) }
            if current.isSymbol(";") {
                advance()
                if current.kind == .newline || current.kind == .end || current.kind == .dedent { break }
                continue
            }
            guard current.kind == .newline || current.kind == .end || current.kind == .dedent else {
                if current.isSymbol(",") {
                    throw LanguageError(.syntax(.tupleAssignment), at: current.start)
                }
                throw LanguageError(.syntax(.trailing(found: current.display)), at: current.start)
            }
            break
        }
        if current.kind == .newline { advance() }
        return statements
    }

    /// Makes a node over `children`, refusing trees deeper than `maximumDepth`.
    func node(_ kind: Expr.Kind, _ position: SourcePosition, _ children: [Expr]) throws(LanguageError) -> Expr {
        let height = 1 + (children.map(\.height).max() ?? 0)
        guard height < Self.maximumDepth else {
            throw LanguageError(.syntax(.nestedTooDeeply(limit: Self.maximumDepth)), at: position)
        }
        return Expr(kind: kind, position: position, height: height)
    }

    /// Counts one level of nesting around `body`, refusing inputs nested beyond `maximumDepth`.
    mutating func nested<T>(at position: SourcePosition, _ body: (inout Parser) throws(LanguageError) -> T) throws(LanguageError) -> T {
        depth += 1
        defer { depth -= 1 }
        guard depth < Self.maximumDepth else {
            throw LanguageError(.syntax(.nestedTooDeeply(limit: nil)), at: position)
        }
        return try body(&self)
    }
}
