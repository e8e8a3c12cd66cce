import JSON

/// The `header` of a Jupyter message: who sent it, when, and what it is.
public struct MessageHeader: Sendable, Equatable {
    /// Unique id of this message; replies point at it from their `parent_header`.
    public var msgID: String
    /// The sending session's id.
    public var session: String
    /// The user name of the sender.
    public var username: String
    /// ISO 8601 timestamp with microseconds and a `Z` suffix.
    public var date: String
    /// The message type, e.g. `execute_request`.
    public var msgType: String
    /// The protocol version, `"5.5"` for messages this kernel sends.
    public var version: String
    /// The kernel subshell a shell request is for (JEP 91), or `nil` for the main shell.
    /// Replies to a subshell's request carry it too.
    public var subshellID: String?

    /// The protocol version this kernel speaks: 5.5 adds XPUB iopub with
    /// `iopub_welcome` (JEP 65), `kernel_info_request` on control (JEP 82), kernel
    /// subshells (JEP 91) and `supported_features` (JEP 92). Every 5.5 addition is
    /// optional for clients, so 5.3 clients keep working.
    public static let protocolVersion = "5.5"

    /// Makes a header.
    public init(msgID: String, session: String, username: String, date: String, msgType: String,
                version: String = MessageHeader.protocolVersion, subshellID: String? = nil) {
        self.msgID = msgID
        self.session = session
        self.username = username
        self.date = date
        self.msgType = msgType
        self.version = version
        self.subshellID = subshellID
    }

    /// Reads a header from its JSON object.
    /// - Throws: `ProtocolError.badHeader` if `msg_id` or `msg_type` is missing or not a string.
    public init(json: JSONValue) throws(ProtocolError) {
        guard case .object = json else { throw .badHeader("not an object") }
        guard let id = json["msg_id"]?.stringValue, !id.isEmpty else { throw .badHeader("missing msg_id") }
        guard let type = json["msg_type"]?.stringValue, !type.isEmpty else { throw .badHeader("missing msg_type") }
        self.init(msgID: id,
                  session: json["session"]?.stringValue ?? "",
                  username: json["username"]?.stringValue ?? "",
                  date: json["date"]?.stringValue ?? "",
                  msgType: type,
                  version: json["version"]?.stringValue ?? "5.0",
                  subshellID: json["subshell_id"]?.stringValue)
    }

    /// The header as its JSON object.
    public var json: JSONValue {
        var object: JSONValue = [
            "msg_id": .string(msgID),
            "session": .string(session),
            "username": .string(username),
            "date": .string(date),
            "msg_type": .string(msgType),
            "version": .string(version),
        ]
        if let subshellID { object["subshell_id"] = .string(subshellID) }
        return object
    }
}
