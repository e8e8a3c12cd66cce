import Display
import JSON
import Models
import NumericCore

/// One interpreter state: the variables, the random seed and the history of a
/// notebook or kernel. The kernel and the headless runner are two thin front ends
/// over the same `Session`, so a notebook gives the same outputs through either.
///
/// CONTRACT (other targets build against these signatures; keep them stable):
/// `execute`, `complete`, `inspect`, `isComplete`, `languageInfo`, `banner`.
public final class Session {
    /// The builtins and models this session knows.
    public let registry: Registry
    let interpreter: Interpreter
    /// The settings when `startTrace` was called.
    var traceStart: SessionSettings?

    /// Makes a fresh session with an empty namespace over `ModelCatalog`.
    public convenience init() {
        self.init(families: ModelCatalog.families, functions: ModelCatalog.functions)
    }

    /// Makes a fresh session over the given model families and functions (tests use
    /// small fake families).
    public init(families: [ModelFamily], functions: [ModelFunction]) {
        registry = Registry(families: families, functions: functions)
        interpreter = Interpreter(registry: registry)
    }

    /// Parses the whole cell, then evaluates it statement by statement, sending
    /// streams and displays to `sink` as they happen.
    /// - Parameters:
    ///   - code: the cell's source.
    ///   - sink: where `print`, `warn`, `show`, `clear` and progress go.
    ///   - monitor: polled for interrupts; long work reports progress through it.
    /// - Returns: the last expression's display, or the error that stopped the cell.
    public func execute(_ code: String, sink: OutputSink, monitor: WorkMonitor) -> CellOutcome {
        interpreter.sink = sink
        // The cell's own monitor follows the caller's interrupts and carries the cell's
        // time limit, so every piece of work below stops at either.
        interpreter.startCell(WorkMonitor(parent: monitor) { monitor.report(done: $0.done, total: $0.total, label: $0.label) })
        interpreter.payloads = []
        defer {
            interpreter.sink = NullSink()
            interpreter.monitor = WorkMonitor.none
            interpreter.explores.publish(interpreter)
        }
        do {
            let statements = try Parser.parse(code)
            let value = try interpreter.run(statements)
            return .success(result: value.bundle(registry: registry), payloads: interpreter.payloads)
        } catch {
            return .failure(error.cellError(source: code))
        }
    }

    /// The estimate of the last operation checked against the limits (memory and time
    /// predicted before it ran), for calibrating estimates against measured times.
    public var lastEstimate: WorkEstimate? { interpreter.lastEstimate }

    /// Where `save` and `load` resolve relative paths; a headless run sets the
    /// notebook's directory, as nbclient does with its working directory.
    public var files: FileScope {
        get { interpreter.files }
        set { interpreter.files = newValue }
    }

    /// The value of variable `name`, for tests and front ends, or `nil`.
    public func variable(_ name: String) -> Value? { interpreter.variables[name] }

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
