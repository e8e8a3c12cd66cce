import Foundation
import Notebook

/// Where a report's numbers came from: the Solvable version, the git commit of the
/// notebook's repository, when the notebook last ran, and the seeds it sets.
struct Provenance {
    var version: String
    var commit: String?
    var runDate: String?
    var seeds: [String]

    /// Gathers provenance for the notebook at `path`.
    init(notebook: Notebook, path: String, version: String) {
        self.version = version
        commit = Self.gitCommit(directory: FileIO.parentDirectory(of: path))
        let replies = notebook.cells.compactMap { $0.metadata["execution"]?["shell.execute_reply"]?.stringValue }
            .compactMap(Timestamp.init(iso8601:))
        runDate = replies.max().map { String($0.iso8601.prefix(16)).replacingOccurrences(of: "T", with: " ") + " UTC" }
        var found: [String] = []
        let pattern = /seed\s*[=(:]\s*(\d+)/
        for cell in notebook.cells where cell.kind == .code {
            for match in cell.source.matches(of: pattern) where !found.contains(String(match.1)) {
                found.append(String(match.1))
            }
        }
        seeds = found
    }

    /// Seconds a cell took, from its `execution` metadata (`nil` if it has none).
    static func cellSeconds(_ cell: Cell) -> Double? {
        guard let execution = cell.metadata["execution"],
              let start = (execution["iopub.execute_input"] ?? execution["iopub.status.busy"])?.stringValue.flatMap(Timestamp.init(iso8601:)),
              let end = execution["shell.execute_reply"]?.stringValue.flatMap(Timestamp.init(iso8601:)) else { return nil }
        return start.seconds(to: end)
    }

    /// `git rev-parse --short HEAD` in `directory`, or `nil` outside a repository.
    static func gitCommit(directory: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory, "rev-parse", "--short=12", "HEAD"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}
