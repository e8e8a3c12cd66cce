import ArgumentParser
import Display
import Foundation
import JSON
import Language
import Notebook
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
        let echo = !json
        // The recorder `solvable run` and the kernel use: nbformat outputs with lines
        // split and clear_output(wait:) applied; text is echoed as it comes, progress
        // bars on stderr.
        let recorder = OutputRecorder(forward: { type, content in
            guard echo else { return }
            Self.echo(type, content)
        })
        let outcome = Session().execute(code, sink: recorder, monitor: WorkMonitor())
        var failed = false
        switch outcome {
        case .success(let result, let payloads):
            if let result {
                recorder.append(OutputJSON.executeResult(result, executionCount: 1))
                if echo { print(result.plainText) }
            }
            for payload in payloads {
                // A pager payload (`?name`) prints like a display of its bundle.
                if let data = payload["data"]?.objectValue { recorder.display(MIMEBundle(data: data), displayID: nil, update: false) }
            }
        case .failure(let error):
            recorder.append(OutputJSON.error(error))
            if echo { FileHandle.standardError.write(Data((error.traceback.joined(separator: "\n") + "\n").utf8)) }
            failed = true
        }
        if json {
            print(JSONWriter.string(.array(recorder.outputs), style: .notebook))
        }
        if failed { throw ExitCode.failure }
    }

    /// Prints one output event as a terminal shows it: streams as they are, displays
    /// as their text/plain, progress bars (and their updates) on stderr.
    private static func echo(_ type: String, _ content: JSONValue) {
        switch type {
        case "stream":
            let text = Data((content["text"]?.stringValue ?? "").utf8)
            if content["name"] == "stderr" { FileHandle.standardError.write(text) } else { FileHandle.standardOutput.write(text) }
        case "display_data", "update_display_data":
            let plain = content["data"]?["text/plain"]?.stringValue ?? ""
            if content["transient"]?["display_id"]?.stringValue?.hasPrefix("solvable-progress") == true {
                FileHandle.standardError.write(Data((plain + "\n").utf8))
            } else if type == "display_data" {
                print(plain)
            }
        default:
            break
        }
    }
}
