import JSON

/// Turns messages into signed ZeroMQ multipart frames and back:
///
///     identities…, "<IDS|MSG>", signature, header, parent_header, metadata, content, buffers…
///
/// Decoding checks the signature (constant time) and the replay guard before it
/// parses any JSON, so a forged message never reaches a handler, and it reports
/// malformed input as a `ProtocolError` instead of trapping.
public struct WireCodec: Sendable {
    /// The delimiter frame between routing identities and the message.
    public static let delimiter: [UInt8] = Array("<IDS|MSG>".utf8)

    /// The signer built from the connection key.
    public let signer: MessageSigner
    private var replayGuard: ReplayGuard

    /// Makes a codec for `key` (empty: no signing).
    public init(key: [UInt8], replayCapacity: Int = 65_536) {
        signer = MessageSigner(key: key)
        replayGuard = ReplayGuard(capacity: replayCapacity)
    }

    /// The frames of `message`, signed.
    /// - Parameter message: the message to send.
    /// - Returns: the multipart frames, identities first.
    public func encode(_ message: Message) -> [[UInt8]] {
        let parts = [
            JSONWriter.bytes(message.header.json),
            JSONWriter.bytes(message.parentHeader),
            JSONWriter.bytes(message.metadata),
            JSONWriter.bytes(message.content),
        ]
        var frames = message.identities
        frames.reserveCapacity(frames.count + 6 + message.buffers.count)
        frames.append(Self.delimiter)
        frames.append(Array(signer.signature(of: parts).utf8))
        frames.append(contentsOf: parts)
        frames.append(contentsOf: message.buffers)
        return frames
    }

    /// Reads a message from received frames, after checking its signature and that it
    /// is not a replay.
    /// - Parameter frames: the multipart frames as received.
    /// - Returns: the decoded message.
    /// - Throws: `ProtocolError` describing why the frames were rejected.
    public mutating func decode(_ frames: [[UInt8]]) throws(ProtocolError) -> Message {
        guard let split = frames.firstIndex(of: Self.delimiter) else { throw .missingDelimiter }
        let rest = frames.count - split - 1
        guard rest >= 5 else { throw .tooFewFrames(rest) }
        let signature = frames[split + 1]
        let parts = Array(frames[(split + 2)..<(split + 6)])
        if signer.isEnabled {
            guard !signature.isEmpty else { throw .unsigned }
            guard signer.verify(signature, of: parts) else { throw .badSignature }
            guard replayGuard.admit(signature) else { throw .replayed }
        }
        let names = ["header", "parent_header", "metadata", "content"]
        var objects: [JSONValue] = []
        for (name, bytes) in zip(names, parts) {
            let value: JSONValue
            do {
                value = try JSONParser.parse(bytes)
            } catch {
                throw .malformedJSON(frame: name, reason: error.description)
            }
            guard case .object = value else { throw .malformedJSON(frame: name, reason: "not an object") }
            objects.append(value)
        }
        return Message(identities: Array(frames[..<split]),
                       header: try MessageHeader(json: objects[0]),
                       parentHeader: objects[1], metadata: objects[2], content: objects[3],
                       buffers: Array(frames[(split + 6)...]))
    }
}
