import ArgumentParser
import Display
import Foundation
import JSON
import Language
import NumericCore

/// `solvable eval FILE` / `solvable eval -e CODE`: runs one cell of the language and
/// prints the text/plain of each output (or, with `--json`, the nbformat outputs).
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate a file or a snippet of the Solvable language and print its outputs.")

    @Argument(help: "A file of Solvable code.")
    var file: String?

    @Option(name: .shortAndLong, help: "Code to evaluate instead of a file.")
    var expression: String?

    @Flag(help: "Print the cell's outputs as a JSON list of nbformat output objects.")
    var json = false

    func validate() throws {
        if (file == nil) == (expression == nil) {
            throw ValidationError("give either a FILE or -e CODE")
        }
        // Checked here, not in run(), so the message comes with eval's usage.
        var isDirectory: ObjCBool = false
        if let file, !FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) || isDirectory.boolValue
            || !FileManager.default.isReadableFile(atPath: file) {
            throw ValidationError("cannot read \(file)")
        }
    }

    func run() throws {
        let code: String
        if let expression {
            code = expression
        } else {
            guard let data = FileManager.default.contents(atPath: file!) else {
                throw ValidationError("cannot read \(file!)")
            }
            code = String(decoding: data, as: UTF8.self)
        }
        let sink = CollectingSink(echo: !json)
        let outcome = Session().execute(code, sink: sink, monitor: WorkMonitor())
        var failed = false
        switch outcome {
        case .success(let result, let payloads):
            if let result { sink.record(.result(result)) }
            for payload in payloads {
                // A pager payload (`?name`) prints like a display of its bundle.
                if let data = payload["data"]?.objectValue { sink.record(.display(MIMEBundle(data: data))) }
            }
        case .failure(let error):
            sink.record(.error(error))
            failed = true
        }
        if json {
            print(JSONWriter.string(.array(sink.outputs.map(\.nbformat)), style: .notebook))
        }
        if failed { throw ExitCode.failure }
    }
}

/// Collects a cell's outputs as nbformat records; echoes text as it comes unless
/// printing JSON. Progress displays go to stderr only.
final class CollectingSink: OutputSink {
    /// One output of a cell.
    enum Output {
        case stream(StreamName, String)
        case display(MIMEBundle)
        case result(MIMEBundle)
        case error(CellError)

        /// The nbformat v4 output object.
        var nbformat: JSONValue {
            switch self {
            case .stream(let name, let text):
                return ["output_type": "stream", "name": .string(name.rawValue), "text": .string(text)]
            case .display(let bundle):
                return ["output_type": "display_data", "data": bundle.dataJSON, "metadata": bundle.metadataJSON]
            case .result(let bundle):
                return ["output_type": "execute_result", "execution_count": 1, "data": bundle.dataJSON, "metadata": bundle.metadataJSON]
            case .error(let e):
                return ["output_type": "error", "ename": .string(e.ename), "evalue": .string(e.evalue),
                        "traceback": .array(e.traceback.map(JSONValue.string))]
            }
        }
    }

    private(set) var outputs: [Output] = []
    private var displayIndex: [String: Int] = [:]
    private let echo: Bool

    init(echo: Bool) { self.echo = echo }

    /// Adds an output and, when echoing, prints it.
    func record(_ output: Output) {
        outputs.append(output)
        guard echo else { return }
        switch output {
        case .stream(.stdout, let text): FileHandle.standardOutput.write(Data(text.utf8))
        case .stream(.stderr, let text): FileHandle.standardError.write(Data(text.utf8))
        case .display(let b), .result(let b): print(b.plainText)
        case .error(let e): FileHandle.standardError.write(Data((e.traceback.joined(separator: "\n") + "\n").utf8))
        }
    }

    func stream(_ name: StreamName, _ text: String) { record(.stream(name, text)) }

    func display(_ bundle: MIMEBundle, displayID: String?, update: Bool) {
        if let displayID, displayID.hasPrefix("solvable-progress") {
            FileHandle.standardError.write(Data((bundle.plainText + "\n").utf8))
            return
        }
        record(.display(bundle))
    }

    func clearOutput(wait: Bool) { outputs.removeAll() }
}
