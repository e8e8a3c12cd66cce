import JupyterProtocol
import Synchronization

/// The gate every received multipart message passes: it checks the HMAC signature
/// (constant time) and the replay guard, parses the JSON, and drops — with one log
/// line — anything forged, unsigned, replayed or malformed. One inbox is shared by
/// all channels so a message captured on one socket cannot be replayed on another.
public final class SignedInbox: Sendable {
    private let codec: Mutex<WireCodec>
    private let log: @Sendable (String) -> Void

    /// Makes an inbox for `key`.
    /// - Parameters:
    ///   - key: the connection key (empty: no signing).
    ///   - log: where a dropped message is reported (stderr by default).
    public init(key: [UInt8], log: @escaping @Sendable (String) -> Void = KernelLog.warning) {
        codec = Mutex(WireCodec(key: key))
        self.log = log
    }

    /// The message in `frames`, or `nil` (logged) if it must be dropped.
    /// - Parameters:
    ///   - frames: the multipart frames as received.
    ///   - channel: where they came from (for the log line).
    public func accept(_ frames: [[UInt8]], on channel: Channel) -> Message? {
        let result: Result<Message, ProtocolError> = codec.withLock { codec in
            do throws(ProtocolError) { return .success(try codec.decode(frames)) } catch { return .failure(error) }
        }
        switch result {
        case .success(let message): return message
        case .failure(let error):
            log("dropped a message on \(channel.rawValue): \(error)")
            return nil
        }
    }
}
