import Display
import JSON
import Language
import Notebook
import NumericCore
import TestSupport

/// A stand-in interpreter for executor tests: each source line is a command, so a
/// test states exactly which outputs a cell sends, in which order.
///
/// `out T` / `err T` stream a line; `show ID T` displays T (ID `-` for none);
/// `update ID T` updates a display; `clear` / `clearwait`; `result T` ends with a
/// result; `fail` stops with a NameError on that line; `spin` waits for an interrupt;
/// `claim TEXT MEASURED EXPECT TOL` shows a claim record; `name = value` records a
/// variable and `echo name` prints it.
final class ScriptedEvaluator: CellEvaluator {
    var variables: [String: String] = [:]
    var executed: [String] = []

    func execute(_ code: String, sink: OutputSink, monitor: WorkMonitor) -> CellOutcome {
        executed.append(code)
        var result: MIMEBundle?
        for (offset, line) in code.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let words = line.split(separator: " ", maxSplits: 2).map(String.init)
            guard let command = words.first else { continue }
            let rest = words.dropFirst().joined(separator: " ")
            switch command {
            case "out": sink.stream(.stdout, rest + "\n")
            case "err": sink.stream(.stderr, rest + "\n")
            case "show": sink.display(MIMEBundle(plain: words[2]), displayID: words[1] == "-" ? nil : words[1], update: false)
            case "update": sink.display(MIMEBundle(plain: words[2]), displayID: words[1], update: true)
            case "clear": sink.clearOutput(wait: false)
            case "clearwait": sink.clearOutput(wait: true)
            case "result": result = MIMEBundle(plain: rest, ["text/html": .string("<b>\(rest)</b>\nsecond line")])
            case "fail":
                return .failure(CellError(ename: "NameError", evalue: "unknown name 'fail'",
                                          traceback: ["NameError: unknown name 'fail'"], line: offset + 1, column: 1))
            case "spin":
                while !monitor.isCancelled {}
                return .failure(CellError(ename: "Interrupted", evalue: "interrupted", traceback: [], line: offset + 1))
            case "claim":
                let parts = line.split(separator: " ").map(String.init)
                let measured = Double(parts[2])!, expect = Double(parts[3])!, tol = Double(parts[4])!
                let record: JSONValue = ["text": .string(parts[1]), "measured": .double(measured),
                                         "expect": .double(expect), "tol": .double(tol),
                                         "pass": .bool(abs(measured - expect) <= tol)]
                sink.display(MIMEBundle(plain: parts[1], [Claim.mimeType: record]), displayID: nil, update: false)
            case "echo": sink.stream(.stdout, (variables[rest] ?? "undefined") + "\n")
            case "#": continue
            default:
                if words.count == 3, words[1] == "=" { variables[words[0]] = words[2] }
            }
        }
        return .success(result: result, payloads: [])
    }
}

/// Builds a notebook of code cells from sources (nbformat 4.5, ids c0, c1, ...).
func notebook(_ sources: [String], tags: [Int: [String]] = [:]) -> Notebook {
    Notebook(cells: sources.enumerated().map { index, source in
        var metadata: [String: JSONValue] = [:]
        if let list = tags[index] { metadata["tags"] = .array(list.map(JSONValue.string)) }
        return Cell(kind: .code, source: source, id: "c\(index)", metadata: metadata)
    })
}

/// The notebook without `execution` timing metadata, as text.
func withoutTiming(_ notebook: Notebook) -> String {
    var copy = notebook
    for index in copy.cells.indices {
        var metadata = copy.cells[index].metadata
        metadata["execution"] = nil
        copy.cells[index].metadata = metadata
    }
    return copy.serialized()
}

/// The path of a fixture next to this file.
func fixture(_ name: String) -> String {
    Repository.path("Tests/NotebookTests/Fixtures/" + name)
}
