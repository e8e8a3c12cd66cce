import Display
import JSON

/// Where a running cell sends what it shows, as it shows it: the kernel forwards
/// these to iopub, the headless runner collects them into nbformat outputs.
public protocol OutputSink: AnyObject {
    /// Text written by `print` (`stdout`) or `warn` (`stderr`).
    func stream(_ name: StreamName, _ text: String)
    /// A rich display (`show(x)`, a progress bar, help). A `displayID` lets later
    /// calls with `update: true` replace it in place (`update_display_data`).
    func display(_ bundle: MIMEBundle, displayID: String?, update: Bool)
    /// `clear()`: clear the cell's output (`wait`: clear when new output arrives).
    func clearOutput(wait: Bool)
    /// `input(prompt)`: a line the user types in the front end, waiting until it comes
    /// or `isCancelled` turns true (an interrupt).
    func input(_ prompt: String, password: Bool, isCancelled: @escaping @Sendable () -> Bool) -> Result<String, InputFailure>
}

extension OutputSink {
    /// A sink without a front end to ask (`solvable run`, `solvable eval`, tests).
    public func input(_ prompt: String, password: Bool,
                      isCancelled: @escaping @Sendable () -> Bool) -> Result<String, InputFailure> {
        .failure(.unavailable("there is no front end to type into here (input() needs a Jupyter front end)"))
    }
}

/// Why `input()` got no line.
public enum InputFailure: Error, Sendable, Equatable {
    /// The front end does not take input; the reason, for the user.
    case unavailable(String)
    /// The cell was interrupted while waiting.
    case interrupted
}

/// The two output streams of a cell.
public enum StreamName: String, Sendable {
    case stdout
    case stderr
}

/// How a cell ended.
public enum CellOutcome: Sendable, Equatable {
    /// The cell ran. `result` is the last expression's display (nil when the cell ends
    /// in an assignment or a call that returns nothing); `payloads` are protocol
    /// payloads such as IPython's pager payload for `?name`.
    case success(result: MIMEBundle?, payloads: [JSONValue])
    /// The cell stopped with an error.
    case failure(CellError)
}

/// A user-facing error as Jupyter shows it: name, message, and traceback lines.
public struct CellError: Error, Sendable, Equatable {
    /// The error kind: `SyntaxError`, `NameError`, `ArgumentError`, `DomainError`,
    /// `ResourceError`, `Interrupted` (or `TypeError`, `IndexError` where they fit).
    public var ename: String
    /// The message, without position.
    public var evalue: String
    /// Lines as a terminal shows them: `ename: evalue`, the position, the source line
    /// and a caret under the column (ANSI colour allowed).
    public var traceback: [String]
    /// 1-based line of the problem in the cell, if known.
    public var line: Int?
    /// 1-based column of the problem in that line, if known.
    public var column: Int?

    /// Makes an error record.
    public init(ename: String, evalue: String, traceback: [String], line: Int? = nil, column: Int? = nil) {
        self.ename = ename
        self.evalue = evalue
        self.traceback = traceback
        self.line = line
        self.column = column
    }
}

/// Completion candidates for the text around a cursor, as `complete_reply` carries them.
public struct Completion: Sendable, Equatable {
    /// Candidate replacements for `code[cursorStart..<cursorEnd]`.
    public var matches: [String]
    /// Start of the replaced span, in Unicode scalars from the start of the code.
    public var cursorStart: Int
    /// End of the replaced span, in Unicode scalars.
    public var cursorEnd: Int
    /// Extra data (`_jupyter_types_experimental`), may be empty.
    public var metadata: [String: JSONValue]

    /// Makes a completion reply.
    public init(matches: [String], cursorStart: Int, cursorEnd: Int, metadata: [String: JSONValue] = [:]) {
        self.matches = matches
        self.cursorStart = cursorStart
        self.cursorEnd = cursorEnd
        self.metadata = metadata
    }
}

/// Whether a piece of code is ready to run, as `is_complete_reply` says it.
public enum Completeness: Sendable, Equatable {
    /// Ready to run.
    case complete
    /// More input is expected (open bracket or string); `indent` is the suggested
    /// indentation of the next line.
    case incomplete(indent: String)
    /// Cannot become valid by adding lines.
    case invalid
    /// Cannot tell.
    case unknown
}
