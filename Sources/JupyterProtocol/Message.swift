import JSON

/// One Jupyter message, decoded: routing identities, the four JSON parts and any
/// binary buffers. `parentHeader`, `metadata` and `content` stay `JSONValue`
/// objects so that every message type is carried without a dedicated type.
public struct Message: Sendable, Equatable {
    /// ZeroMQ routing identities (ROUTER sockets) or the topic (iopub).
    public var identities: [[UInt8]]
    /// This message's header.
    public var header: MessageHeader
    /// The header of the request this message answers (an empty object if none).
    public var parentHeader: JSONValue
    /// Free-form metadata object.
    public var metadata: JSONValue
    /// The message-type specific content object.
    public var content: JSONValue
    /// Raw binary buffers after the content frame.
    public var buffers: [[UInt8]]

    /// Makes a message.
    public init(identities: [[UInt8]] = [], header: MessageHeader, parentHeader: JSONValue = [:],
                metadata: JSONValue = [:], content: JSONValue = [:], buffers: [[UInt8]] = []) {
        self.identities = identities
        self.header = header
        self.parentHeader = parentHeader
        self.metadata = metadata
        self.content = content
        self.buffers = buffers
    }

    /// The message type (`header.msg_type`).
    public var msgType: String { header.msgType }

    /// The `msg_id` of the parent header, if any.
    public var parentID: String? { parentHeader["msg_id"]?.stringValue }
}
