import ArgumentParser
import Notebook

/// `solvable check`: re-runs notebooks and lists every claim with pass/fail.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Re-run notebooks and check every claim they make (files are not modified).",
        discussion: "Exits non-zero if any claim fails or a notebook stops with an error."
    )

    @Argument(help: "Notebooks, or directories of notebooks.")
    var paths: [String]

    @Option(help: "Per-cell time limit in seconds.")
    var timeout: Double?

    func run() throws {
        let files = try NotebookFiles.collect(paths)
        var rows: [ClaimTable.Row] = []
        var problems: [String] = []
        for file in files {
            let notebook = try Notebook(contentsOf: file)
            let result = NotebookExecutor(options: .init(timeout: timeout)).run(notebook)
            let name = NotebookFiles.stem(file)
            rows += Claim.all(in: result.notebook).map { (name, $0) }
            if let failure = result.failure { problems.append("\(file): \(failure)") }
        }
        print(ClaimTable.text(rows), terminator: "")
        let failing = rows.filter { !$0.claim.passed }.count
        print("\(rows.count - failing) of \(rows.count) claims pass in \(files.count) notebook(s)")
        for problem in problems { printError(problem) }
        if failing > 0 || !problems.isEmpty { throw ExitCode.failure }
    }
}
