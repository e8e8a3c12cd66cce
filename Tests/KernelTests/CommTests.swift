import JSON
import JupyterProtocol
@testable import Kernel
import Synchronization
import Testing

/// A language with one comm target, `echo`: it sends back each `comm_msg`'s data, and
/// a cell `open:<id>` opens a comm `<id>` from the kernel side.
final class EchoCommInterpreter: Interpreter, Sendable {
    private let received = Mutex<[CommMessage]>([])
    var messages: [CommMessage] { received.withLock { $0 } }

    func execute(_ code: String, context: ExecutionContext) -> ExecutionOutcome {
        if code.hasPrefix("open:") {
            context.publisher.publish("comm_open", ["comm_id": .string(String(code.dropFirst(5))), "target_name": "echo",
                                                    "data": [:]], metadata: ["version": "2.1.0"])
        }
        return .ok(result: nil, payloads: [])
    }
    func complete(_ code: String, cursor: Int) -> CompletionReply { CompletionReply(matches: [], cursorStart: 0, cursorEnd: 0) }
    func inspect(_ code: String, cursor: Int, detailLevel: Int) -> MIMEData? { nil }
    func isComplete(_ code: String) -> CompletenessReply { .complete }
    var kernelInfo: KernelInfo { KernelInfo(implementation: "echo", implementationVersion: "0", languageInfo: [:], banner: "") }
    func interrupt() {}
    func shutdown(restart: Bool) {}
    var commTargets: [String] { ["echo"] }
    func comm(_ message: CommMessage, publisher: any OutputPublisher) {
        received.withLock { $0.append(message) }
        if message.kind == .message {
            publisher.publish("comm_msg", ["comm_id": .string(message.commID), "data": message.data])
        }
    }
}

/// The comm layer of the message core: which comms are open, what reaches the language.
@Suite struct CommTests {
    let transport = MockTransport()
    let interpreter = EchoCommInterpreter()
    let core: MessageCore
    var client = Client()

    init() {
        core = MessageCore(interpreter: interpreter, transport: transport, session: "kernel-session")
    }

    func commInfo(_ content: JSONValue = [:], client: inout Client) -> JSONValue? {
        transport.clear()
        core.handle(client.request("comm_info_request", content), on: .shell)
        return transport.replies(on: .shell).last?.content["comms"]
    }

    @Test mutating func frontEndCommsReachTheLanguageAndAreListed() {
        core.handle(client.request("comm_open", ["comm_id": "a", "target_name": "echo", "data": ["x": 1]]), on: .shell)
        core.handle(client.request("comm_msg", ["comm_id": "a", "data": ["method": "update", "state": ["v": 2]]]), on: .shell)
        #expect(interpreter.messages.map(\.kind) == [.open, .message])
        #expect(interpreter.messages[0].targetName == "echo" && interpreter.messages[0].data == ["x": 1])
        let echo = transport.iopub.first { $0.0 == "comm_msg" }
        #expect(echo?.1 == ["comm_id": "a", "data": ["method": "update", "state": ["v": 2]]])
        #expect(commInfo(client: &client) == ["a": ["target_name": "echo"]])
        #expect(commInfo(["target_name": "echo"], client: &client) == ["a": ["target_name": "echo"]])
        #expect(commInfo(["target_name": "other"], client: &client) == [:])
        core.handle(client.request("comm_close", ["comm_id": "a", "data": [:]]), on: .shell)
        #expect(interpreter.messages.last?.kind == .close)
        #expect(commInfo(client: &client) == [:])
    }

    @Test mutating func kernelOpenedCommsAreListedWithTheirMetadata() {
        core.handle(client.execute("open:k1"), on: .shell)
        let open = transport.sent.first { $0.1.msgType == "comm_open" }?.1
        #expect(open?.metadata == ["version": "2.1.0"])
        #expect(commInfo(client: &client) == ["k1": ["target_name": "echo"]])
        core.handle(client.request("comm_msg", ["comm_id": "k1", "data": ["ping": true]]), on: .shell)
        #expect(interpreter.messages.map(\.commID) == ["k1"])
    }

    @Test mutating func unknownTargetsAreClosedAndUnknownCommsIgnored() {
        core.handle(client.request("comm_open", ["comm_id": "b", "target_name": "nope", "data": [:]]), on: .shell)
        core.handle(client.request("comm_msg", ["comm_id": "zzz", "data": [:]]), on: .shell)
        #expect(interpreter.messages.isEmpty)
        #expect(transport.iopub.contains { $0.0 == "comm_close" && $0.1["comm_id"] == "b" })
        #expect(commInfo(client: &client) == [:])
    }
}
