import JSON
import Testing
import Platform
@testable import Notebook

/// The headless executor records outputs the way Jupyter does.
@Suite struct ExecutorTests {
    private func run(_ notebook: Notebook, _ options: NotebookExecutor.Options = .init(languageInfo: nil),
                     evaluator: ScriptedEvaluator = ScriptedEvaluator()) -> ExecutionResult {
        NotebookExecutor(evaluator: evaluator, options: options).run(notebook)
    }

    @Test func streamsMergeAndResultsCarryTheCount() {
        let result = run(notebook(["out a\nout b\nerr c\nout d", "", "result 42"]))
        let cells = result.notebook.cells
        #expect(result.failure == nil)
        #expect(cells[0].outputs == [
            OutputJSON.stream(name: "stdout", text: "a\nb\n"),
            OutputJSON.stream(name: "stderr", text: "c\n"),
            OutputJSON.stream(name: "stdout", text: "d\n"),
        ])
        #expect(cells[0].outputs[0]["text"] == ["a\n", "b\n"])
        #expect(cells[0].executionCount == 1)
        #expect(cells[1].executionCount == nil)  // blank cells are skipped, as nbclient does
        #expect(cells[2].executionCount == 2)
        #expect(cells[2].outputs.first?["execution_count"] == 2)
        #expect(cells[2].outputs.first?["data"]?["text/html"] == ["<b>42</b>\n", "second line"])
    }

    @Test func updatedDisplaysKeepTheirFinalStateInPlace() {
        let result = run(notebook(["show bar 0%\nout working\nupdate bar 50%\nupdate bar 100%\nupdate other x"]))
        let outputs = result.notebook.cells[0].outputs
        #expect(outputs.count == 2)
        #expect(outputs[0]["output_type"] == "display_data")
        #expect(outputs[0]["data"]?["text/plain"] == ["100%"])
        #expect(outputs[0]["metadata"] == [:])
    }

    @Test func clearOutputNowAndOnNextOutput() {
        let result = run(notebook(["out a\nclear\nout b", "out a\nclearwait\nout b\nout c", "out a\nclearwait"]))
        #expect(result.notebook.cells[0].outputs == [OutputJSON.stream(name: "stdout", text: "b\n")])
        #expect(result.notebook.cells[1].outputs == [OutputJSON.stream(name: "stdout", text: "b\nc\n")])
        #expect(result.notebook.cells[2].outputs == [OutputJSON.stream(name: "stdout", text: "a\n")])
    }

    @Test func errorStopsTheRunAndIsSaved() {
        var start = notebook(["out one", "out two\nfail", "out three"])
        start.cells[2].outputs = [OutputJSON.stream(name: "stdout", text: "stale\n")]
        start.cells[2].executionCount = 9
        let evaluator = ScriptedEvaluator()
        let result = run(start, evaluator: evaluator)
        let failure = try! #require(result.failure)
        #expect(failure.cellIndex == 1 && failure.cellID == "c1" && failure.error.line == 2)
        #expect(failure.description == "cell 1 (id c1), line 2, column 1: NameError: unknown name 'fail'")
        #expect(evaluator.executed.count == 2)
        let cells = result.notebook.cells
        #expect(cells[1].outputs.last?["output_type"] == "error")
        #expect(cells[1].outputs.last?["ename"] == "NameError")
        #expect(cells[1].executionCount == 2)
        #expect(cells[2].outputs.isEmpty && cells[2].executionCount == nil)
        _ = try! Notebook(parsing: Array(result.notebook.serialized().utf8))
    }

    @Test func timingMetadataIsTheOnlyDifferenceBetweenRuns() throws {
        let start = notebook(["out a\nshow - plot", "result 1"])
        let first = run(start).notebook
        let second = run(try Notebook(parsing: Array(first.serialized().utf8))).notebook
        #expect(withoutTiming(first) == withoutTiming(second))
        let execution = try #require(first.cells[0].metadata["execution"])
        for key in ["iopub.status.busy", "iopub.execute_input", "shell.execute_reply", "iopub.status.idle"] {
            let text = try #require(execution[key]?.stringValue)
            #expect(Timestamp(iso8601: text) != nil && text.hasSuffix("Z"))
        }
    }

    @Test func parametersAreInjectedAfterTheTaggedCellAndReplacedOnRerun() throws {
        let start = notebook(["alpha = 1", "echo alpha"], tags: [0: ["parameters"]])
        let parsed = try ["alpha=2.5", "name = ridge model"].map { assignment throws(NotebookError) in try ParameterInjection.parse(assignment) }
        let evaluator = ScriptedEvaluator()
        let once = run(start, .init(parameters: parsed, languageInfo: nil), evaluator: evaluator).notebook
        #expect(once.cells.count == 3)
        #expect(once.cells[1].tags == ["injected-parameters"])
        #expect(once.cells[1].id == "injected-parameters")
        #expect(once.cells[1].source == "# Parameters\nalpha = 2.5\nname = \"ridge model\"\n")
        #expect(once.cells[2].outputs == [OutputJSON.stream(name: "stdout", text: "2.5\n")])
        let twice = run(once, .init(parameters: [("alpha", "3")], languageInfo: nil)).notebook
        #expect(twice.cells.count == 3)
        #expect(twice.cells[1].source == "# Parameters\nalpha = 3\n")
        let kept = run(twice).notebook  // no -p: the injected cell stays, as with papermill
        #expect(kept.cells.count == 3 && kept.cells[1].source == "# Parameters\nalpha = 3\n")
    }

    @Test func badParameterNamesAreRejected() {
        #expect(throws: NotebookError.self) { try ParameterInjection.parse("1x=2") }
        #expect(throws: NotebookError.self) { try ParameterInjection.parse("alpha") }
        #expect(ParameterInjection.literal("[1, 2]") == "[1, 2]")
        #expect(ParameterInjection.literal("1e-4") == "1e-4")
        #expect(ParameterInjection.literal("a\"b") == "\"a\\\"b\"")
    }

    @Test func timeoutInterruptsTheCell() throws {
        let result = run(notebook(["spin", "out after"]), .init(timeout: 0.2, languageInfo: nil))
        let failure = try #require(result.failure)
        #expect(failure.timedOut && failure.error.ename == "Interrupted")
        #expect(failure.description.contains("--timeout"))
    }

    @Test func oldNotebooksAreUpgradedOnRun() throws {
        let old = try Notebook(contentsOf: fixture("jupyter_v44.ipynb"))
        let result = run(old, .init())
        #expect(result.notebook.nbformatMinor == 5)
        #expect(result.notebook.cells.allSatisfy { $0.id != nil })
        #expect(result.notebook.metadata["language_info"]?["name"] == "solvable")
    }
}

/// Claims found in outputs, and the table `solvable check` prints.
@Suite struct ClaimTests {
    @Test func claimsAreExtractedInCellOrder() throws {
        let result = NotebookExecutor(evaluator: ScriptedEvaluator(), options: .init(languageInfo: nil))
            .run(notebook(["claim slope -1.79 -1.8 0.1", "out x", "claim offset 2.5 2.0 0.1"]))
        let claims = Claim.all(in: result.notebook)
        #expect(claims.map(\.text) == ["slope", "offset"])
        #expect(claims.map(\.passed) == [true, false])
        #expect(claims.map(\.cellIndex) == [0, 2])
        let table = ClaimTable.text(claims.map { ("ridge", $0) })
        #expect(table == """
        notebook  claim   measured  expected  tolerance  result
        --------  ------  --------  --------  ---------  ------
        ridge     slope   -1.79     -1.8      0.1        PASS
        ridge     offset  2.5       2.0       0.1        FAIL

        """)
    }

    @Test func fixtureClaimIsRead() throws {
        let claims = Claim.all(in: try Notebook(contentsOf: fixture("jupyter_full.ipynb")))
        #expect(claims.count == 1)
        let claim = try #require(claims.first)
        #expect(claim.passed && claim.text == "exponent")
        #expect(abs(claim.measured! - 1.79) < 1e-12 && abs(claim.tolerance! - 0.1) < 1e-12)
    }
}
