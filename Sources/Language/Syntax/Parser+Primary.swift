// MARK: - Postfix and primary expressions

extension Parser {
    mutating func postfix() throws(LanguageError) -> Expr {
        var expr = try primary()
        while true {
            if current.isSymbol("(") {
                advance()
                let arguments = try arguments()
                expr = try node(.call(callee: expr, arguments: arguments), expr.position, [expr] + arguments.map(\.value))
            } else if current.isSymbol(".") {
                advance()
                guard let name = current.identifier else {
                    throw LanguageError(.syntax(.expectedFieldName(found: current.display)), at: current.start)
                }
                let namePosition = current.start
                advance()
                expr = try node(.field(expr, name: name, namePosition: namePosition), expr.position, [expr])
            } else if current.isSymbol("[") {
                let position = current.start
                advance()
                let subscriptExpr = try expression()
                if current.isSymbol(":") || current.isSymbol(",") {
                    throw LanguageError(.syntax(current.isSymbol(":") ? .slice : .severalSubscripts), at: current.start)
                }
                try expect("]", "']' to close the index")
                expr = try node(.index(expr, subscriptExpr), position, [expr, subscriptExpr])
            } else {
                return expr
            }
        }
    }

    private mutating func arguments() throws(LanguageError) -> [Argument] {
        var arguments: [Argument] = []
        var seenKeyword = false
        while !current.isSymbol(")") {
            let position = current.start
            if let label = current.identifier, peek(1).isSymbol("=") {
                advance(); advance()
                if arguments.contains(where: { $0.label == label }) {
                    throw LanguageError(.syntax(.repeatedKeyword(label)), at: position)
                }
                arguments.append(Argument(label: label, position: position, value: try expression()))
                seenKeyword = true
            } else {
                if seenKeyword {
                    throw LanguageError(.syntax(.positionalAfterKeyword), at: position)
                }
                var value = try expression()
                if isKeyword("for") {
                    // sum(x^2 for x in xs): a generator argument, evaluated as a list.
                    guard arguments.isEmpty else {
                        throw LanguageError(.syntax(.generatorNotAlone), at: position)
                    }
                    value = try comprehension(value, at: position)
                    if current.isSymbol(",") {
                        throw LanguageError(.syntax(.generatorNotAlone), at: position)
                    }
                }
                arguments.append(Argument(label: nil, position: position, value: value))
            }
            if current.isSymbol(",") {
                advance()
            } else if !current.isSymbol(")") {
                throw LanguageError(.syntax(.expectedArgumentSeparator(found: current.display)), at: current.start)
            }
        }
        advance()
        return arguments
    }

    private mutating func primary() throws(LanguageError) -> Expr {
        let token = current
        switch token.kind {
        case .number(let x):
            advance()
            return Expr(kind: .number(x), position: token.start)
        case .string(let s):
            advance()
            return Expr(kind: .string(s), position: token.start)
        case .identifier(let name):
            if Keywords.reserved.contains(name) {
                throw LanguageError(.syntax(.misplacedKeyword(name)), at: token.start)
            }
            advance()
            switch name {
            case "true", "True": return Expr(kind: .bool(true), position: token.start)
            case "false", "False": return Expr(kind: .bool(false), position: token.start)
            case "none", "None": return Expr(kind: .none, position: token.start)
            default: return Expr(kind: .name(name), position: token.start)
            }
        case .symbol("("):
            advance()
            if current.isSymbol(")") {
                throw LanguageError(.syntax(.tuple), at: token.start)
            }
            var inner = try expression()
            if isKeyword("for") { inner = try comprehension(inner, at: token.start) }
            if current.isSymbol(",") {
                throw LanguageError(.syntax(.tuple), at: current.start)
            }
            try expect(")", "')' to close the '(' at line \(token.start.line), column \(token.start.column)")
            return inner
        case .symbol("["):
            advance()
            var elements: [Expr] = []
            while !current.isSymbol("]") {
                let element = try expression()
                if elements.isEmpty, isKeyword("for") {
                    let result = try comprehension(element, at: token.start)
                    try expect("]", "']' to close the list comprehension")
                    return result
                }
                elements.append(element)
                if current.isSymbol(",") {
                    advance()
                } else if !current.isSymbol("]") {
                    throw LanguageError(.syntax(.expectedListSeparator(found: current.display)), at: current.start)
                }
            }
            advance()
            return try node(.list(elements), token.start, elements)
        case .newline, .end, .indent, .dedent:
            throw LanguageError(.syntax(.expectedExpression(found: token.display)), at: token.start)
        case .symbol(let s):
            throw LanguageError(.syntax(.expectedExpression(found: "'\(s)'")), at: token.start)
        }
    }
}

// MARK: - Comprehensions

extension Parser {
    /// The clauses after `element`: `for NAME in disjunction` then any number of
    /// `if disjunction` and further `for` clauses, as in Python.
    mutating func comprehension(_ element: Expr, at position: SourcePosition) throws(LanguageError) -> Expr {
        var clauses: [ComprehensionClause] = []
        var children = [element]
        while isKeyword("for") || isKeyword("if") {
            if isKeyword("if") {
                advance()
                let condition = try disjunction()
                clauses.append(.filter(condition))
                children.append(condition)
                continue
            }
            advance()
            guard let name = current.identifier, !Keywords.reserved.contains(name) else {
                throw LanguageError(.syntax(.expectedLoopName(found: current.display)), at: current.start)
            }
            let namePosition = current.start
            advance()
            if current.isSymbol(",") {
                throw LanguageError(.syntax(.unpackingInComprehension), at: current.start)
            }
            guard isKeyword("in") else {
                throw LanguageError(.syntax(.expectedIn(name: name, found: current.display)), at: current.start)
            }
            advance()
            let iterable = try disjunction()
            clauses.append(.loop(name: name, position: namePosition, iterable: iterable))
            children.append(iterable)
        }
        return try node(.comprehension(element: element, clauses: clauses), position, children)
    }
}
