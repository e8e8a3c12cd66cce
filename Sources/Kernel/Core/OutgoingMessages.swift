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

    /// Sends the reply `type` with `content` to `request`, on `channel`.
    public func reply(to request: Message, _ type: String, _ content: JSONValue, on channel: Channel) {
        let header = factory.withLock { $0.header(type) }
        transport.send(Message(identities: request.identities, header: header,
                               parentHeader: request.header.json, content: content), on: channel)
    }

    /// Publishes `type` with `content` on iopub, as a child of `parent` (nil: no parent).
    public func publish(_ type: String, _ content: JSONValue, parent: MessageHeader?) {
        let header = factory.withLock { $0.header(type) }
        transport.send(Message(identities: [Array((topicPrefix + type).utf8)], header: header,
                               parentHeader: parent?.json ?? [:], content: content), on: .iopub)
    }

    /// Publishes `status` with `execution_state` = `state`.
    public func status(_ state: String, parent: MessageHeader?) {
        publish("status", ["execution_state": .string(state)], parent: parent)
    }
}
