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
                    throw LanguageError(.syntax, "expected a field name after '.', found \(current.display)", at: current.start)
                }
                let namePosition = current.start
                advance()
                expr = try node(.field(expr, name: name, namePosition: namePosition), expr.position, [expr])
            } else if current.isSymbol("[") {
                let position = current.start
                advance()
                let subscriptExpr = try expression()
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
                    throw LanguageError(.syntax, "keyword argument '\(label)' repeated", at: position)
                }
                arguments.append(Argument(label: label, position: position, value: try expression()))
                seenKeyword = true
            } else {
                if seenKeyword {
                    throw LanguageError(.syntax, "positional argument follows keyword argument", at: position)
                }
                arguments.append(Argument(label: nil, position: position, value: try expression()))
            }
            if current.isSymbol(",") {
                advance()
            } else if !current.isSymbol(")") {
                throw LanguageError(.syntax, "expected ',' or ')' in the argument list, found \(current.display)", at: current.start)
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
            advance()
            switch name {
            case "true": return Expr(kind: .bool(true), position: token.start)
            case "false": return Expr(kind: .bool(false), position: token.start)
            case "none": return Expr(kind: .none, position: token.start)
            default: return Expr(kind: .name(name), position: token.start)
            }
        case .symbol("("):
            advance()
            let inner = try expression()
            try expect(")", "')' to close the '(' at line \(token.start.line), column \(token.start.column)")
            return inner
        case .symbol("["):
            advance()
            var elements: [Expr] = []
            while !current.isSymbol("]") {
                elements.append(try expression())
                if current.isSymbol(",") {
                    advance()
                } else if !current.isSymbol("]") {
                    throw LanguageError(.syntax, "expected ',' or ']' in the list, found \(current.display)", at: current.start)
                }
            }
            advance()
            return try node(.list(elements), token.start, elements)
        case .newline, .end:
            throw LanguageError(.syntax, "expected an expression, found \(token.display)", at: token.start)
        case .symbol(let s):
            throw LanguageError(.syntax, "expected an expression, found '\(s)'", at: token.start)
        }
    }
}
