import Display
import JSON
import Numerics

/// One interpreter state: the variables, the random seed and the history of a
/// notebook or kernel. The kernel and the headless runner are two thin front ends
/// over the same `Session`, so a notebook gives the same outputs through either.
///
/// CONTRACT (other targets build against these signatures; keep them stable):
/// `execute`, `complete`, `inspect`, `isComplete`, `languageInfo`, `banner`.
public final class Session {
    /// Makes a fresh session with an empty namespace.
    public init() {}

    /// Parses the whole cell, then evaluates it statement by statement, sending
    /// streams and displays to `sink` as they happen.
    /// - Parameters:
    ///   - code: the cell's source.
    ///   - sink: where `print`, `warn`, `show`, `clear` and progress go.
    ///   - monitor: polled for interrupts; long work reports progress through it.
    /// - Returns: the last expression's display, or the error that stopped the cell.
    public func execute(_ code: String, sink: OutputSink, monitor: WorkMonitor) -> CellOutcome {
        .failure(CellError(ename: "NotImplemented", evalue: "the language has not landed yet", traceback: []))
    }

    /// Completion candidates at `cursor` (Unicode scalars from the start of `code`).
    public func complete(_ code: String, cursor: Int) -> Completion {
        Completion(matches: [], cursorStart: cursor, cursorEnd: cursor)
    }

    /// Help for the name under or before `cursor` (Shift-Tab), or `nil` if none.
    public func inspect(_ code: String, cursor: Int, detailLevel: Int) -> MIMEBundle? { nil }

    /// Whether `code` is ready to run or needs more lines.
    public func isComplete(_ code: String) -> Completeness { .unknown }

    /// The `language_info` object of `kernel_info_reply` and notebook metadata.
    public static var languageInfo: JSONValue {
        [
            "name": "solvable",
            "version": "0.1.0",
            "mimetype": "text/x-solvable",
            "file_extension": ".solv",
            "pygments_lexer": "python",
            "codemirror_mode": "python",
        ]
    }

    /// The banner of `kernel_info_reply`.
    public static var banner: String {
        "Solvable 0.1.0: solvable models of deep-learning theory. Type help() for the builtins."
    }
}
