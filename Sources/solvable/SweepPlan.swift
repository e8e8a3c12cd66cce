import JSON
import Language
import Notebook
import Platform

/// A sweep's plan, saved as `DIR/sweep.json` when the sweep is made and read by every
/// task: the notebook, the swept parameter names and one list of literals per task
/// (the Cartesian product of the `-p` lists, the last `-p` varying fastest, as
/// `itertools.product` orders it). Task `i` writes `DIR/i/`.
struct SweepPlan: Equatable {
    /// The file name of the plan inside the sweep directory.
    static let fileName = "sweep.json"

    /// The notebook every task runs (an absolute path, so tasks may start anywhere).
    var notebook: String
    /// The swept parameter names, in `-p` order.
    var names: [String]
    /// One list of literals per task, aligned with `names`.
    var tasks: [[String]]
    /// The per-cell time limit passed to every task.
    var timeout: Double?

    /// The overrides of task `index`, as `NotebookExecutor` takes them.
    func parameters(of index: Int) -> [(name: String, literal: String)] {
        Array(zip(names, tasks[index])).map { (name: $0.0, literal: $0.1) }
    }

    /// Builds the plan for `notebook` from `-p name=v1,v2,...` lists.
    /// - Throws: `NotebookError` for a malformed list, a name given twice, or a name the
    ///   notebook's `parameters` cell does not define (with a did-you-mean).
    static func make(notebook: String, lists: [String], timeout: Double?) throws(NotebookError) -> SweepPlan {
        let defined = definedNames(in: try Notebook(contentsOf: notebook))
        var names: [String] = []
        var values: [[String]] = []
        for list in lists {
            guard let equals = list.firstIndex(of: "=") else {
                throw NotebookError(path: "-p \(list)", message: "expected name=value1,value2,...")
            }
            let items = splitTopLevel(String(list[list.index(after: equals)...]))
            let parsed = try items.map { item throws(NotebookError) in
                try ParameterInjection.parse(String(list[..<equals]) + "=" + item)
            }
            let name = parsed[0].name
            guard defined.contains(name) else {
                let known = defined.isEmpty ? "the notebook has no cell tagged 'parameters'"
                    : "the parameters cell defines " + defined.joined(separator: ", ")
                throw NotebookError(path: "-p \(list)",
                                    message: "unknown parameter '\(name)'\(Suggestion.clause(for: name, in: defined)) (\(known))")
            }
            guard !names.contains(name) else {
                throw NotebookError(path: "-p \(list)", message: "'\(name)' is swept twice; give its values in one comma-separated list")
            }
            names.append(name)
            values.append(parsed.map(\.literal))
        }
        var tasks: [[String]] = [[]]
        for column in values { tasks = tasks.flatMap { prefix in column.map { prefix + [$0] } } }
        return SweepPlan(notebook: notebook, names: names, tasks: tasks, timeout: timeout)
    }

    /// The names assigned at the top level of the cell tagged `parameters` (`name = ...`).
    static func definedNames(in notebook: Notebook) -> [String] {
        guard let cell = notebook.cells.first(where: { $0.tags.contains(ParameterInjection.parametersTag) }) else { return [] }
        var names: [String] = []
        for line in cell.source.split(separator: "\n", omittingEmptySubsequences: true) {
            guard let first = line.first, first == "_" || first.isLetter else { continue }
            let name = line.prefix { $0 == "_" || $0.isLetter || $0.isNumber }
            let rest = line.dropFirst(name.count).drop { $0 == " " || $0 == "\t" }
            if rest.hasPrefix("="), !rest.hasPrefix("==") { names.append(String(name)) }
        }
        return names
    }

    /// Splits `a,[1, 2],"x,y"` at the commas outside brackets and quotes.
    static func splitTopLevel(_ text: String) -> [String] {
        var items: [String] = []
        var current = ""
        var depth = 0
        var quoted = false
        for character in text {
            switch character {
            case "\"": quoted.toggle()
            case "[", "(": if !quoted { depth += 1 }
            case "]", ")": if !quoted { depth -= 1 }
            case "," where !quoted && depth == 0:
                items.append(current)
                current = ""
                continue
            default: break
            }
            current.append(character)
        }
        items.append(current)
        return items
    }

}

// MARK: - File

extension SweepPlan {
    /// The plan as JSON.
    var json: JSONValue {
        [
            "notebook": .string(notebook),
            "names": .array(names.map(JSONValue.string)),
            "tasks": .array(tasks.map { .array($0.map(JSONValue.string)) }),
            "timeout": timeout.map(JSONValue.double) ?? .null,
        ]
    }

    /// Writes the plan to `directory/sweep.json` atomically.
    func write(to directory: String) throws(NotebookError) {
        let path = directory + "/" + Self.fileName
        do { try FileIO.writeAtomically(JSONWriter.bytes(json, style: .notebook), to: path) } catch {
            throw NotebookError(file: path, message: error.message)
        }
    }

    /// Reads `directory/sweep.json`.
    /// - Throws: `NotebookError` naming the file if it is missing or not a plan.
    init(directory: String) throws(NotebookError) {
        let path = directory + "/" + Self.fileName
        let value: JSONValue
        do { value = try JSONParser.parse(FileIO.read(path)) } catch let error as FileIO.Failure {
            throw NotebookError(file: path, message: error.message + " (is \(directory) a sweep directory made by solvable sweep?)")
        } catch {
            throw NotebookError(file: path, message: "\(error)")
        }
        guard let notebook = value["notebook"]?.stringValue,
              let names = value["names"]?.arrayValue?.compactMap(\.stringValue),
              let tasks = value["tasks"]?.arrayValue?.map({ $0.arrayValue?.compactMap(\.stringValue) ?? [] }),
              tasks.allSatisfy({ $0.count == names.count })
        else { throw NotebookError(file: path, message: "not a sweep plan (needs notebook, names and tasks)") }
        self.init(notebook: notebook, names: names, tasks: tasks, timeout: value["timeout"]?.doubleValue)
    }
}
