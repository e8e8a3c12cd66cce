import Display
import JSON
import Language

/// The one place where what a running cell shows becomes Jupyter output: for the
/// kernel (iopub message content), for `solvable run` (nbformat outputs, as
/// JupyterLab and nbclient record iopub) and for `solvable eval` (both).
///
/// Each event is handed to `forward` as an iopub message type and its content, as the
/// protocol carries it (`stream`, `display_data` with `transient.display_id`,
/// `update_display_data`, `clear_output`). With `keepsOutputs`, the recorder also
/// builds the nbformat outputs the way Jupyter records those messages:
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
/// `input()` is answered by `input`, if given (the kernel asks its front end).
public final class OutputRecorder: OutputSink {
    /// Receives each event as an iopub message type and content.
    public typealias Forward = (_ type: String, _ content: JSONValue) -> Void
    /// Answers `input(prompt)`.
    public typealias Input = (_ prompt: String, _ password: Bool,
                              _ isCancelled: @escaping @Sendable () -> Bool) -> Result<String, InputFailure>

    /// One output under construction (stream text is joined as it arrives).
    private enum Pending {
        case stream(name: String, text: String)
        case display(bundle: MIMEBundle, displayID: String?)
        case json(JSONValue)
    }

    private let forward: Forward?
    private let answer: Input?
    private let keepsOutputs: Bool
    private var pending: [Pending] = []
    private var clearOnNextOutput = false

    /// Makes a recorder.
    /// - Parameters:
    ///   - keepsOutputs: whether to build nbformat outputs (the kernel does not).
    ///   - forward: where each event goes as iopub content, if anywhere.
    ///   - input: what answers `input()` (none: it is an error that says why).
    public init(keepsOutputs: Bool = true, forward: Forward? = nil, input: Input? = nil) {
        self.keepsOutputs = keepsOutputs
        self.forward = forward
        answer = input
    }

    /// Appends stream text, merging with the previous output if it is the same stream.
    public func stream(_ name: StreamName, _ text: String) {
        guard !text.isEmpty else { return }
        forward?("stream", ["name": .string(name.rawValue), "text": .string(text)])
        guard keepsOutputs else { return }
        flushClear()
        if case .stream(let last, let earlier)? = pending.last, last == name.rawValue {
            pending[pending.count - 1] = .stream(name: last, text: earlier + text)
        } else {
            pending.append(.stream(name: name.rawValue, text: text))
        }
    }

    /// Appends a `display_data` output, or updates earlier ones with the same id.
    public func display(_ bundle: MIMEBundle, displayID: String?, update: Bool) {
        forward?((update && displayID != nil) ? "update_display_data" : "display_data",
                 Self.displayContent(bundle, displayID: displayID))
        guard keepsOutputs else { return }
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
        forward?("clear_output", ["wait": .bool(wait)])
        if wait {
            clearOnNextOutput = true
        } else {
            pending.removeAll()
            clearOnNextOutput = false
        }
    }

    /// Asks `input`, if there is one.
    public func input(_ prompt: String, password: Bool,
                      isCancelled: @escaping @Sendable () -> Bool) -> Result<String, InputFailure> {
        guard let answer else {
            return .failure(.unavailable("there is no front end to type into here (input() needs a Jupyter front end)"))
        }
        return answer(prompt, password, isCancelled)
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

    /// The content of `display_data`/`update_display_data` (or, with an execution
    /// count added, `execute_result`): data and metadata as the protocol sends them,
    /// the display id in `transient`.
    public static func displayContent(_ bundle: MIMEBundle, displayID: String? = nil) -> JSONValue {
        var content: JSONValue = ["data": bundle.dataJSON, "metadata": bundle.metadataJSON]
        if let displayID { content["transient"] = ["display_id": .string(displayID)] }
        return content
    }

    private func flushClear() {
        if clearOnNextOutput {
            pending.removeAll()
            clearOnNextOutput = false
        }
    }
}
