import Display
import JSON
import JupyterProtocol
import Language

/// Forwards a running cell's output to iopub as `stream`, `display_data`,
/// `update_display_data` and `clear_output`, each a child of the execute request.
/// A silent request gets a sink that drops everything (protocol: silent cells
/// broadcast nothing).
///
/// `input()` sends an `input_request` on stdin, as a child of the execute request,
/// and waits for its `input_reply`, if the request had `allow_stdin`.
public final class IOPubSink: OutputSink, Sendable {
    private let out: OutgoingMessages
    private let request: Message
    private let enabled: Bool
    private let allowStdin: Bool

    private var parent: MessageHeader { request.header }

    /// Makes a sink for `request`.
    public init(out: OutgoingMessages, request: Message, enabled: Bool = true, allowStdin: Bool = false) {
        self.out = out
        self.request = request
        self.enabled = enabled
        self.allowStdin = allowStdin
    }

    /// Asks the front end for a line (`input_request` on stdin) and waits for the answer.
    public func input(_ prompt: String, password: Bool,
                      isCancelled: @escaping @Sendable () -> Bool) -> Result<String, InputFailure> {
        guard allowStdin else {
            return .failure(.unavailable("this front end does not accept input (the execute_request has allow_stdin false)"))
        }
        let ask = out.message(replyingTo: request, "input_request",
                              ["prompt": .string(prompt), "password": .bool(password)])
        guard let reply = out.transport.ask(ask, isCancelled: isCancelled) else { return .failure(.interrupted) }
        return .success(reply.content["value"]?.stringValue ?? "")
    }

    /// Publishes a `stream` message (`stdout` or `stderr`); empty text is skipped.
    public func stream(_ name: StreamName, _ text: String) {
        guard enabled, !text.isEmpty else { return }
        out.publish("stream", ["name": .string(name.rawValue), "text": .string(text)], parent: parent)
    }

    /// Publishes `display_data`, or `update_display_data` when `update` is set and the
    /// display has an id (carried in `transient.display_id`).
    public func display(_ bundle: MIMEBundle, displayID: String?, update: Bool) {
        guard enabled else { return }
        var content: JSONValue = ["data": bundle.dataJSON, "metadata": bundle.metadataJSON]
        if let displayID {
            content["transient"] = ["display_id": .string(displayID)]
        }
        let type = (update && displayID != nil) ? "update_display_data" : "display_data"
        out.publish(type, content, parent: parent)
    }

    /// Publishes `clear_output`.
    public func clearOutput(wait: Bool) {
        guard enabled else { return }
        out.publish("clear_output", ["wait": .bool(wait)], parent: parent)
    }
}

/// A sink that drops everything: for `user_expressions`, which must not print.
final class DiscardingSink: OutputSink, Sendable {
    func stream(_ name: StreamName, _ text: String) {}
    func display(_ bundle: MIMEBundle, displayID: String?, update: Bool) {}
    func clearOutput(wait: Bool) {}
}
