import JSON
import JupyterProtocol
@testable import Kernel
import Testing

/// The message core against a mock transport and a mock interpreter: no sockets.
@Suite struct MessageCoreTests {
    let transport = MockTransport()
    let interpreter = MockInterpreter()
    let core: MessageCore
    var client = Client()

    init() {
        core = MessageCore(interpreter: interpreter, transport: transport, session: "kernel-session")
    }

    /// The iopub message types, with the execution state for `status`.
    var iopubTrace: [String] {
        transport.iopub.map { type, content in
            type == "status" ? "status:\(content["execution_state"]?.stringValue ?? "?")" : type
        }
    }

    @Test mutating func kernelInfoIsWrappedInBusyIdle() {
        let request = client.request("kernel_info_request")
        core.handle(request, on: .shell)
        #expect(iopubTrace == ["status:busy", "status:idle"])
        let reply = transport.replies(on: .shell)
        #expect(reply.count == 1)
        #expect(reply[0].msgType == "kernel_info_reply")
        #expect(reply[0].parentID == request.header.msgID)
        #expect(reply[0].identities == request.identities)
        #expect(reply[0].content["protocol_version"] == "5.5")
        #expect(reply[0].content["supported_features"] == ["kernel subshells"])
        #expect(reply[0].content["implementation"] == "mock")
        // Every iopub message of the request points at it.
        #expect(transport.sent.filter { $0.0 == .iopub }.allSatisfy { $0.1.parentID == request.header.msgID })
    }

    @Test func startingIsAnnouncedWithoutParent() {
        core.announceStart()
        #expect(iopubTrace == ["status:starting"])
        #expect(transport.sent[0].1.parentHeader == [:])
    }

    @Test mutating func executeSendsInputOutputResultInOrder() {
        core.handle(client.execute("print:hello"), on: .shell)
        core.handle(client.execute("6 * 7"), on: .shell)
        #expect(iopubTrace == ["status:busy", "execute_input", "stream", "status:idle",
                               "status:busy", "execute_input", "execute_result", "status:idle"])
        let io = transport.iopub
        #expect(io[1].1["code"] == "print:hello" && io[1].1["execution_count"] == 1)
        #expect(io[2].1["name"] == "stdout" && io[2].1["text"] == "hello")
        #expect(io[6].1["execution_count"] == 2 && io[6].1["data"]?["text/plain"] == "6 * 7")
        let replies = transport.replies(on: .shell)
        #expect(replies.map { $0.content["status"] } == ["ok", "ok"])
        #expect(replies.map { $0.content["execution_count"] } == [1, 2])
        #expect(core.executionCount == 2)
    }

    @Test mutating func errorIsPublishedAndReplied() {
        core.handle(client.execute("fail"), on: .shell)
        #expect(iopubTrace == ["status:busy", "execute_input", "error", "status:idle"])
        let reply = transport.replies(on: .shell)[0].content
        #expect(reply["status"] == "error" && reply["ename"] == "NameError")
        #expect(reply["traceback"] == ["NameError: name 'fail' is not defined"])
        #expect(reply["execution_count"] == 1)
    }

    @Test mutating func stopOnErrorAbortsQueuedExecutesButAnswersOthers() {
        transport.enqueue([client.execute("6 * 7"), client.request("kernel_info_request"), client.execute("1")])
        core.handle(client.execute("fail"), on: .shell)
        let replies = transport.replies(on: .shell)
        #expect(replies.map(\.msgType) == ["execute_reply", "execute_reply", "kernel_info_reply", "execute_reply"])
        #expect(replies.map { $0.content["status"] } == ["error", "aborted", "ok", "aborted"])
        #expect(interpreter.executed == ["fail"])
        // Each aborted request still gets its own busy/idle pair.
        #expect(iopubTrace.filter { $0 == "status:busy" }.count == 4)
        #expect(iopubTrace.filter { $0 == "status:idle" }.count == 4)
    }

    @Test mutating func withoutStopOnErrorQueuedRequestsStay() {
        transport.enqueue([client.execute("6 * 7")])
        core.handle(client.execute("fail", ["stop_on_error": false]), on: .shell)
        #expect(transport.replies(on: .shell).count == 1)
        #expect(transport.takeQueuedShellMessages(subshell: nil).count == 1)
    }

    @Test mutating func silentCellsBroadcastNothingAndStoreNoHistory() {
        core.handle(client.execute("print:x", ["silent": true]), on: .shell)
        core.handle(client.execute("fail", ["silent": true]), on: .shell)
        #expect(iopubTrace == ["status:busy", "status:idle", "status:busy", "status:idle"])
        #expect(core.executionCount == 0)
        #expect(core.history.entries.isEmpty)
        #expect(transport.replies(on: .shell)[1].content["status"] == "error")
    }

    @Test mutating func storeHistoryFalseKeepsTheCountAndHistory() {
        core.handle(client.execute("1", ["store_history": false]), on: .shell)
        #expect(core.executionCount == 0)
        #expect(core.history.entries.isEmpty)
        #expect(transport.iopub.contains { $0.0 == "execute_result" })
    }

    @Test mutating func userExpressionsAreEvaluatedQuietly() {
        core.handle(client.execute("1", ["user_expressions": ["a": "2 + 3", "b": "fail", "c": "print:zzz"]]), on: .shell)
        let expressions = transport.replies(on: .shell)[0].content["user_expressions"]
        #expect(expressions?["a"]?["status"] == "ok")
        #expect(expressions?["a"]?["data"]?["text/plain"] == "2 + 3")
        #expect(expressions?["b"]?["status"] == "error" && expressions?["b"]?["ename"] == "NameError")
        #expect(!transport.iopub.contains { $0.0 == "stream" })
    }

    @Test mutating func displaysUpdatesAndClearsReachIOPub() {
        core.handle(client.execute("progress"), on: .shell)
        core.handle(client.execute("show"), on: .shell)
        #expect(iopubTrace == ["status:busy", "execute_input", "display_data", "update_display_data", "clear_output",
                               "status:idle", "status:busy", "execute_input", "display_data", "status:idle"])
        let io = transport.iopub
        #expect(io[2].1["transient"] == ["display_id": "p"])
        #expect(io[3].1["transient"] == ["display_id": "p"] && io[3].1["data"]?["text/plain"] == "100%")
        #expect(io[4].1["wait"] == true)
        #expect(io[8].1["transient"] == nil)
    }

    @Test mutating func pagerPayloadIsPassedThrough() {
        core.handle(client.execute("?page"), on: .shell)
        let payload = transport.replies(on: .shell)[0].content["payload"]
        #expect(payload?.arrayValue?.first?["source"] == "page")
    }

    @Test mutating func completeInspectIsComplete() {
        core.handle(client.request("complete_request", ["code": "geoms", "cursor_pos": 5]), on: .shell)
        core.handle(client.request("complete_request", ["code": "héllo"]), on: .shell)
        core.handle(client.request("inspect_request", ["code": "linspace", "cursor_pos": 3, "detail_level": 0]), on: .shell)
        core.handle(client.request("inspect_request", ["code": "nothing", "cursor_pos": 99]), on: .shell)
        core.handle(client.request("is_complete_request", ["code": "plot(1,"]), on: .shell)
        core.handle(client.request("is_complete_request", ["code": "+*"]), on: .shell)
        let r = transport.replies(on: .shell).map(\.content)
        #expect(r[0]["matches"] == ["geomspace"] && r[0]["cursor_end"] == 5)
        #expect(r[1]["cursor_end"] == 5)  // missing cursor_pos: end of code, in Unicode scalars
        #expect(r[2]["found"] == true && r[2]["data"]?["text/plain"] == "linspace(start, stop, n)")
        #expect(r[3]["found"] == false && r[3]["status"] == "ok")
        #expect(r[4]["status"] == "incomplete" && r[4]["indent"] == "    ")
        #expect(r[5]["status"] == "invalid" && r[5]["indent"] == nil)
    }

    @Test mutating func commsToUnknownTargetsAreClosed() {
        core.handle(client.request("comm_info_request", [:]), on: .shell)
        core.handle(client.request("comm_open", ["comm_id": "c1", "target_name": "jupyter.widget", "data": [:]]), on: .shell)
        core.handle(client.request("comm_msg", ["comm_id": "c1", "data": [:]]), on: .shell)
        #expect(transport.replies(on: .shell).map(\.content) == [["status": "ok", "comms": [:]]])
        let close = transport.iopub.first { $0.0 == "comm_close" }
        #expect(close?.1["comm_id"] == "c1")
    }

    @Test mutating func unknownTypesGetBusyIdleAndNoReply() {
        core.handle(client.request("frobnicate_request", ["x": 1]), on: .shell)
        core.handle(client.request("execute_request", ["code": 5]), on: .control)  // wrong channel
        core.handle(client.request("execute_request", "not an object"), on: .shell)  // odd content
        #expect(transport.replies(on: .control).isEmpty)
        #expect(iopubTrace.prefix(2) == ["status:busy", "status:idle"])
        #expect(interpreter.executed == [""])  // the odd content ran as an empty cell, nothing crashed
    }

    @Test mutating func interruptOnControl() {
        core.handle(client.request("interrupt_request"), on: .control)
        #expect(interpreter.interrupts == 1)
        #expect(transport.replies(on: .control).first?.msgType == "interrupt_reply")
    }

    @Test mutating func shutdownWithRestartOnControlAndShell() {
        core.handle(client.request("shutdown_request", ["restart": true]), on: .control)
        #expect(transport.replies(on: .control).first?.content == ["status": "ok", "restart": true])
        #expect(transport.iopub.contains { $0.0 == "shutdown_reply" })
        #expect(interpreter.shutdowns == [true])
        #expect(transport.stopped && core.isShuttingDown)

        let other = MockTransport()
        let second = MessageCore(interpreter: interpreter, transport: other)
        second.handle(client.request("shutdown_request", ["restart": false]), on: .shell)
        #expect(other.replies(on: .shell).first?.content["restart"] == false)
        #expect(other.stopped)
    }

    @Test mutating func inputAsksOnStdinAndUsesTheReply() {
        transport.script(answers: ["Ada"])
        let request = client.execute("input", ["allow_stdin": true])
        core.handle(request, on: .shell)
        let asked = transport.replies(on: .stdin)
        #expect(asked.count == 1 && asked[0].msgType == "input_request")
        #expect(asked[0].content == ["prompt": "name? ", "password": false])
        #expect(asked[0].parentID == request.header.msgID && asked[0].identities == request.identities)
        #expect(transport.iopub.first { $0.0 == "execute_result" }?.1["data"]?["text/plain"] == "hello Ada")
    }

    @Test mutating func inputWithoutAllowStdinIsAnErrorAndAsksNothing() {
        core.handle(client.execute("input", ["allow_stdin": false]), on: .shell)
        #expect(transport.replies(on: .stdin).isEmpty)
        let reply = transport.replies(on: .shell)[0].content
        #expect(reply["status"] == "error")
        #expect(reply["evalue"]?.stringValue?.contains("allow_stdin false") == true)
    }

    @Test mutating func subshellsAreCreatedListedAndDeletedOnControl() {
        core.handle(client.request("create_subshell_request"), on: .control)
        core.handle(client.request("create_subshell_request"), on: .control)
        core.handle(client.request("list_subshell_request"), on: .control)
        core.handle(client.request("delete_subshell_request", ["subshell_id": "sub-1"]), on: .control)
        core.handle(client.request("delete_subshell_request", ["subshell_id": "sub-1"]), on: .control)
        core.handle(client.request("list_subshell_request"), on: .control)
        let r = transport.replies(on: .control).map(\.content)
        #expect(r[0] == ["status": "ok", "subshell_id": "sub-1"] && r[1]["subshell_id"] == "sub-2")
        #expect(r[2] == ["status": "ok", "subshell_id": ["sub-1", "sub-2"]])
        #expect(r[3] == ["status": "ok"])
        #expect(r[4]["status"] == "error" && r[4]["evalue"] == "no subshell with id sub-1")
        #expect(r[5]["subshell_id"] == ["sub-2"])
    }

    @Test mutating func aSubshellErrorAbortsOnlyItsOwnQueue() {
        transport.enqueue([client.execute("1")], subshell: nil)
        transport.enqueue([client.execute("2")], subshell: "sub-1")
        var failing = client.execute("fail")
        failing.header.subshellID = "sub-1"
        core.handle(failing, on: .shell)
        let replies = transport.replies(on: .shell)
        #expect(replies.map { $0.content["status"] } == ["error", "aborted"])
        #expect(replies[0].header.subshellID == "sub-1")
        #expect(transport.takeQueuedShellMessages(subshell: nil).count == 1)
    }
}
