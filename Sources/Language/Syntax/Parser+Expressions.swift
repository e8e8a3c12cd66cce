// MARK: - Expressions, loosest first

extension Parser {
    /// A full expression: a lambda, or a disjunction with an optional `if ... else ...`.
    mutating func expression() throws(LanguageError) -> Expr {
        try nested(at: current.start) { (p: inout Parser) throws(LanguageError) -> Expr in
            if p.startsLambda { return try p.lambda() }
            let value = try p.disjunction()
            guard p.isKeyword("if") else { return value }
            let position = p.current.start
            p.advance()
            let condition = try p.disjunction()
            guard p.isKeyword("else") else {
                throw LanguageError(.syntax(.expectedElse(found: p.current.display)), at: p.current.start)
            }
            p.advance()
            let otherwise = try p.expression()
            return try p.node(.conditional(value: value, condition: condition, otherwise: otherwise), position, [value, condition, otherwise])
        }
    }

    /// Whether a lambda starts here: `lambda:` or `lambda x` followed by `:`, `,` or `=`.
    /// (`lambda` alone stays a name, since models have a parameter called `lambda`.)
    private var startsLambda: Bool {
        guard isKeyword("lambda") else { return false }
        if peek(1).isSymbol(":") { return true }
        return peek(1).identifier != nil && [":", ",", "="].contains { peek(2).isSymbol($0) }
    }

    /// `lambda params: expr`.
    private mutating func lambda() throws(LanguageError) -> Expr {
        let position = current.start
        advance()
        let parameters = try parameterList(closing: ":")
        advance()
        functionDepth += 1
        defer { functionDepth -= 1 }
        let body = try expression()
        let definition = FunctionDefinition(name: "<lambda>", position: position, parameters: parameters,
                                            body: [.return(body)], doc: nil,
                                            locals: Set(parameters.map(\.name)))
        return try node(.lambda(definition), position, [body] + parameters.compactMap(\.defaultValue))
    }

    /// `a or b or ...`.
    mutating func disjunction() throws(LanguageError) -> Expr {
        var left = try conjunction()
        while isKeyword("or") {
            let position = current.start
            advance()
            let right = try conjunction()
            left = try node(.logical(op: .or, left, right), position, [left, right])
        }
        return left
    }

    private mutating func conjunction() throws(LanguageError) -> Expr {
        var left = try inversion()
        while isKeyword("and") {
            let position = current.start
            advance()
            let right = try inversion()
            left = try node(.logical(op: .and, left, right), position, [left, right])
        }
        return left
    }

    private mutating func inversion() throws(LanguageError) -> Expr {
        guard isKeyword("not") else { return try comparison() }
        let position = current.start
        advance()
        let operand = try nested(at: position) { (p: inout Parser) throws(LanguageError) -> Expr in try p.inversion() }
        return try node(.not(operand), position, [operand])
    }

    /// The comparison operator at the current token (`not in` is two tokens), or `nil`.
    private var comparisonOperator: Operator? {
        if case .symbol(let s) = current.kind, let op = Operator(rawValue: s), op.isComparison { return op }
        if isKeyword("in") { return .in }
        if isKeyword("not"), peek(1).identifier == "in" { return .notIn }
        return nil
    }

    /// `a < b`, or a chain `a < b <= c` meaning `a < b and b <= c` with `b` evaluated once.
    private mutating func comparison() throws(LanguageError) -> Expr {
        let first = try additive()
        var links: [Comparison] = []
        while let op = comparisonOperator {
            let position = current.start
            advance()
            if op == .notIn { advance() }
            links.append(Comparison(op: op, position: position, right: try additive()))
        }
        if isKeyword("is") { throw LanguageError(.syntax(.misplacedKeyword("is")), at: current.start) }
        guard let link = links.first else { return first }
        if links.count == 1 {
            return try node(.binary(op: link.op, first, link.right), link.position, [first, link.right])
        }
        return try node(.chain(first, links), link.position, [first] + links.map(\.right))
    }

    private mutating func additive() throws(LanguageError) -> Expr {
        var left = try term()
        while case .symbol(let s) = current.kind, let op = Operator(rawValue: s), op == .add || op == .subtract {
            let position = current.start
            advance()
            let right = try term()
            left = try node(.binary(op: op, left, right), position, [left, right])
        }
        return left
    }

    private mutating func term() throws(LanguageError) -> Expr {
        var left = try unary()
        while case .symbol(let s) = current.kind, let op = Operator(rawValue: s),
              [.multiply, .divide, .floorDivide, .remainder].contains(op) {
            let position = current.start
            advance()
            let right = try unary()
            left = try node(.binary(op: op, left, right), position, [left, right])
        }
        return left
    }

    private mutating func unary() throws(LanguageError) -> Expr {
        guard case .symbol(let s) = current.kind, let op = Operator(rawValue: s), op == .add || op == .subtract else {
            return try power()
        }
        let position = current.start
        return try nested(at: position) { (p: inout Parser) throws(LanguageError) -> Expr in
            p.advance()
            let operand = try p.unary()
            return try p.node(.unary(op: op, operand), position, [operand])
        }
    }

    private mutating func power() throws(LanguageError) -> Expr {
        let base = try postfix()
        guard current.isSymbol("^") else { return base }
        let position = current.start
        return try nested(at: position) { (p: inout Parser) throws(LanguageError) -> Expr in
            p.advance()
            let exponent = try p.unary()
            return try p.node(.binary(op: .power, base, exponent), position, [base, exponent])
        }
    }
}
