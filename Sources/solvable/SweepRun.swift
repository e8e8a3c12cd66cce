import Dispatch
import JSON
import Notebook
import Platform
#if canImport(Glibc)
import Glibc
#endif

/// One task of a sweep: runs the plan's notebook with the task's parameters into
/// `DIR/i/NAME.ipynb` and records what happened in `DIR/i/run.json`
/// (`{"task", "parameters", "status", "error", "seconds", "host", "slurm_job"}`).
/// The record says `running` before the notebook starts, so a task killed on the way
/// (scancel, a node lost, a wall-time limit) leaves `running` behind and `gather`
/// names it as unfinished.
struct SweepRun {
    /// The file name of a task's record.
    static let recordName = "run.json"

    /// The sweep directory.
    var directory: String
    /// The plan.
    var plan: SweepPlan
    /// The task index.
    var index: Int

    /// `DIR/i`.
    var taskDirectory: String { directory + "/\(index)" }
    /// `DIR/i/NAME.ipynb`.
    var notebookPath: String { taskDirectory + "/" + NotebookFiles.stem(plan.notebook) + ".ipynb" }

    /// Runs the task; returns its error message, or `nil` if every cell ran.
    /// - Throws: `NotebookError` if the notebook cannot be read or the outputs written.
    func run() throws(NotebookError) -> String? {
        try NotebookFiles.makeDirectory(taskDirectory)
        try writeRecord(status: "running", error: nil, seconds: nil)
        let start = DispatchTime.now().uptimeNanoseconds
        let notebook = try Notebook(contentsOf: plan.notebook)
        let executor = NotebookExecutor(options: .init(parameters: plan.parameters(of: index), timeout: plan.timeout))
        let result = executor.run(notebook)
        try result.notebook.write(to: notebookPath)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let error = result.failure.map(\.description)
        try writeRecord(status: error == nil ? "ok" : "failed", error: error, seconds: seconds)
        return error
    }

    /// Writes `run.json` atomically.
    private func writeRecord(status: String, error: String?, seconds: Double?) throws(NotebookError) {
        var parameters: [String: JSONValue] = [:]
        for (name, literal) in plan.parameters(of: index) { parameters[name] = .string(literal) }
        let record: JSONValue = [
            "task": .int(index),
            "parameters": .object(parameters),
            "status": .string(status),
            "error": error.map(JSONValue.string) ?? .null,
            "seconds": seconds.map(JSONValue.double) ?? .null,
            "host": .string(Self.hostName),
            "slurm_job": Self.environment("SLURM_JOB_ID").map(JSONValue.string) ?? .null,
        ]
        let path = taskDirectory + "/" + Self.recordName
        do { try FileIO.writeAtomically(JSONWriter.bytes(record, style: .notebook), to: path) } catch {
            throw NotebookError(file: path, message: error.message)
        }
    }

    /// Where task `index` stands, read from its record.
    static func status(directory: String, index: Int) -> TaskStatus {
        let path = directory + "/\(index)/" + recordName
        guard let bytes = try? FileIO.read(path) else { return .missing }
        guard let record = try? JSONParser.parse(bytes), let status = record["status"]?.stringValue else {
            return .failed("unreadable \(path)")
        }
        switch status {
        case "ok": return .ok
        case "running": return .unfinished
        default: return .failed(record["error"]?.stringValue ?? status)
        }
    }

    /// The value of an environment variable.
    static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    private static var hostName: String {
        var buffer = [UInt8](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count) == 0 else { return "unknown" }
        return String(decoding: buffer.prefix { $0 != 0 }, as: UTF8.self)
    }
}

/// How far a sweep task got.
enum TaskStatus: Equatable {
    /// Every cell ran.
    case ok
    /// A cell stopped with this error.
    case failed(String)
    /// Started but never finished: killed, or still running.
    case unfinished
    /// Never started (no record).
    case missing

    /// Whether a resubmit should run the task again.
    var needsRerun: Bool { self != .ok }

    /// `ok`, `failed: ...`, `did not finish (killed, or still running)`, `missing (never started)`.
    var description: String {
        switch self {
        case .ok: return "ok"
        case .failed(let error): return "failed: " + error
        case .unfinished: return "did not finish (killed, or still running)"
        case .missing: return "missing (never started)"
        }
    }
}
