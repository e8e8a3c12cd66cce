/// A user-facing error raised while parsing or evaluating a cell: its kind, message and
/// where it happened. `Session` turns it into a `CellError` with a caret traceback.
public struct LanguageError: Error, Sendable, Equatable {
    /// The kinds of error a user can see.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        case syntax = "SyntaxError"
        case name = "NameError"
        case argument = "ArgumentError"
        case domain = "DomainError"
        case resource = "ResourceError"
        case interrupted = "Interrupted"
        case type = "TypeError"
        case index = "IndexError"
        case io = "IOError"
        case recursion = "RecursionError"
    }

    /// What went wrong, in kind.
    public var kind: Kind
    /// The message, without the position.
    public var message: String
    /// Where; `nil` if the error has no place in the source.
    public var position: SourcePosition?

    /// Makes an error.
    public init(_ kind: Kind, _ message: String, at position: SourcePosition?) {
        self.kind = kind
        self.message = message
        self.position = position
    }
}

// MARK: - Traceback

extension LanguageError {
    /// The traceback lines a terminal shows: `Kind: message`, `  at line L, column C`,
    /// the source line and a caret under the column.
    /// - Parameter source: the cell's source, to quote the offending line.
    public func traceback(source: String) -> [String] {
        var lines = ["\(kind.rawValue): \(message)"]
        guard let position else { return lines }
        lines.append("  at line \(position.line), column \(position.column)")
        let sourceLines = source.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        if position.line - 1 < sourceLines.count {
            let text = String(String.UnicodeScalarView(sourceLines[position.line - 1]))
            lines.append("    " + text)
            let pad = text.unicodeScalars.prefix(max(0, position.column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
            lines.append("    " + pad + "^")
        }
        return lines
    }

    /// The error as the kernel and the CLI report it.
    /// - Parameter source: the cell's source.
    public func cellError(source: String) -> CellError {
        CellError(ename: kind.rawValue, evalue: message, traceback: traceback(source: source),
                  line: position?.line, column: position?.column)
    }
}
