import Display
import JSON
import Notebook
import NumericCore

/// What `solvable gather` collects from a sweep directory: each task's status, every
/// claim its notebook made, and every table displayed by a cell tagged `gather`
/// (the table's `application/vnd.dataresource+json` output), each row prefixed with
/// the task's index, status and parameter values.
struct SweepGather {
    /// The tag that marks a cell whose displayed tables are gathered.
    static let tag = "gather"

    /// One task's outcome.
    struct Run {
        var index: Int
        var literals: [String]
        var status: TaskStatus
        var claims: [Claim]
        var tables: [Table]
    }

    /// The plan of the sweep.
    var plan: SweepPlan
    /// Every task, in index order.
    var runs: [Run]

    /// Reads every task of the sweep in `directory`.
    /// - Throws: `NotebookError` if the plan cannot be read.
    init(directory: String) throws(NotebookError) {
        plan = try SweepPlan(directory: directory)
        runs = []
        for index in plan.tasks.indices {
            let run = SweepRun(directory: directory, plan: plan, index: index)
            var status = SweepRun.status(directory: directory, index: index)
            var claims: [Claim] = []
            var tables: [Table] = []
            if status != .missing && status != .unfinished {
                do {
                    let notebook = try Notebook(contentsOf: run.notebookPath)
                    claims = Claim.all(in: notebook)
                    tables = notebook.cells.filter { $0.tags.contains(Self.tag) }.flatMap(\.outputs)
                        .compactMap { $0["data"]?[MIMEType.dataResource] }.compactMap(Self.table(fromDataResource:))
                } catch {
                    status = .failed("cannot read its notebook: \(error)")
                }
            }
            runs.append(Run(index: index, literals: plan.tasks[index], status: status, claims: claims, tables: tables))
        }
    }

    /// The runs that did not finish ok.
    var problems: [Run] { runs.filter { $0.status != .ok } }

    /// One row per task: task, status, parameters.
    var statusTable: Table {
        Table(columns: [Self.taskColumn(runs.map(\.index)),
                        Table.Column("status", strings: runs.map(\.status.description))]
              + parameterColumns(runs.map(\.literals)))
    }

    /// Every gathered table row: task, status, parameters, then the union of the tables'
    /// columns in first-seen order (a blank string, or NaN for a number, where a table
    /// lacks a column). A task without a tagged table, or one that failed, gives one row
    /// of parameters alone, so every task appears.
    var gatheredTable: Table {
        var names: [String] = []
        var numeric: [String: Bool] = [:]
        for table in runs.flatMap(\.tables) {
            for column in table.columns where numeric[column.name] == nil {
                names.append(column.name)
                numeric[column.name] = column.numbers != nil
            }
        }
        var tasks: [Int] = [], statuses: [String] = [], literals: [[String]] = []
        var cells: [String: [String]] = [:], numbers: [String: [Double]] = [:]
        func addRow(_ run: Run, _ table: Table?, _ row: Int) {
            tasks.append(run.index)
            statuses.append(run.status == .ok ? "ok" : run.status.description)
            literals.append(run.literals)
            for name in names {
                let column = table?.column(name)
                if numeric[name]! {
                    numbers[name, default: []].append(column?.numbers?[row] ?? .nan)
                } else {
                    cells[name, default: []].append(column.map { $0.text(at: row, describe: JSONWriter.formatDouble) } ?? "")
                }
            }
        }
        for run in runs {
            if run.tables.isEmpty { addRow(run, nil, 0) }
            for table in run.tables { for row in 0..<table.rowCount { addRow(run, table, row) } }
        }
        let own = names.map { name in
            numeric[name]! ? Table.Column(name, numbers[name] ?? []) : Table.Column(name, strings: cells[name] ?? [])
        }
        return Table(columns: [Self.taskColumn(tasks), Table.Column("status", strings: statuses)]
                     + parameterColumns(literals) + own)
    }

    /// Every claim of every run: task, parameters, claim, measured, expected, tolerance, result.
    var claimTable: Table {
        let rows = runs.flatMap { run in run.claims.map { (run, $0) } }
        return Table(columns: [Self.taskColumn(rows.map { $0.0.index })]
                     + parameterColumns(rows.map { $0.0.literals })
                     + [Table.Column("claim", strings: rows.map { $0.1.text }),
                        Table.Column("measured", rows.map { $0.1.measured ?? .nan }),
                        Table.Column("expected", rows.map { $0.1.expected ?? .nan }),
                        Table.Column("tolerance", rows.map { $0.1.tolerance ?? .nan }),
                        Table.Column("result", strings: rows.map { $0.1.passed ? "PASS" : "FAIL" })])
    }

    /// `task 3 (lr=0.01, width=128)`.
    func label(_ run: Run) -> String {
        "task \(run.index) (" + zip(plan.names, run.literals).map { "\($0)=\($1)" }.joined(separator: ", ") + ")"
    }

    /// A column per swept parameter holding the literals as given (`1e-3` stays `1e-3`).
    private func parameterColumns(_ literals: [[String]]) -> [Table.Column] {
        plan.names.indices.map { column in Table.Column(plan.names[column], strings: literals.map { $0[column] }) }
    }

    /// The task indices as a column.
    private static func taskColumn(_ indices: [Int]) -> Table.Column {
        Table.Column("task", strings: indices.map(String.init))
    }

    /// A table from the pandas `table` schema JSON a table output carries (the index field dropped).
    static func table(fromDataResource resource: JSONValue) -> Table? {
        guard let fields = resource["schema"]?["fields"]?.arrayValue, let rows = resource["data"]?.arrayValue else { return nil }
        let key = resource["schema"]?["primaryKey"]?.arrayValue?.compactMap(\.stringValue) ?? []
        var columns: [Table.Column] = []
        for field in fields {
            guard let name = field["name"]?.stringValue, !key.contains(name) else { continue }
            if field["type"]?.stringValue == "number" || field["type"]?.stringValue == "integer" {
                columns.append(Table.Column(name, rows.map { $0[name]?.doubleValue ?? .nan }))
            } else {
                columns.append(Table.Column(name, strings: rows.map { $0[name]?.stringValue ?? "" }))
            }
        }
        return Table(columns: columns)
    }
}
