import JSON
import JupyterProtocol

/// Publishes a running cell's output on iopub, each message a child of the execute
/// request, and asks the front end for input on stdin if the request allows it.
/// A silent request gets a publisher that drops everything (protocol: silent cells
/// broadcast nothing). The comms it opens and closes go into `comms`.
struct IOPubPublisher: OutputPublisher {
    let out: OutgoingMessages
    let request: Message
    let comms: CommTable
    var enabled = true
    var allowStdin = false

    func publish(_ type: String, _ content: JSONValue) {
        publish(type, content, metadata: [:])
    }

    func publish(_ type: String, _ content: JSONValue, metadata: JSONValue) {
        guard enabled else { return }
        comms.observe(type, content)
        out.publish(type, content, parent: request.header, metadata: metadata)
    }

    /// Sends an `input_request` on stdin and waits for its `input_reply`.
    func input(_ prompt: String, password: Bool, isCancelled: @escaping @Sendable () -> Bool) -> InputReply {
        guard allowStdin else {
            return .notAllowed("this front end does not accept input (the execute_request has allow_stdin false)")
        }
        let ask = out.message(replyingTo: request, "input_request", ["prompt": .string(prompt), "password": .bool(password)])
        guard let reply = out.transport.ask(ask, isCancelled: isCancelled) else { return .interrupted }
        return .line(reply.content["value"]?.stringValue ?? "")
    }
}

/// A publisher that drops everything: for `user_expressions`, which must not print.
struct DiscardingPublisher: OutputPublisher {
    func publish(_ type: String, _ content: JSONValue) {}
    func input(_ prompt: String, password: Bool, isCancelled: @escaping @Sendable () -> Bool) -> InputReply {
        .notAllowed("user_expressions cannot ask for input")
    }
}
