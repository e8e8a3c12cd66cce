// MARK: - Statements: assignments, help, def, if, return

extension Parser {
    /// The augmented assignments and the operator each applies.
    static let augmented: [String: Operator] = ["+=": .add, "-=": .subtract, "*=": .multiply, "/=": .divide, "//=": .floorDivide,
                                                "%=": .remainder, "^=": .power]

    /// A `def` or `if` statement with its suite, or `nil` if the current token starts neither.
    mutating func compoundStatement() throws(LanguageError) -> Statement? {
        if current.isSymbol("@") {
            throw LanguageError(.syntax(.decorator), at: current.start)
        }
        guard let word = current.identifier, !peek(1).isSymbol("=") else { return nil }
        switch word {
        case "def": return .define(try definition())
        case "if": return try branches()
        default:
            if Keywords.unsupported.contains(word) {
                throw LanguageError(.syntax(.unsupportedStatement(word)), at: current.start)
            }
            return nil
        }
    }

    /// One simple statement; `nil` for `pass`.
    mutating func simpleStatement() throws(LanguageError) -> Statement? {
        let position = current.start
        if current.isSymbol("?") {
            advance()
            if current.isSymbol("?") { advance() }
            guard let name = current.identifier else {
                throw LanguageError(.syntax(.expectedHelpName), at: current.start)
            }
            let namePosition = current.start
            advance()
            return .help(name: name, position: namePosition)
        }
        if isKeyword("pass") {
            advance()
            return nil
        }
        if isKeyword("return") {
            guard functionDepth > 0 else { throw LanguageError(.syntax(.returnOutsideFunction), at: position) }
            advance()
            if current.kind == .newline || current.kind == .end || current.kind == .dedent || current.isSymbol(";") {
                return .return(nil)
            }
            return .return(try expression())
        }
        if let name = current.identifier, peek(1).isSymbol("=") {
            try checkAssignable(name, at: position)
            advance(); advance()
            return .assign(name: name, position: position, value: try expression())
        }
        if let name = current.identifier, case .symbol(let s) = peek(1).kind, let op = Self.augmented[s] {
            try checkAssignable(name, at: position)
            let opPosition = peek(1).start
            advance(); advance()
            let right = try expression()
            let left = Expr(kind: .name(name), position: position)
            return .assign(name: name, position: position, value: try node(.binary(op: op, left, right), opPosition, [left, right]))
        }
        if let word = current.identifier, !peek(1).isSymbol("=") {
            if Keywords.unsupported.contains(word) { throw LanguageError(.syntax(.unsupportedStatement(word)), at: position) }
            if word == "def" || word == "if" {
                throw LanguageError(.syntax(.mustStartLine(word)), at: position)
            }
        }
        let expr = try expression()
        if current.isSymbol("=") {
            switch expr.kind {
            case .index(let base, let key):
                guard case .name(let name) = base.kind else {
                    throw LanguageError(.syntax(.indexedAssignmentTarget), at: expr.position)
                }
                advance()
                return .setItem(name: name, position: base.position, key: key, value: try expression())
            case .field(_, let name, let namePosition):
                throw LanguageError(.syntax(.fieldAssignment(name)), at: namePosition)
            default:
                throw LanguageError(.syntax(.cannotAssignExpression), at: current.start)
            }
        }
        if case .symbol(let s) = current.kind, Self.augmented[s] != nil {
            throw LanguageError(.syntax(.augmentedNeedsName(s)), at: current.start)
        }
        if current.isSymbol("?") {
            advance()
            if current.isSymbol("?") { advance() }
            guard case .name(let name) = expr.kind else {
                throw LanguageError(.syntax(.helpTakesName), at: expr.position)
            }
            return .help(name: name, position: expr.position)
        }
        return .expression(expr)
    }

    private func checkAssignable(_ name: String, at position: SourcePosition) throws(LanguageError) {
        if ["true", "false", "none", "True", "False", "None"].contains(name) {
            throw LanguageError(.syntax(.cannotAssignConstant(name)), at: position)
        }
        if Keywords.reserved.contains(name) {
            throw LanguageError(.syntax(.cannotAssignKeyword(name)), at: position)
        }
    }

    /// `def name(params) (-> annotation)?: suite`.
    private mutating func definition() throws(LanguageError) -> FunctionDefinition {
        let keyword = current.start
        advance()
        guard let name = current.identifier, !Keywords.reserved.contains(name) else {
            throw LanguageError(.syntax(.expectedFunctionName(found: current.display)), at: current.start)
        }
        let position = current.start
        advance()
        try expect("(", "'(' after the function name")
        let parameters = try parameterList(closing: ")")
        advance()
        if current.isSymbol("->") {
            advance()
            _ = try expression()
        }
        try expect(":", "':' after the parameters of '\(name)'")
        functionDepth += 1
        defer { functionDepth -= 1 }
        var body = try suite(after: "function definition", at: keyword)
        var doc: String?
        if case .expression(let first)? = body.first, case .string(let text) = first.kind {
            doc = text
            body.removeFirst()
        }
        return FunctionDefinition(name: name, position: position, parameters: parameters, body: body, doc: doc,
                                  locals: Self.boundNames(parameters, body))
    }

    /// Parameters up to (not past) `closing` (`)` for def, `:` for lambda).
    mutating func parameterList(closing: String) throws(LanguageError) -> [FunctionParameter] {
        var parameters: [FunctionParameter] = []
        while !current.isSymbol(closing) {
            let position = current.start
            if current.isSymbol("*") || current.isSymbol("^") {
                throw LanguageError(.syntax(.variadicParameter(star: current.isSymbol("*"))), at: position)
            }
            guard let name = current.identifier, !Keywords.reserved.contains(name) else {
                throw LanguageError(.syntax(.expectedParameterName(found: current.display)), at: position)
            }
            if parameters.contains(where: { $0.name == name }) {
                throw LanguageError(.syntax(.duplicateParameter(name)), at: position)
            }
            advance()
            if closing == ")" && current.isSymbol(":") {
                advance()
                _ = try expression()
            }
            var defaultValue: Expr?
            if current.isSymbol("=") {
                advance()
                defaultValue = try expression()
            } else if parameters.last?.defaultValue != nil {
                throw LanguageError(.syntax(.nonDefaultAfterDefault), at: position)
            }
            parameters.append(FunctionParameter(name: name, position: position, defaultValue: defaultValue))
            if current.isSymbol(",") {
                advance()
            } else if !current.isSymbol(closing) {
                throw LanguageError(.syntax(.expectedParameterSeparator(name: name, closing: closing, found: current.display)), at: current.start)
            }
        }
        return parameters
    }

    /// `if c: suite (elif d: suite)* (else: suite)?`.
    private mutating func branches() throws(LanguageError) -> Statement {
        var branches: [Branch] = []
        var otherwise: [Statement] = []
        repeat {
            let keyword = current.start
            let word = current.identifier ?? "if"
            advance()
            let condition = try expression()
            try expect(":", "':' after the condition of '\(word)'")
            branches.append(Branch(condition: condition, body: try suite(after: "'\(word)' statement", at: keyword)))
        } while isKeyword("elif")
        if isKeyword("else") {
            let keyword = current.start
            advance()
            try expect(":", "':' after 'else'")
            otherwise = try suite(after: "'else' statement", at: keyword)
        }
        return .branches(branches, otherwise: otherwise)
    }

    /// The body after a `:`: simple statements on the same line, or an indented block.
    private mutating func suite(after what: String, at keyword: SourcePosition) throws(LanguageError) -> [Statement] {
        if current.kind == .end {
            throw LanguageError(.syntax(.expectedBlock(after: what, line: keyword.line, found: "end of input")), at: current.start)
        }
        guard current.kind == .newline else { return try simpleStatements() }
        while current.kind == .newline { advance() }
        guard current.kind == .indent else {
            let found = tokens[index...].allSatisfy { $0.kind == .dedent || $0.kind == .end } ? "end of input" : current.display
            throw LanguageError(.syntax(.expectedBlock(after: what, line: keyword.line, found: found)), at: current.start)
        }
        advance()
        return try statements(inBlock: true)
    }

    /// The names a function body binds: its parameters, assignments and nested defs, in
    /// any branch (not inside nested functions, which have their own).
    static func boundNames(_ parameters: [FunctionParameter], _ body: [Statement]) -> Set<String> {
        var names = Set(parameters.map(\.name))
        func visit(_ statements: [Statement]) {
            for statement in statements {
                switch statement {
                case .assign(let name, _, _), .assignLocal(let name, _, _): names.insert(name)
                case .define(let f): names.insert(f.name)
                case .branches(let branches, let otherwise):
                    branches.forEach { visit($0.body) }
                    visit(otherwise)
                case .expression, .help, .return, .setItem: break
                }
            }
        }
        visit(body)
        return names
    }
}
