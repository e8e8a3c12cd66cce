import Display
import JSON
import Language

/// What the message core asks of a language, as xeus's `xinterpreter` does: the
/// core owns the protocol (ids, busy/idle, history, abort-on-error) and the
/// interpreter only runs code and answers questions about it.
///
/// Threading: `execute`, `complete`, `inspect` and `isComplete` are called from the
/// main shell's thread and from subshell threads (JEP 91), so they may come
/// concurrently: an interpreter serializes what must not overlap. `interrupt` and
/// `shutdown` may be called from the control or signal thread while `execute` runs.
public protocol Interpreter: AnyObject, Sendable {
    /// Runs a cell, sending its streams and displays to `context.sink` as they happen.
    /// - Returns: the last expression's display, or the error that stopped the cell.
    func execute(_ code: String, context: ExecutionContext) -> CellOutcome
    /// Completion candidates at `cursor` (Unicode scalars from the start of `code`).
    func complete(_ code: String, cursor: Int) -> Completion
    /// Help for the name at `cursor`, or `nil` if there is none.
    func inspect(_ code: String, cursor: Int, detailLevel: Int) -> MIMEBundle?
    /// Whether `code` is ready to run.
    func isComplete(_ code: String) -> Completeness
    /// The static part of `kernel_info_reply`.
    var kernelInfo: KernelInfo { get }
    /// Asks the running cell (if any) to stop at its next checkpoint.
    func interrupt()
    /// Releases resources before the process exits (`restart`: a new kernel follows).
    func shutdown(restart: Bool)
}

/// What a running cell may use: where output goes and its execution count.
public struct ExecutionContext: Sendable {
    /// Where `print`, `warn`, `show`, `clear` and progress go (iopub).
    public var sink: any OutputSink & Sendable
    /// The cell's execution count (`In [n]`).
    public var executionCount: Int

    /// Makes a context.
    public init(sink: any OutputSink & Sendable, executionCount: Int) {
        self.sink = sink
        self.executionCount = executionCount
    }
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
