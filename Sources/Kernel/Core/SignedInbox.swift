import JupyterProtocol
import Synchronization

/// The gate every received multipart message passes: it checks the HMAC signature
/// (constant time) and the replay guard, parses the JSON, and drops anything forged,
/// unsigned, replayed or malformed. One inbox is shared by all channels so a message
/// captured on one socket cannot be replayed on another.
///
/// Drops are logged at most once per `logInterval`: the first at once, later ones as a
/// count in the next line, so a flood of forged messages cannot flood the log.
public final class SignedInbox: Sendable {
    private let codec: Mutex<WireCodec>
    private let log: @Sendable (String) -> Void
    private let logInterval: Duration
    private let logState = Mutex<(last: ContinuousClock.Instant?, unreported: Int)>((nil, 0))

    /// Makes an inbox for `key`.
    /// - Parameters:
    ///   - key: the connection key (empty: no signing).
    ///   - logInterval: the least time between two log lines about drops.
    ///   - log: where a dropped message is reported (stderr by default).
    public init(key: [UInt8], logInterval: Duration = .seconds(1),
                log: @escaping @Sendable (String) -> Void = KernelLog.warning) {
        codec = Mutex(WireCodec(key: key))
        self.logInterval = logInterval
        self.log = log
    }

    /// The message in `frames`, or `nil` (logged, rate-limited) if it must be dropped.
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
            report("dropped a message on \(channel.rawValue): \(error)")
            return nil
        }
    }

    private func report(_ line: String) {
        let now = ContinuousClock.now
        let earlier: Int? = logState.withLock { state in
            if let last = state.last, now - last < logInterval {
                state.unreported += 1
                return nil
            }
            defer { state = (now, 0) }
            return state.unreported
        }
        guard let earlier else { return }
        log(earlier == 0 ? line : line + " (and \(earlier) more dropped since the last report)")
    }
}
