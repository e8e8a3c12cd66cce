import JSON
import JupyterProtocol

/// Publishes a running cell's output on iopub, each message a child of the execute
/// request, and asks the front end for input on stdin if the request allows it.
/// A silent request gets a publisher that drops everything (protocol: silent cells
/// broadcast nothing).
struct IOPubPublisher: OutputPublisher {
    let out: OutgoingMessages
    let request: Message
    var enabled = true
    var allowStdin = false

    func publish(_ type: String, _ content: JSONValue) {
        guard enabled else { return }
        out.publish(type, content, parent: request.header)
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
