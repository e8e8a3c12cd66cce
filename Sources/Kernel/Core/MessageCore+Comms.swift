import JSON
import JupyterProtocol

// MARK: - comm_info, comm_open, comm_msg, comm_close

extension MessageCore {
    /// `comm_info_reply`: the open comms, only those to `target_name` if the request
    /// names one. Answered from the comm table, without the interpreter.
    func commInfo(_ request: Message) {
        let target = request.content["target_name"]?.stringValue
        out.reply(to: request, "comm_info_reply", ["status": "ok", "comms": comms.info(target: target)], on: .shell)
    }

    /// A comm to one of the interpreter's targets is recorded and handed over; one to
    /// any other target is closed straight away, as the protocol asks, so the front
    /// end does not wait on it.
    func commOpen(_ request: Message) {
        let id = request.content["comm_id"]?.stringValue ?? ""
        let target = request.content["target_name"]?.stringValue ?? ""
        guard interpreter.commTargets.contains(target) else {
            KernelLog.warning("comm_open for unknown target \"\(target)\": closing comm \(id)")
            out.publish("comm_close", ["comm_id": .string(id), "data": [:]], parent: request.header)
            return
        }
        comms.opened(id, target: target)
        interpreter.comm(commMessage(.open, request), publisher: publisher(for: request))
    }

    /// `comm_msg` or `comm_close` on an open comm goes to the interpreter; on an unknown
    /// comm it is logged and dropped (as ipykernel does).
    func commMessage(_ request: Message) {
        let id = request.content["comm_id"]?.stringValue ?? ""
        guard comms.contains(id) else {
            KernelLog.warning("\(request.msgType) for unknown comm \(id) ignored")
            return
        }
        let kind: CommMessage.Kind = request.msgType == "comm_close" ? .close : .message
        if kind == .close { comms.closed(id) }
        interpreter.comm(commMessage(kind, request), publisher: publisher(for: request))
    }

    private func commMessage(_ kind: CommMessage.Kind, _ request: Message) -> CommMessage {
        CommMessage(kind: kind, commID: request.content["comm_id"]?.stringValue ?? "",
                    targetName: request.content["target_name"]?.stringValue,
                    data: request.content["data"] ?? [:], metadata: request.metadata, buffers: request.buffers)
    }

    /// Where the interpreter's answer to a comm message goes: iopub, parented to it.
    private func publisher(for request: Message) -> IOPubPublisher {
        IOPubPublisher(out: out, request: request, comms: comms)
    }
}
