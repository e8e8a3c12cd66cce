import JSON

/// What the message core asks of a language, as xeus's `xinterpreter` does: the
/// core owns the protocol (ids, busy/idle, history, abort-on-error) and the
/// interpreter only runs code and answers questions about it, in the protocol's own
/// terms (JSON values, MIME bundles as data), so the core knows no language.
///
/// Threading: `execute`, `complete`, `inspect` and `isComplete` are called from the
/// main shell's thread and from subshell threads (JEP 91), so they may come
/// concurrently: an interpreter serializes what must not overlap. `interrupt` and
/// `shutdown` may be called from the control or signal thread while `execute` runs.
public protocol Interpreter: AnyObject, Sendable {
    /// Runs a cell, publishing its streams and displays through `context` as they happen.
    /// - Returns: the last expression's display, or the error that stopped the cell.
    func execute(_ code: String, context: ExecutionContext) -> ExecutionOutcome
    /// Completion candidates at `cursor` (Unicode scalars from the start of `code`).
    func complete(_ code: String, cursor: Int) -> CompletionReply
    /// Help for the name at `cursor`, or `nil` if there is none.
    func inspect(_ code: String, cursor: Int, detailLevel: Int) -> MIMEData?
    /// Whether `code` is ready to run.
    func isComplete(_ code: String) -> CompletenessReply
    /// The static part of `kernel_info_reply`.
    var kernelInfo: KernelInfo { get }
    /// Asks the running cell (if any) to stop at its next checkpoint.
    func interrupt()
    /// Releases resources before the process exits (`restart`: a new kernel follows).
    func shutdown(restart: Bool)
    /// The comm targets the language answers (`jupyter.widget`, ...); the core closes a
    /// `comm_open` to any other target at once.
    var commTargets: [String] { get }
    /// A comm message from the front end to one of `commTargets` (or to a comm the
    /// language opened), with `publisher` for what it sends back (`comm_msg`,
    /// `comm_close`, displays), parented to the message. Called on the thread of the
    /// shell or subshell that received it, so possibly while `execute` runs elsewhere.
    func comm(_ message: CommMessage, publisher: any OutputPublisher)
}

/// A MIME bundle as the protocol carries it: `data` (MIME type → value) and `metadata`.
public struct MIMEData: Sendable, Equatable {
    /// MIME type → representation (text as one string, JSON types as JSON).
    public var data: JSONValue
    /// Per-type metadata (an object, often empty).
    public var metadata: JSONValue

    /// Makes a bundle.
    public init(data: JSONValue, metadata: JSONValue = [:]) {
        self.data = data
        self.metadata = metadata
    }

    /// Its `text/plain`, or "".
    public var plainText: String { data["text/plain"]?.stringValue ?? "" }
}

/// How a cell ended.
public enum ExecutionOutcome: Sendable, Equatable {
    /// The cell ran: its result (nil when it ends in an assignment) and payloads
    /// (such as IPython's pager payload for `?name`).
    case ok(result: MIMEData?, payloads: [JSONValue])
    /// The cell stopped with an error.
    case error(ExecutionError)
}

/// An error as the protocol reports it: `ename`, `evalue`, `traceback` lines.
public struct ExecutionError: Error, Sendable, Equatable {
    /// The error kind (`NameError`, ...).
    public var ename: String
    /// The message.
    public var evalue: String
    /// The lines a terminal shows.
    public var traceback: [String]

    /// Makes an error.
    public init(ename: String, evalue: String, traceback: [String]) {
        self.ename = ename
        self.evalue = evalue
        self.traceback = traceback
    }

    /// The `error` message content (also the core of an error `execute_reply`).
    public var content: JSONValue {
        ["ename": .string(ename), "evalue": .string(evalue), "traceback": .array(traceback.map(JSONValue.string))]
    }
}

/// The content of a `complete_reply`.
public struct CompletionReply: Sendable, Equatable {
    /// Candidate replacements for `code[cursorStart..<cursorEnd]`.
    public var matches: [String]
    /// Start of the replaced span, in Unicode scalars.
    public var cursorStart: Int
    /// End of the replaced span, in Unicode scalars.
    public var cursorEnd: Int
    /// Extra data (`_jupyter_types_experimental`), may be empty.
    public var metadata: [String: JSONValue]

    /// Makes a reply.
    public init(matches: [String], cursorStart: Int, cursorEnd: Int, metadata: [String: JSONValue] = [:]) {
        self.matches = matches
        self.cursorStart = cursorStart
        self.cursorEnd = cursorEnd
        self.metadata = metadata
    }
}

/// The verdict of an `is_complete_reply`.
public enum CompletenessReply: Sendable, Equatable {
    /// Ready to run.
    case complete
    /// More input is expected; `indent` is the suggested indentation of the next line.
    case incomplete(indent: String)
    /// Cannot become valid by adding lines.
    case invalid
    /// Cannot tell.
    case unknown
}

/// What a running cell may use: where its output goes, how it asks for input, and its
/// execution count.
public struct ExecutionContext: Sendable {
    /// Publishes the cell's output on iopub as a child of the request.
    public var publisher: any OutputPublisher
    /// The cell's execution count (`In [n]`).
    public var executionCount: Int

    /// Makes a context.
    public init(publisher: any OutputPublisher, executionCount: Int) {
        self.publisher = publisher
        self.executionCount = executionCount
    }
}

/// Where a running cell's output goes, as iopub messages; and the front end to ask
/// for a line (`input_request` on stdin).
public protocol OutputPublisher: Sendable {
    /// Publishes `stream`, `display_data`, `update_display_data` or `clear_output`
    /// with `content`.
    func publish(_ type: String, _ content: JSONValue)
    /// Publishes `type` with `content` and message `metadata` (a `comm_open` of a
    /// widget carries the widget protocol version there).
    func publish(_ type: String, _ content: JSONValue, metadata: JSONValue)
    /// A line the user types in answer to `prompt`, waiting until it comes or
    /// `isCancelled` turns true.
    func input(_ prompt: String, password: Bool, isCancelled: @escaping @Sendable () -> Bool) -> InputReply
}

/// The answer to an `input_request`.
public enum InputReply: Sendable, Equatable {
    /// The line typed.
    case line(String)
    /// The request did not allow stdin; the reason, for the user.
    case notAllowed(String)
    /// The cell was interrupted while waiting.
    case interrupted
}

/// The interpreter-specific fields of `kernel_info_reply`.
public struct KernelInfo: Sendable, Equatable {
    /// `implementation` (e.g. `solvable`).
    public var implementation: String
    /// `implementation_version`.
    public var implementationVersion: String
    /// `language_info` object.
    public var languageInfo: JSONValue
    /// `banner` text.
    public var banner: String
    /// `help_links`: objects with `text` and `url`.
    public var helpLinks: [JSONValue]

    /// Makes a kernel description.
    public init(implementation: String, implementationVersion: String, languageInfo: JSONValue,
                banner: String, helpLinks: [JSONValue] = []) {
        self.implementation = implementation
        self.implementationVersion = implementationVersion
        self.languageInfo = languageInfo
        self.banner = banner
        self.helpLinks = helpLinks
    }
}
