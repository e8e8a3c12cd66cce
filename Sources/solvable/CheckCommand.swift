import ArgumentParser
import Notebook

/// `solvable check`: re-runs notebooks and lists every claim with pass/fail and its kind of evidence.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Re-run notebooks and check every claim they make (files are not modified).",
        discussion: """
        Prints every claim with its kind of evidence, and the claims per kind. Exits non-zero if any claim \
        fails, a notebook stops with an error, or (with --require) a notebook lacks a required kind.
        """
    )

    @Argument(help: "Notebooks, or directories of notebooks.")
    var paths: [String]

    @Option(help: "Per-cell time limit in seconds.")
    var timeout: Double?

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
        var rows: [ClaimTable.Row] = []
        var problems: [String] = []
        var perNotebook: [(name: String, counts: EvidenceCounts)] = []
        for file in files {
            let notebook = try Notebook(contentsOf: file)
            let result = NotebookExecutor(options: .init(timeout: timeout)).run(notebook)
            let name = NotebookFiles.stem(file)
            let claims = Claim.all(in: result.notebook)
            rows += claims.map { (name, $0) }
            let counts = EvidenceCounts(claims)
            perNotebook.append((name, counts))
            if let failure = result.failure { problems.append("\(file): \(failure)") }
            let missing = counts.missing(required)
            if !missing.isEmpty {
                problems.append("\(file): no claim with evidence \(missing.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")) "
                                + "(--require \(required.map(\.rawValue).joined(separator: ",")))")
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
}
