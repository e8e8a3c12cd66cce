import ArgumentParser
import Foundation
import Notebook

/// `solvable check`: re-runs notebooks and lists every claim with pass/fail.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Re-run notebooks and check every claim they make (no file is written).",
        discussion: """
        Exits non-zero if any claim fails, a notebook stops with an error, or a directory holds \
        no notebooks. Files a notebook saves go to a scratch directory that is removed afterwards \
        (a later load of the same file in the notebook still finds it).
        """
    )

    @Argument(help: "Notebooks, or directories of notebooks.")
    var paths: [String]

    @OptionGroup var limits: CellLimits

    @Flag(name: .long, help: "Check a notebook written for another kernel (e.g. python3) as Solvable code anyway.")
    var forceKernel = false

    func run() throws {
        let files = try NotebookFiles.collect(paths)
        let scratch = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        var rows: [ClaimTable.Row] = []
        var problems: [String] = []
        for file in files {
            do {
                let run = try HeadlessRun(file: file, timeout: limits.timeout, forceKernel: forceKernel, scratch: scratch)
                let name = NotebookFiles.stem(file)
                rows += Claim.all(in: run.result.notebook).map { (name, $0) }
                if let failure = run.result.failure { problems.append("\(file): \(failure)") }
            } catch {
                problems.append(error.description)
            }
        }
        print(ClaimTable.text(rows), terminator: "")
        let failing = rows.filter { !$0.claim.passed }.count
        print("\(rows.count - failing) of \(rows.count) claims pass in \(files.count) notebook(s)")
        for problem in problems { printError(problem) }
        if failing > 0 || !problems.isEmpty { throw ExitCode.failure }
    }

    /// A fresh private directory under `$TMPDIR` (or /tmp).
    private static func scratchDirectory() throws -> String {
        let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((base + "/solvable-check-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw ValidationError("cannot create a scratch directory in \(base)")
        }
        return String(cString: made)
    }
}
