extension Diagnostic {
    /// The syntax errors the lexer and the parser raise, each with its one rendering
    /// (`Diagnostic.syntax` gives them the kind `SyntaxError`). `found` is the offending
    /// token as `Token.display` words it (`'x'`, `end of input`).
    enum Syntax {
        /// A Python string prefix (`f`, `r`, `b`, `u` and their pairs), lowercased.
        case stringPrefix(String)
        /// A dedent to a width no enclosing block has.
        case badUnindent
        /// A number literal that does not parse.
        case invalidNumber(String)
        /// A number literal past the largest double.
        case numberTooLarge(String)
        /// A string left open; `closing` is the quote it lacks.
        case unterminatedString(triple: Bool, closing: String)
        /// A closing bracket with no opener.
        case unmatched(String)
        /// A closing bracket of the wrong shape for the opener at `opened`.
        case mismatched(closing: String, opener: String, opened: SourcePosition)
        /// `&`, `|` or `~`, which the language spells `and`, `or`, `not`.
        case bitwiseOperator(String)
        /// `{` or `}`.
        case braces
        /// A character that starts no token.
        case unexpectedCharacter(String)
        /// A bracket never closed.
        case neverClosed(String)
        /// A token other than the one the grammar needs (`what`: `')' to close the call`).
        case expected(what: String, found: String)
        /// An indented line where no block opens.
        case unexpectedIndent
        /// `a, b = ...`.
        case tupleAssignment
        /// A token after a statement that is already complete.
        case trailing(found: String)
        /// A tree deeper than the parser allows (`limit`: the depth, when known).
        case nestedTooDeeply(limit: Int?)
        /// `a if c` without `else`.
        case expectedElse(found: String)
        /// A reserved word where an expression was expected.
        case misplacedKeyword(String)
        /// `t.` followed by no name.
        case expectedFieldName(found: String)
        /// `a[i:j]`.
        case slice
        /// `a[i, j]`.
        case severalSubscripts
        /// `f(x=1, x=2)`.
        case repeatedKeyword(String)
        /// `f(x=1, 2)`.
        case positionalAfterKeyword
        /// `f(x for x in xs, 1)`.
        case generatorNotAlone
        /// A call's arguments not separated by commas.
        case expectedArgumentSeparator(found: String)
        /// `(a, b)`.
        case tuple
        /// A list's elements not separated by commas.
        case expectedListSeparator(found: String)
        /// No expression where one must be.
        case expectedExpression(found: String)
        /// `[... for 1 in xs]`.
        case expectedLoopName(found: String)
        /// `[... for a, b in xs]`.
        case unpackingInComprehension
        /// `[... for x xs]`.
        case expectedIn(name: String, found: String)
        /// `@decorator`.
        case decorator
        /// A statement Python has and the language does not (`for`, `import`, `try`, ...).
        case unsupportedStatement(String)
        /// `?` followed by no name.
        case expectedHelpName
        /// `return` at the top level.
        case returnOutsideFunction
        /// `def` or `if` after other statements on the same line.
        case mustStartLine(String)
        /// `f(x)[0] = ...`.
        case indexedAssignmentTarget
        /// `t.a = ...`.
        case fieldAssignment(String)
        /// `1 = x`.
        case cannotAssignExpression
        /// `+=` with no name on its left.
        case augmentedNeedsName(String)
        /// `?` before something other than a name.
        case helpTakesName
        /// `true = 1`.
        case cannotAssignConstant(String)
        /// `if = 1`.
        case cannotAssignKeyword(String)
        /// `def` followed by no name.
        case expectedFunctionName(found: String)
        /// `*args` (`star`) or `**kwargs`.
        case variadicParameter(star: Bool)
        /// A parameter list with something other than a name.
        case expectedParameterName(found: String)
        /// `def f(x, x)`.
        case duplicateParameter(String)
        /// `def f(x=1, y)`.
        case nonDefaultAfterDefault
        /// Parameters not separated by commas.
        case expectedParameterSeparator(name: String, closing: String, found: String)
        /// A `:` with no body after it (`what`: `'def f'`; `line`: the keyword's).
        case expectedBlock(after: String, line: Int, found: String)

        /// The message, without the position.
        var message: String {
            switch self {
            case .stringPrefix(let prefix):
                switch prefix {
                case "f", "rf", "fr": return "f-strings are not supported; give print the parts: print(\"loss\", x)"
                case "r": return "raw strings (r\"...\") are not supported; write a backslash as \\\\"
                case "u": return "the u\"...\" prefix is not needed: strings are Unicode"
                default: return "bytes literals (b\"...\") are not supported"
                }
            case .badUnindent: return "unindent does not match any outer indentation level"
            case .invalidNumber(let text): return "invalid number '\(text)'"
            case .numberTooLarge(let text):
                return "the number '\(text)' is too large: numbers go up to about 1.8e308 (write inf for infinity)"
            case .unterminatedString(let triple, let closing):
                return "unterminated \(triple ? "triple-quoted " : "")string (missing closing \(closing))"
            case .unmatched(let one): return "unmatched '\(one)'"
            case .mismatched(let closing, let opener, let opened):
                return "'\(closing)' does not match '\(opener)' at line \(opened.line), column \(opened.column)"
            case .bitwiseOperator(let one):
                let word = one == "&" ? "and" : one == "|" ? "or" : "not"
                return "'\(one)' is not supported; write '\(word)', which works elementwise on masks: t[t.a > 1 \(one == "~" ? "and not t.b" : word + " t.b < 2")]"
            case .braces: return "dictionaries and sets ('{ }') are not supported; use a table or a list"
            case .unexpectedCharacter(let one): return "unexpected character '\(one)'"
            case .neverClosed(let open): return "'\(open)' was never closed"
            case .expected(let what, let found): return "expected \(what), found \(found)"
            case .unexpectedIndent: return "unexpected indent"
            case .tupleAssignment:
                return "tuples are not supported (as in a, b = 1, 2); assign one name at a time, or use a list [a, b]"
            case .trailing(let found): return "unexpected \(found) after a complete statement"
            case .nestedTooDeeply(let limit):
                return "expression nested too deeply" + (limit.map { " (more than \($0) levels)" } ?? "")
            case .expectedElse(let found):
                return "expected 'else' in the conditional expression 'a if condition else b', found \(found)"
            case .misplacedKeyword(let word):
                switch word {
                case "is": return "'is' is not supported; compare with == or !="
                case "yield", "await": return "'\(word)' is not supported"
                default: return "'\(word)' is a keyword and cannot be used here"
                }
            case .expectedFieldName(let found): return "expected a field name after '.', found \(found)"
            case .slice: return "slices (a[i:j]) are not supported; index with a mask or use a comprehension"
            case .severalSubscripts: return "indexing with several subscripts (a[i, j]) is not supported"
            case .repeatedKeyword(let label): return "keyword argument '\(label)' repeated"
            case .positionalAfterKeyword: return "positional argument follows keyword argument"
            case .generatorNotAlone:
                return "a generator argument must be the only argument; put it in brackets: [... for x in xs]"
            case .expectedArgumentSeparator(let found): return "expected ',' or ')' in the argument list, found \(found)"
            case .tuple: return "tuples are not supported; use a list [a, b]"
            case .expectedListSeparator(let found): return "expected ',' or ']' in the list, found \(found)"
            case .expectedExpression(let found): return "expected an expression, found \(found)"
            case .expectedLoopName(let found): return "expected a variable name after 'for', found \(found)"
            case .unpackingInComprehension:
                return "unpacking several names in a comprehension (for a, b in ...) is not supported; loop over one name"
            case .expectedIn(let name, let found): return "expected 'in' after 'for \(name)', found \(found)"
            case .decorator: return "decorators ('@') are not supported"
            case .unsupportedStatement(let word):
                switch word {
                case "for": return "'for' statements are not supported; use a list comprehension [... for x in xs]"
                case "while": return "'while' loops are not supported; use a list comprehension [... for x in xs] or a recursive function"
                case "class": return "'class' definitions are not supported; use def for functions and table(...) for data"
                case "import", "from": return "'\(word)' is not supported; every builtin and model is already available (see help())"
                case "try", "except", "finally": return "'\(word)' (exception handling) is not supported"
                case "with": return "'with' statements are not supported"
                case "del": return "'del' is not supported; assign the name a new value instead"
                case "global", "nonlocal":
                    return "'\(word)' declarations are not supported; a function reads the session's names but binds its own"
                case "yield": return "'yield' (generators) is not supported; return a list instead"
                case "assert": return "'assert' is not supported; state a check with claim(text, measured, expect=..., tol=...)"
                case "break", "continue": return "'\(word)' is not supported: the language has no loops (use a list comprehension)"
                case "elif", "else": return "'\(word)' without a matching 'if'"
                default: return "'\(word)' is not supported"
                }
            case .expectedHelpName: return "expected a name after '?'"
            case .returnOutsideFunction: return "'return' outside function"
            case .mustStartLine(let word): return "'\(word)' must start a line of its own"
            case .indexedAssignmentTarget: return "only a name can be indexed on the left of '=', as in t[\"z\"] = values"
            case .fieldAssignment(let name):
                return "cannot assign to the field '\(name)'; add or replace a column with t[\"\(name)\"] = values"
            case .cannotAssignExpression: return "cannot assign to this expression; assignments look like name = value"
            case .augmentedNeedsName(let op): return "'\(op)' needs a name on its left, as in x \(op) 1"
            case .helpTakesName: return "help with '?' takes a name, as in ?ridge"
            case .cannotAssignConstant(let name): return "cannot assign to '\(name)'"
            case .cannotAssignKeyword(let name): return "cannot assign to '\(name)': it is a keyword"
            case .expectedFunctionName(let found): return "expected a function name after 'def', found \(found)"
            case .variadicParameter(let star): return "'\(star ? "*args" : "**kwargs")' parameters are not supported"
            case .expectedParameterName(let found): return "expected a parameter name, found \(found)"
            case .duplicateParameter(let name): return "duplicate parameter '\(name)'"
            case .nonDefaultAfterDefault: return "parameter without a default follows parameter with a default"
            case .expectedParameterSeparator(let name, let closing, let found):
                return "expected ',' or '\(closing)' after the parameter '\(name)', found \(found)"
            case .expectedBlock(let what, let line, let found):
                return "expected an indented block after \(what) on line \(line), found \(found)"
            }
        }
    }
}
