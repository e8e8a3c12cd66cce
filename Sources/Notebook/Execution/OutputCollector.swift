import Display
import JSON
import Language

/// An `OutputSink` that turns what a running cell shows into nbformat outputs the way
/// Jupyter (JupyterLab's output area, nbclient) records iopub messages:
///
/// - consecutive `stream` text with the same name is merged into one output;
/// - `display` appends a `display_data` output (`data`, `metadata`);
/// - `display(update: true)` replaces the data of every earlier output of this run
///   with the same display id (unknown ids are ignored, as nbclient does). A progress
///   bar that is updated therefore ends up in the saved notebook as its final state,
///   exactly as JupyterLab saves it, so kernel-written and `solvable run`-written
///   notebooks match;
/// - `clearOutput(wait: false)` clears at once, `wait: true` clears when the next
///   output arrives (a clear that is never followed by output leaves the outputs).
///
/// Multi-line text is stored as nbformat lists of lines (see `LineSplitting`).
public final class OutputCollector: OutputSink {
    /// One output under construction (stream text is joined as it arrives).
    private enum Pending {
        case stream(name: String, text: String)
        case display(bundle: MIMEBundle, displayID: String?)
        case json(JSONValue)
    }

    private var pending: [Pending] = []
    private var clearOnNextOutput = false

    /// Makes an empty collector.
    public init() {}

    /// Appends stream text, merging with the previous output if it is the same stream.
    public func stream(_ name: StreamName, _ text: String) {
        flushClear()
        if case .stream(let last, let earlier)? = pending.last, last == name.rawValue {
            pending[pending.count - 1] = .stream(name: last, text: earlier + text)
        } else {
            pending.append(.stream(name: name.rawValue, text: text))
        }
    }

    /// Appends a `display_data` output, or updates earlier ones with the same id.
    public func display(_ bundle: MIMEBundle, displayID: String?, update: Bool) {
        if update {
            guard let displayID else { return }
            for index in pending.indices {
                if case .display(_, let id) = pending[index], id == displayID {
                    pending[index] = .display(bundle: bundle, displayID: id)
                }
            }
            return
        }
        flushClear()
        pending.append(.display(bundle: bundle, displayID: displayID))
    }

    /// Clears the outputs now, or when the next output arrives if `wait`.
    public func clearOutput(wait: Bool) {
        if wait {
            clearOnNextOutput = true
        } else {
            pending.removeAll()
            clearOnNextOutput = false
        }
    }

    /// Appends an already-formed output (the cell's `execute_result` or `error`).
    public func append(_ output: JSONValue) {
        flushClear()
        pending.append(.json(output))
    }

    /// The outputs collected so far, as nbformat JSON.
    public var outputs: [JSONValue] {
        pending.map { item in
            switch item {
            case .stream(let name, let text): return OutputJSON.stream(name: name, text: text)
            case .display(let bundle, _): return OutputJSON.displayData(bundle)
            case .json(let value): return value
            }
        }
    }

    private func flushClear() {
        if clearOnNextOutput {
            pending.removeAll()
            clearOnNextOutput = false
        }
    }
}
