/// Why an incoming message was rejected. The kernel logs these and drops the
/// message; none of them is fatal.
public enum ProtocolError: Error, Equatable, CustomStringConvertible {
    /// No `<IDS|MSG>` delimiter frame.
    case missingDelimiter
    /// Fewer than the five frames (signature, header, parent, metadata, content) after the delimiter.
    case tooFewFrames(Int)
    /// The signature frame is empty while the connection has a key.
    case unsigned
    /// The signature does not match the HMAC of the four JSON frames.
    case badSignature
    /// The same signature was seen recently: a replayed message.
    case replayed
    /// A frame is not valid JSON, or not a JSON object.
    case malformedJSON(frame: String, reason: String)
    /// The header lacks a required field or has a wrong type.
    case badHeader(String)
    /// The connection file is unreadable or incomplete.
    case badConnectionFile(String)

    /// One line for the kernel log.
    public var description: String {
        switch self {
        case .missingDelimiter: return "no <IDS|MSG> delimiter"
        case .tooFewFrames(let n): return "only \(n) frames after the delimiter (need 5)"
        case .unsigned: return "unsigned message"
        case .badSignature: return "invalid HMAC signature"
        case .replayed: return "replayed signature"
        case .malformedJSON(let frame, let reason): return "malformed \(frame) frame: \(reason)"
        case .badHeader(let why): return "bad header: \(why)"
        case .badConnectionFile(let why): return "bad connection file: \(why)"
        }
    }
}
