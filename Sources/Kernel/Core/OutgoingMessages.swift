import JSON
import JupyterProtocol
import Synchronization

/// Builds the kernel's outgoing messages (fresh headers, parent headers, iopub topics)
/// and hands them to the transport. Safe from any thread.
public final class OutgoingMessages: Sendable {
    private let factory: Mutex<MessageFactory>
    /// The transport messages go out on.
    public let transport: any KernelTransport
    private let topicPrefix: String

    /// Makes the sender for `session` over `transport`.
    public init(session: String, transport: any KernelTransport) {
        factory = Mutex(MessageFactory(session: session))
        self.transport = transport
        topicPrefix = "kernel.\(session)."
    }

    /// Sends the reply `type` with `content` to `request`, on `channel`; the reply's
    /// header names the request's subshell, if it had one.
    /// - Returns: the reply's header.
    @discardableResult
    public func reply(to request: Message, _ type: String, _ content: JSONValue, on channel: Channel) -> MessageHeader {
        let message = self.message(replyingTo: request, type, content)
        transport.send(message, on: channel)
        return message.header
    }

    /// The reply `type` with `content` to `request`, not yet sent.
    public func message(replyingTo request: Message, _ type: String, _ content: JSONValue) -> Message {
        var header = factory.withLock { $0.header(type) }
        header.subshellID = request.header.subshellID
        return Message(identities: request.identities, header: header, parentHeader: request.header.json,
                       content: content)
    }

    /// The `iopub_welcome` a new iopub subscriber to `subscription` gets (JEP 65),
    /// addressed to its topic; the transport sends it when the XPUB socket reports
    /// the subscription.
    public func welcome(_ subscription: [UInt8]) -> Message {
        let header = factory.withLock { $0.header("iopub_welcome") }
        return Message(identities: subscription.isEmpty ? [] : [subscription], header: header,
                       content: ["subscription": .string(String(decoding: subscription, as: UTF8.self))])
    }

    /// Publishes `type` with `content` (and message `metadata`) on iopub, as a child of
    /// `parent` (nil: no parent).
    public func publish(_ type: String, _ content: JSONValue, parent: MessageHeader?, metadata: JSONValue = [:]) {
        let header = factory.withLock { $0.header(type) }
        transport.send(Message(identities: [Array((topicPrefix + type).utf8)], header: header,
                               parentHeader: parent?.json ?? [:], metadata: metadata, content: content), on: .iopub)
    }

    /// Publishes `status` with `execution_state` = `state`.
    public func status(_ state: String, parent: MessageHeader?) {
        publish("status", ["execution_state": .string(state)], parent: parent)
    }
}
