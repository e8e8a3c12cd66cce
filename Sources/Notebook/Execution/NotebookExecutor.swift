import Dispatch
import JSON
import Language
import NumericCore
import Platform

/// Runs a notebook's code cells in order through one evaluator (a `Session`, the same
/// one the kernel uses), writing outputs, execution counts and per-cell timing into
/// the cells the way Jupyter and nbclient do.
///
/// - Code cells whose source is blank are skipped, as nbclient skips them.
/// - With a `CellMemo` (the cell cache), a cell it recalls gets the recorded outputs
///   back, renumbered to this run's execution count, without running; if they are the
///   outputs already in the file, its saved timing is kept.
/// - The first error stops the run: it is saved as an `error` output of its cell and
///   reported in `ExecutionResult.failure`; the cells after it are cleared (outputs
///   emptied, execution count null) so no stale result from an earlier run survives.
/// - Timing goes into cell metadata `execution` (`iopub.status.busy`,
///   `iopub.execute_input`, `shell.execute_reply`, `iopub.status.idle`), ISO 8601 UTC.
///   Nothing else in the file depends on the clock, so two runs differ only there.
public final class NotebookExecutor {
    /// Settings of a run.
    public struct Options: Sendable {
        /// `-p name=value` overrides, already parsed (see `ParameterInjection.parse`).
        public var parameters: [(name: String, literal: String)]
        /// Per-cell time limit in seconds; the cell is interrupted when it passes.
        public var timeout: Double?
        /// Written to notebook metadata `language_info` (as a kernel's `kernel_info` is).
        public var languageInfo: JSONValue?

        /// Makes options.
        public init(parameters: [(name: String, literal: String)] = [], timeout: Double? = nil,
                    languageInfo: JSONValue? = Session.languageInfo) {
            self.parameters = parameters
            self.timeout = timeout
            self.languageInfo = languageInfo
        }
    }

    private let evaluator: CellEvaluator
    private let options: Options
    private let memo: CellMemo?
    private let monitor = WorkMonitor()
    private var explores = ExploreRecording()

    /// Makes an executor over `evaluator` (a fresh `Session` by default), reusing the
    /// outputs `memo` recalls (none: every cell runs).
    public init(evaluator: CellEvaluator = Session(), options: Options = Options(), memo: CellMemo? = nil) {
        self.evaluator = evaluator
        self.options = options
        self.memo = memo
    }

    /// Runs every code cell of `notebook` and returns the notebook with its outputs.
    public func run(_ notebook: Notebook) -> ExecutionResult {
        var result = notebook
        result.upgradeToCurrentMinor()
        result = ParameterInjection.inject(options.parameters, into: result)
        if let info = options.languageInfo { result.metadata["language_info"] = info }
        var count = 0
        var failure: CellFailure?
        var codeCells = 0
        explores = ExploreRecording()
        for index in result.cells.indices where result.cells[index].kind == .code {
            codeCells += 1
            if failure != nil {
                result.cells[index].outputs = []
                result.cells[index].executionCount = nil
                continue
            }
            if result.cells[index].source.allSatisfy(\.isWhitespace) { continue }
            count += 1
            if let outputs = memo?.recall(result.cells[index], codeCell: codeCells) {
                let saved = result.cells[index]
                restore(outputs, into: &result.cells[index], count: count)
                explores.restore(&result.cells[index].outputs)
                keepTimingIfUnchanged(&result.cells[index], saved: saved)
                continue
            }
            memo?.willRun(result.cells[index], codeCell: codeCells)
            let error = execute(&result.cells[index], count: count)
            memo?.didRun(result.cells[index], codeCell: codeCells, outputs: result.cells[index].outputs,
                         succeeded: error == nil)
            if let error {
                failure = CellFailure(cellIndex: index, codeCell: codeCells, executionCount: count,
                                      cellID: result.cells[index].id, error: error.error, timedOut: error.timedOut)
            }
        }
        result.metadata["widgets"] = explores.metadata
        return ExecutionResult(notebook: result, failure: failure)
    }

    /// Runs one cell; returns its error, if it failed.
    private func execute(_ cell: inout Cell, count: Int) -> (error: CellError, timedOut: Bool)? {
        let collector = OutputRecorder()
        monitor.reset()
        let timer = startTimer()
        let busy = Timestamp.now()
        let outcome = evaluator.execute(cell.source, sink: collector, monitor: monitor)
        let done = Timestamp.now()
        timer?.cancel()
        let timedOut = monitor.isCancelled && timer != nil
        var failure: (CellError, Bool)?
        switch outcome {
        case .success(let bundle?, _):
            collector.append(OutputJSON.executeResult(bundle, executionCount: count))
        case .success(nil, _):
            break
        case .failure(let error):
            collector.append(OutputJSON.error(error))
            failure = (error, timedOut)
        }
        cell.executionCount = count
        cell.outputs = collector.outputs
        explores.record(&cell.outputs, evaluator: evaluator, monitor: monitor)
        stamp(&cell, busy: busy, done: done)
        return failure
    }

    /// A recalled cell whose outputs and count are the ones already saved in the file keeps the
    /// saved timing: its outputs are still those of that run (as Quarto's `freeze` keeps them), a
    /// notebook re-run entirely from the cache is written back byte for byte, and the saved
    /// times stay a hint of how long it takes cold (`solvable run -j` orders by them).
    private func keepTimingIfUnchanged(_ cell: inout Cell, saved: Cell) {
        guard cell.outputs == saved.outputs, cell.executionCount == saved.executionCount,
              let timing = saved.metadata["execution"] else { return }
        cell.metadata["execution"] = timing
    }

    /// Puts recalled outputs into `cell` as if it had just run as `In [count]`.
    private func restore(_ outputs: [JSONValue], into cell: inout Cell, count: Int) {
        cell.executionCount = count
        cell.outputs = outputs.map { output in
            guard output["output_type"]?.stringValue == "execute_result" else { return output }
            var renumbered = output
            renumbered["execution_count"] = .int(count)
            return renumbered
        }
        let now = Timestamp.now()
        stamp(&cell, busy: now, done: now)
    }

    /// Writes the cell's timing into its metadata, as Jupyter does.
    private func stamp(_ cell: inout Cell, busy: Timestamp, done: Timestamp) {
        var metadata = cell.metadata
        metadata["execution"] = [
            "iopub.status.busy": .string(busy.iso8601),
            "iopub.execute_input": .string(busy.iso8601),
            "shell.execute_reply": .string(done.iso8601),
            "iopub.status.idle": .string(done.iso8601),
        ]
        cell.metadata = metadata
    }

    /// Schedules `monitor.cancel()` after the timeout, if one is set.
    private func startTimer() -> DispatchWorkItem? {
        guard let timeout = options.timeout else { return nil }
        let monitor = self.monitor
        let item = DispatchWorkItem { monitor.cancel() }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: item)
        return item
    }
}

/// The outcome of running a notebook: the notebook with outputs, and the error that
/// stopped it, if any.
public struct ExecutionResult: Sendable {
    /// The notebook with fresh outputs (saved even when a cell failed).
    public var notebook: Notebook
    /// The cell error that stopped the run, or `nil` if every cell ran.
    public var failure: CellFailure?
}

/// A cell that stopped a run: where it is and what went wrong.
public struct CellFailure: Error, Sendable, CustomStringConvertible {
    /// 0-based index of the cell in the notebook (Markdown cells included).
    public var cellIndex: Int
    /// The cell's position among code cells, from 1, as Jupyter users count cells.
    public var codeCell: Int
    /// Its execution count, the `n` of `In [n]`.
    public var executionCount: Int
    /// The cell id, if the notebook has ids.
    public var cellID: String?
    /// The error the language reported.
    public var error: CellError
    /// Whether the error is the `--timeout` interrupt.
    public var timedOut: Bool

    /// `code cell 3 (In [3], id 1a2b3c4d), line 2: NameError: ...`.
    public var description: String {
        var text = "code cell \(codeCell) (In [\(executionCount)]"
        if let cellID { text += ", id \(cellID)" }
        text += ")"
        if let line = error.line {
            text += ", line \(line)"
            if let column = error.column { text += ", column \(column)" }
        }
        text += ": \(error.ename): \(error.evalue)"
        if timedOut { text += " (the cell exceeded the --timeout limit)" }
        return text
    }
}
