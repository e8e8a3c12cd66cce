// MARK: - is_complete

extension Session {
    /// Whether `code` is ready to run or needs more lines: an open bracket or an
    /// unterminated string at the end needs more (`incomplete`, with a 4-space indent);
    /// any other syntax error cannot be fixed by adding lines (`invalid`).
    public func isComplete(_ code: String) -> Completeness {
        var lexer = Lexer(code)
        do {
            _ = try lexer.tokenize()
        } catch {
            if error.message.hasPrefix("unterminated string"), isOnLastLine(error.position, code) {
                return .incomplete(indent: lexer.openBrackets.isEmpty ? "" : "    ")
            }
            return .invalid
        }
        if !lexer.openBrackets.isEmpty { return .incomplete(indent: "    ") }
        do {
            _ = try Parser.parse(code)
            return .complete
        } catch {
            // A trailing binary operator (`x = 1 +`) waits for the next line.
            if error.message.hasSuffix("found end of input") { return .incomplete(indent: "") }
            return .invalid
        }
    }

    private func isOnLastLine(_ position: SourcePosition?, _ code: String) -> Bool {
        guard let position else { return false }
        return position.line == code.unicodeScalars.filter { $0 == "\n" }.count + 1
    }
}
