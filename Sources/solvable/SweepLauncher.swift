import Dispatch
import Foundation
import Notebook
import Platform

/// Starts a sweep's tasks: locally as `jobs` child processes of this same binary
/// (`solvable sweep --task I DIR`), or as one Slurm job array submitted with `sbatch`
/// whose array indices are the task indices, each running the same command.
struct SweepLauncher {
    /// The sweep directory (absolute).
    var directory: String

    /// This executable, as a path a child process or a compute node can run.
    static var executable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// Runs `tasks` locally, at most `jobs` at a time; returns once all have exited.
    func runLocally(_ tasks: [Int], jobs: Int) throws {
        let slots = DispatchSemaphore(value: jobs)
        let group = DispatchGroup()
        let environment = ChildEnvironment.sharingCores(among: min(jobs, tasks.count))
        for index in tasks {
            slots.wait()
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Self.executable)
            process.arguments = ["sweep", "--task", String(index), directory]
            process.environment = environment
            // The task's own messages go to DIR/task-I.log; its status is in DIR/I/run.json.
            let log = directory + "/task-\(index).log"
            _ = FileManager.default.createFile(atPath: log, contents: nil)
            if let handle = FileHandle(forWritingAtPath: log) {
                process.standardOutput = handle
                process.standardError = handle
            }
            group.enter()
            process.terminationHandler = { _ in
                slots.signal()
                group.leave()
            }
            do { try process.run() } catch {
                slots.signal()
                group.leave()
                throw NotebookError(file: Self.executable, message: "cannot start task \(index): \(error.localizedDescription)")
            }
        }
        group.wait()
    }

    /// Writes `DIR/sweep.sbatch` and submits it as an array over `tasks`.
    /// With `wait`, `sbatch --wait` returns only when every array task has ended.
    /// - Returns: the array's job id.
    func submitToSlurm(_ tasks: [Int], extra: [String], wait: Bool) throws -> String {
        let script = directory + "/sweep.sbatch"
        let text = """
        #!/bin/sh
        # Written by solvable sweep: one array task per parameter set; task I writes \(directory)/I/.
        #SBATCH --job-name=solvable-sweep
        #SBATCH --output=\(directory)/slurm-%A_%a.out
        exec \(Self.quoted(Self.executable)) sweep --task "$SLURM_ARRAY_TASK_ID" \(Self.quoted(directory))

        """
        do { try FileIO.writeAtomically(Array(text.utf8), to: script) } catch {
            throw NotebookError(file: script, message: error.message)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sbatch", "--parsable", "--array=" + Self.ranges(tasks)] + (wait ? ["--wait"] : []) + extra + [script]
        let output = Pipe()
        process.standardOutput = output
        do { try process.run() } catch {
            throw NotebookError(file: "sbatch", message: "cannot run sbatch (is Slurm installed and on PATH?): \(error.localizedDescription)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let id = String(decoding: data, as: UTF8.self).split(separator: "\n").first.map { String($0.split(separator: ";")[0]) } ?? ""
        // With --wait, sbatch exits non-zero when a task failed; the task records say which.
        guard !id.isEmpty, wait || process.terminationStatus == 0 else {
            throw NotebookError(file: "sbatch", message: "submission failed (exit \(process.terminationStatus)); see its message above")
        }
        return id
    }

    /// `0-3,5,7-8`: task indices as a Slurm `--array` list.
    static func ranges(_ tasks: [Int]) -> String {
        var parts: [String] = []
        var start: Int?
        var previous = 0
        for index in tasks.sorted() + [Int.min] {
            if let first = start, index != previous + 1 {
                parts.append(first == previous ? "\(first)" : "\(first)-\(previous)")
                start = nil
            }
            if index != Int.min, start == nil { start = index }
            previous = index
        }
        return parts.joined(separator: ",")
    }

    /// A word quoted for `sh`.
    static func quoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
