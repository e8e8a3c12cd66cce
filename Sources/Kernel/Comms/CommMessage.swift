import JSON

/// A comm message from the front end (`comm_open`, `comm_msg` or `comm_close`), as the
/// message core hands it to the interpreter: the protocol's own fields, no language.
public struct CommMessage: Sendable, Equatable {
    /// Which of the three comm messages this is.
    public enum Kind: String, Sendable {
        /// `comm_open`: the front end opened a comm to one of `Interpreter.commTargets`.
        case open = "comm_open"
        /// `comm_msg`: data on an open comm.
        case message = "comm_msg"
        /// `comm_close`: the front end closed the comm.
        case close = "comm_close"
    }

    /// The message type.
    public var kind: Kind
    /// `comm_id`.
    public var commID: String
    /// `target_name` (only on `comm_open`).
    public var targetName: String?
    /// `data`: the comm's payload object.
    public var data: JSONValue
    /// The message's `metadata` (ipywidgets puts the protocol `version` there).
    public var metadata: JSONValue
    /// Binary buffers after the content frame.
    public var buffers: [[UInt8]]

    /// Makes a comm message.
    public init(kind: Kind, commID: String, targetName: String? = nil, data: JSONValue = [:],
                metadata: JSONValue = [:], buffers: [[UInt8]] = []) {
        self.kind = kind
        self.commID = commID
        self.targetName = targetName
        self.data = data
        self.metadata = metadata
        self.buffers = buffers
    }
}
