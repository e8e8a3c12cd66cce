import ArgumentParser
import Display
import JSON
import Language
import Notebook
import Platform
import NumericCore
import Report

/// `solvable gather`: one table and one report from every run of a sweep.
struct GatherCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gather",
        abstract: "Collect a sweep's claims and tagged tables into one table and one report.",
        discussion: """
        Every table displayed by a cell tagged `gather` in the swept notebook is collected, each row \
        prefixed with its task, status and parameter values, into DIR/gather.csv; every claim into \
        DIR/claims.csv. Both are printed. The report is DIR/report/sweep.html (from the notebook \
        DIR/sweep.ipynb, which opens in Jupyter too). Failed, killed and never-started tasks are \
        named; the command then exits non-zero (`solvable sweep --resubmit DIR` reruns them). A failing \
        claim is listed as FAIL but does not change the exit status: a sweep explores where claims hold.
        """
    )

    @Argument(help: "The sweep directory (made by solvable sweep -o DIR).")
    var directory: String

    func run() throws {
        let gather = try SweepGather(directory: directory)
        let gathered = gather.gatheredTable, claims = gather.claimTable
        try write(Builtins.csv(gathered), to: directory + "/gather.csv")
        try write(Builtins.csv(claims), to: directory + "/claims.csv")
        let notebookPath = directory + "/sweep.ipynb"
        try report(gather, gathered: gathered, claims: claims).write(to: notebookPath)
        let renderer = try SiteRenderer(options: .init(version: Solvable.configuration.version))
        try renderer.render([notebookPath], to: directory + "/report")

        print(TableDisplay.plain(gathered))
        if claims.rowCount > 0 { print("\n" + TableDisplay.plain(claims)) }
        let ok = gather.runs.count - gather.problems.count
        print("\n\(ok) of \(gather.runs.count) task(s) ok; wrote \(directory)/gather.csv, claims.csv and report/sweep.html")
        for run in gather.problems { printError("\(gather.label(run)): \(run.status.description)") }
        if !gather.problems.isEmpty { throw ExitCode.failure }
    }

    /// The report notebook: a summary naming the problem tasks, then the status, gathered
    /// and claim tables, and each run's claims (labelled with its task) so the report and
    /// the site index tally them.
    private func report(_ gather: SweepGather, gathered: Table, claims: Table) -> Notebook {
        let name = NotebookFiles.stem(gather.plan.notebook)
        var summary = "# Sweep of \(name)\n\n\(gather.runs.count) task(s) over "
            + gather.plan.names.map { "`\($0)`" }.joined(separator: " × ") + " from `\(gather.plan.notebook)`; "
            + "\(gather.runs.count - gather.problems.count) ok.\n"
        for run in gather.problems { summary += "\n- **\(gather.label(run))**: \(run.status.description)" }
        var count = 0
        func nextID() -> String {
            count += 1
            return "sweep-\(count)"
        }
        func markdown(_ text: String) -> Cell { Cell(kind: .markdown, source: text, id: nextID()) }
        func output(_ source: String, _ outputs: [JSONValue]) -> Cell {
            var cell = Cell(kind: .code, source: source, id: nextID())
            cell.outputs = outputs
            return cell
        }
        let claimOutputs: [JSONValue] = gather.runs.flatMap { run in
            run.claims.map { claim in
                let record: JSONValue = [
                    "text": .string(gather.label(run) + ": " + claim.text),
                    "measured": claim.measured.map(JSONValue.double) ?? .null,
                    "expect": claim.expected.map(JSONValue.double) ?? .null,
                    "tol": claim.tolerance.map(JSONValue.double) ?? .null,
                    "pass": .bool(claim.passed),
                ]
                let plain = (claim.passed ? "PASS " : "FAIL ") + gather.label(run) + ": " + claim.text
                return OutputJSON.displayData(MIMEBundle(plain: plain, [Claim.mimeType: record]))
            }
        }
        return Notebook(metadata: [:], cells: [
            markdown(summary),
            markdown("## Tasks"),
            output("# the status of every task", [OutputJSON.displayData(TableDisplay.bundle(gather.statusTable))]),
            markdown("## Gathered tables\n\nEvery table shown by a cell tagged `gather`, one row per table row."),
            output("# gather.csv", [OutputJSON.displayData(TableDisplay.bundle(gathered))]),
            markdown("## Claims"),
            output("# claims.csv", [OutputJSON.displayData(TableDisplay.bundle(claims))] + claimOutputs),
        ])
    }

    private func write(_ text: String, to path: String) throws(NotebookError) {
        do { try FileIO.writeAtomically(Array(text.utf8), to: path) } catch {
            throw NotebookError(file: path, message: error.message)
        }
    }
}
