#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JSON
import Platform

/// Makes the headers of outgoing messages: unique ids (`<session>_<pid>_<counter>`,
/// as ipykernel does) and UTC timestamps with microseconds.
public struct MessageFactory: Sendable {
    /// The kernel's session id, shared by all its messages.
    public let session: String
    /// The user name in headers.
    public let username: String
    private let prefix: String
    private var counter = 0

    /// Makes a factory for a session id.
    public init(session: String, username: String = "kernel") {
        self.session = session
        self.username = username
        prefix = "\(session)_\(getpid())_"
    }

    /// A fresh header for a message of `type`.
    public mutating func header(_ type: String) -> MessageHeader {
        counter += 1
        return MessageHeader(msgID: prefix + String(counter), session: session, username: username,
                             date: Self.now(), msgType: type)
    }

    /// A new session id: 32 hex digits from the operating system's entropy source
    /// (ids must differ between kernels, so no fixed seed here; nothing numerical
    /// depends on them).
    public static func newSessionID() -> String {
        var rng = SystemRandomNumberGenerator()
        let a = rng.next(), b = rng.next()
        func hex(_ x: UInt64) -> String {
            let s = String(x, radix: 16)
            return String(repeating: "0", count: 16 - s.count) + s
        }
        return hex(a) + hex(b)
    }

    /// A random (version 4) UUID in its text form, e.g. a subshell id, as ipykernel's
    /// `uuid.uuid4()` gives.
    public static func newUUID() -> String {
        var rng = SystemRandomNumberGenerator()
        var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &rng) }
        bytes[6] = (bytes[6] & 0x0f) | 0x40
        bytes[8] = (bytes[8] & 0x3f) | 0x80
        let hex = bytes.map { b in String(b >> 4, radix: 16) + String(b & 0x0f, radix: 16) }
        return [0..<4, 4..<6, 6..<8, 8..<10, 10..<16].map { hex[$0].joined() }.joined(separator: "-")
    }

    /// The current UTC time as ISO 8601 with microseconds, e.g. `2026-11-30T22:10:00.123456Z`.
    public static func now() -> String {
        Timestamp.now().iso8601
    }

}
