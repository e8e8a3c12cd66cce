import Display
import Language
import NumericCore
import Testing

/// `input(prompt)` asks the cell's sink for a line; without a front end, or when
/// interrupted, it is an error that says why.
@Suite struct InputBuiltinTests {
    /// A sink whose front end answers with a scripted line (or none).
    final class AnsweringSink: OutputSink {
        var asked: [(String, Bool)] = []
        let answer: Result<String, InputFailure>
        init(_ answer: Result<String, InputFailure>) { self.answer = answer }
        func stream(_ name: StreamName, _ text: String) {}
        func display(_ bundle: MIMEBundle, displayID: String?, update: Bool) {}
        func clearOutput(wait: Bool) {}
        func input(_ prompt: String, password: Bool,
                   isCancelled: @escaping @Sendable () -> Bool) -> Result<String, InputFailure> {
            asked.append((prompt, password))
            return answer
        }
    }

    @Test func theAnswerIsAString() {
        let session = Session()
        let sink = AnsweringSink(.success("3"))
        let outcome = session.execute("x = input(\"how many? \", password=true)\nx + \"!\"", sink: sink, monitor: WorkMonitor())
        #expect(sink.asked.count == 1 && sink.asked[0] == ("how many? ", true))
        guard case .success(let result?, _) = outcome else { Issue.record("\(outcome)"); return }
        #expect(result.plainText == "\"3!\"" || result.plainText == "3!")
    }

    @Test func withoutAFrontEndItIsAnIOError() {
        let outcome = Session().execute("input()", sink: RecordingSink(), monitor: WorkMonitor())
        guard case .failure(let error) = outcome else { Issue.record("\(outcome)"); return }
        #expect(error.ename == "IOError")
        #expect(error.evalue.contains("no front end"))
    }

    @Test func anInterruptWhileWaitingIsInterrupted() {
        let outcome = Session().execute("input(\"x\")", sink: AnsweringSink(.failure(.interrupted)), monitor: WorkMonitor())
        guard case .failure(let error) = outcome else { Issue.record("\(outcome)"); return }
        #expect(error.ename == "Interrupted" && error.line == 1)
    }

    @Test func aWrongPasswordFlagNamesTheArgument() {
        let outcome = Session().execute("input(\"x\", password=1)", sink: AnsweringSink(.success("")), monitor: WorkMonitor())
        guard case .failure(let error) = outcome else { Issue.record("\(outcome)"); return }
        #expect(error.ename == "ArgumentError" && error.evalue.contains("password must be true or false"))
    }
}
