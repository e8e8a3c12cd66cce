// MARK: - is_complete

extension Session {
    /// Whether `code` is ready to run or needs more lines, as IPython answers it:
    /// - an open bracket, or an unterminated string at the end, needs more
    ///   (`incomplete`, with a 4-space indent inside brackets);
    /// - a line ending in `:` (`def f(x):`) opens a block: `incomplete`, indented 4
    ///   spaces deeper than that line;
    /// - inside an indented block, every line continues it (`incomplete`, at the same
    ///   indentation) until a blank line ends it, so `jupyter console` keeps reading
    ///   the body of a `def` and runs it after an empty line;
    /// - a trailing binary operator (`x = 1 +`) waits for the next line;
    /// - any other syntax error (an unsupported `for`, say) cannot be fixed by adding
    ///   lines (`invalid`, so the front end runs the cell and shows the error).
    public func isComplete(_ code: String) -> Completeness {
        var lexer = Lexer(code)
        let tokens: [Token]
        do {
            tokens = try lexer.tokenize()
        } catch {
            if error.message.hasPrefix("unterminated triple-quoted string") { return .incomplete(indent: "") }
            if error.message.hasPrefix("unterminated string"), isOnLastLine(error.position, code) {
                return .incomplete(indent: lexer.openBrackets.isEmpty ? "" : "    ")
            }
            return .invalid
        }
        if !lexer.openBrackets.isEmpty { return .incomplete(indent: "    ") }
        // An error more lines cannot fix (an unsupported `for`, say) is reported at once.
        var waitsForInput = false
        do {
            _ = try Parser.parse(code)
        } catch {
            guard error.message.hasSuffix("found end of input") else { return .invalid }
            waitsForInput = true
        }
        let lines = code.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
        let last = lines.last ?? ""
        if lines.count > 1 && last.trimmingBlanks.isEmpty { return waitsForInput ? .invalid : .complete }
        let indent = String(last.prefix { $0 == " " || $0 == "\t" })
        let significant = tokens.last { ![.newline, .dedent, .end].contains($0.kind) }
        if significant?.isSymbol(":") == true { return .incomplete(indent: indent + "    ") }
        if lexer.indents.count > 1 { return .incomplete(indent: indent) }
        // A trailing binary operator (`x = 1 +`) waits for the next line.
        return waitsForInput ? .incomplete(indent: "") : .complete
    }

    private func isOnLastLine(_ position: SourcePosition?, _ code: String) -> Bool {
        guard let position else { return false }
        return position.line == code.unicodeScalars.filter { $0 == "\n" }.count + 1
    }
}
