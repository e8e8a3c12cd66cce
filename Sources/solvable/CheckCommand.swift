import ArgumentParser
import Foundation
import Notebook

/// `solvable check`: re-runs notebooks and lists every claim with pass/fail and its kind of evidence.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Re-run notebooks and check every claim they make (no file is written).",
        discussion: """
        Prints every claim with its kind of evidence, and the claims per kind. Exits non-zero if any claim \
        fails, a notebook stops with an error, a directory holds no notebooks, or (with --require) a notebook \
        lacks a required kind. Files a notebook saves go to a scratch directory that is removed afterwards \
        (a later load of the same file in the notebook still finds it).
        """
    )

    @Argument(help: "Notebooks, or directories of notebooks.")
    var paths: [String]

    @OptionGroup var limits: CellLimits

    @Flag(name: .long, help: "Check a notebook written for another kernel (e.g. python3) as Solvable code anyway.")
    var forceKernel = false

    @Option(help: ArgumentHelp("Kinds of evidence every notebook must offer, comma-separated (of \(EvidenceCounts.kindList)).",
                               valueName: "kinds"))
    var require: String?

    func validate() throws {
        if let require, case .failure(let unknown) = EvidenceCounts.parse(require) {
            throw ValidationError("--require: \(unknown.message)")
        }
    }

    func run() throws {
        let required = try require.map { try EvidenceCounts.parse($0).get() } ?? []
        let files = try NotebookFiles.collect(paths)
        let scratch = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        var rows: [ClaimTable.Row] = []
        var problems: [String] = []
        var perNotebook: [(name: String, counts: EvidenceCounts)] = []
        for file in files {
            do {
                let run = try HeadlessRun(file: file, timeout: limits.timeout, forceKernel: forceKernel, scratch: scratch)
                let name = NotebookFiles.stem(file)
                let claims = Claim.all(in: run.result.notebook)
                rows += claims.map { (name, $0) }
                let counts = EvidenceCounts(claims)
                perNotebook.append((name, counts))
                if let failure = run.result.failure { problems.append("\(file): \(failure)") }
                let missing = counts.missing(required)
                if !missing.isEmpty {
                    problems.append("\(file): no claim with evidence \(missing.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")) "
                                    + "(--require \(required.map(\.rawValue).joined(separator: ",")))")
                }
            } catch {
                problems.append(error.description)
            }
        }
        print(ClaimTable.text(rows), terminator: "")
        print()
        print(ClaimTable.evidenceText(perNotebook), terminator: "")
        let failing = rows.filter { !$0.claim.passed }.count
        print("\(rows.count - failing) of \(rows.count) claims pass in \(files.count) notebook(s); evidence: "
              + EvidenceCounts(rows.map(\.claim)).summary)
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
