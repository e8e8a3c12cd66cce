import JSON
import JupyterProtocol
import Kernel
import Synchronization

/// A transport that records what the core sends, serves a scripted shell queue per
/// shell, answers `input_request`s from a script and keeps a list of subshells.
final class MockTransport: KernelTransport, Sendable {
    private struct State {
        var sent: [(Channel, Message)] = []
        var queued: [String: [Message]] = [:]  // by subshell id, "" for the main shell
        var stopped = false
        var answers: [String] = []
        var subshells: [String] = []
        var created = 0
    }
    private let state = Mutex(State())

    func send(_ message: Message, on channel: Channel) {
        state.withLock { $0.sent.append((channel, message)) }
    }

    func takeQueuedShellMessages(subshell: String?) -> [Message] {
        state.withLock { state in
            defer { state.queued[subshell ?? ""] = [] }
            return state.queued[subshell ?? ""] ?? []
        }
    }

    /// Records the request as sent on stdin and answers with the next scripted line;
    /// with none left, waits until `isCancelled`, then gives up.
    func ask(_ request: Message, isCancelled: @escaping @Sendable () -> Bool) -> Message? {
        send(request, on: .stdin)
        let answer: String? = state.withLock { $0.answers.isEmpty ? nil : $0.answers.removeFirst() }
        guard let answer else {
            while !isCancelled() {}
            return nil
        }
        return Message(header: MessageHeader(msgID: "answer", session: "client-session", username: "test",
                                             date: MessageFactory.now(), msgType: "input_reply"),
                       parentHeader: request.header.json, content: ["value": .string(answer)])
    }

    func createSubshell() -> String {
        state.withLock { state in
            state.created += 1
            state.subshells.append("sub-\(state.created)")
            return "sub-\(state.created)"
        }
    }

    func deleteSubshell(_ id: String) -> Bool {
        state.withLock { state in
            guard state.subshells.contains(id) else { return false }
            state.subshells.removeAll { $0 == id }
            return true
        }
    }

    var subshellIDs: [String] { state.withLock { $0.subshells } }

    func stop() { state.withLock { $0.stopped = true } }

    /// Lines the front end will type, in order.
    func script(answers: [String]) { state.withLock { $0.answers += answers } }

    /// Puts `messages` in a shell's queue (as if they arrived during a cell).
    func enqueue(_ messages: [Message], subshell: String? = nil) {
        state.withLock { $0.queued[subshell ?? "", default: []] += messages }
    }
    var sent: [(Channel, Message)] { state.withLock { $0.sent } }
    var stopped: Bool { state.withLock { $0.stopped } }
    func clear() { state.withLock { $0.sent = [] } }

    /// iopub messages as (type, content), in order.
    var iopub: [(String, JSONValue)] { sent.filter { $0.0 == .iopub }.map { ($0.1.msgType, $0.1.content) } }
    /// Replies on `channel`.
    func replies(on channel: Channel) -> [Message] { sent.filter { $0.0 == channel }.map(\.1) }
}

/// An interpreter with scripted behaviour: `print:` cells stream, `fail` errors,
/// `show` displays, `progress` updates a display, `loop` runs until interrupted;
/// anything else evaluates to its own text.
final class MockInterpreter: Interpreter, Sendable {
    private let state = Mutex<(executed: [String], interrupts: Int, shutdowns: [Bool])>(([], 0, []))
    private let cancelled = Atomic<Bool>(false)

    var executed: [String] { state.withLock { $0.executed } }
    var interrupts: Int { state.withLock { $0.interrupts } }
    var shutdowns: [Bool] { state.withLock { $0.shutdowns } }

    func execute(_ code: String, context: ExecutionContext) -> ExecutionOutcome {
        state.withLock { $0.executed.append(code) }
        let out = context.publisher
        if code.hasPrefix("print:") {
            out.publish("stream", ["name": "stdout", "text": .string(String(code.dropFirst(6)))])
            return .ok(result: nil, payloads: [])
        }
        switch code {
        case "fail":
            return .error(ExecutionError(ename: "NameError", evalue: "name 'fail' is not defined",
                                         traceback: ["NameError: name 'fail' is not defined"]))
        case "show":
            out.publish("display_data", ["data": ["text/plain": "shown"], "metadata": [:]])
            return .ok(result: nil, payloads: [])
        case "progress":
            out.publish("display_data", ["data": ["text/plain": "0%"], "metadata": [:], "transient": ["display_id": "p"]])
            out.publish("update_display_data", ["data": ["text/plain": "100%"], "metadata": [:],
                                                "transient": ["display_id": "p"]])
            out.publish("clear_output", ["wait": true])
            return .ok(result: nil, payloads: [])
        case "loop":
            cancelled.store(false, ordering: .relaxed)
            while !cancelled.load(ordering: .relaxed) {}
            return .error(ExecutionError(ename: "Interrupted", evalue: "interrupted by the user", traceback: []))
        case "input":
            switch out.input("name? ", password: false, isCancelled: { [self] in cancelled.load(ordering: .relaxed) }) {
            case .line(let line): return .ok(result: MIMEData(data: ["text/plain": .string("hello " + line)]), payloads: [])
            case .notAllowed(let why): return .error(ExecutionError(ename: "IOError", evalue: why, traceback: []))
            case .interrupted: return .error(ExecutionError(ename: "Interrupted", evalue: "interrupted", traceback: []))
            }
        case "?page":
            return .ok(result: nil, payloads: [["source": "page", "data": ["text/plain": "help"], "start": 0]])
        default:
            return .ok(result: MIMEData(data: ["text/plain": .string(code)]), payloads: [])
        }
    }

    func complete(_ code: String, cursor: Int) -> CompletionReply {
        CompletionReply(matches: ["geomspace"], cursorStart: 0, cursorEnd: cursor)
    }

    func inspect(_ code: String, cursor: Int, detailLevel: Int) -> MIMEData? {
        code == "linspace" ? MIMEData(data: ["text/plain": "linspace(start, stop, n)"]) : nil
    }

    func isComplete(_ code: String) -> CompletenessReply {
        code.hasSuffix(",") ? .incomplete(indent: "    ") : code == "+*" ? .invalid : .complete
    }

    var kernelInfo: KernelInfo {
        KernelInfo(implementation: "mock", implementationVersion: "1", languageInfo: ["name": "mock"], banner: "hi")
    }

    func interrupt() {
        state.withLock { $0.interrupts += 1 }
        cancelled.store(true, ordering: .relaxed)
    }

    func shutdown(restart: Bool) { state.withLock { $0.shutdowns.append(restart) } }
}

/// Builds requests as a front end would.
struct Client {
    var counter = 0

    mutating func request(_ type: String, _ content: JSONValue = [:]) -> Message {
        counter += 1
        return Message(identities: [Array("client".utf8)],
                       header: MessageHeader(msgID: "req-\(counter)", session: "client-session", username: "test",
                                             date: MessageFactory.now(), msgType: type),
                       content: content)
    }

    mutating func execute(_ code: String, _ extra: [String: JSONValue] = [:]) -> Message {
        var content: [String: JSONValue] = ["code": .string(code), "silent": false, "store_history": true,
                                            "user_expressions": [:], "allow_stdin": false, "stop_on_error": true]
        content.merge(extra) { _, new in new }
        return request("execute_request", .object(content))
    }
}
