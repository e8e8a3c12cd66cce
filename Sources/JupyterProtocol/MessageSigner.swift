import Crypto

/// HMAC-SHA256 signing of the four JSON frames of a Jupyter message, as the
/// connection file's `key` and `signature_scheme: "hmac-sha256"` ask.
///
/// An empty key turns signing off (the protocol's "no authentication" mode):
/// signatures are empty and every signature verifies.
public struct MessageSigner: Sendable {
    private let key: [UInt8]

    /// Makes a signer for `key` (the connection file's `key`, as UTF-8 bytes).
    public init(key: [UInt8]) {
        self.key = key
    }

    /// Whether messages are signed at all.
    public var isEnabled: Bool { !key.isEmpty }

    /// The lowercase hex HMAC of the concatenated frames, or `""` when signing is off.
    /// - Parameter frames: header, parent header, metadata and content, serialized.
    /// - Returns: the signature frame's text.
    public func signature(of frames: [[UInt8]]) -> String {
        guard isEnabled else { return "" }
        var mac = HMAC<SHA256>(key: SymmetricKey(data: key))
        for frame in frames { mac.update(data: frame) }
        return Self.hex(Array(mac.finalize()))
    }

    /// Whether `signature` (hex bytes as received) is the HMAC of `frames`,
    /// compared in constant time.
    /// - Parameters:
    ///   - signature: the signature frame.
    ///   - frames: the four JSON frames.
    /// - Returns: `true` if it matches (always `true` when signing is off).
    public func verify(_ signature: [UInt8], of frames: [[UInt8]]) -> Bool {
        guard isEnabled else { return true }
        let expected = Array(self.signature(of: frames).utf8)
        return Self.constantTimeEqual(expected, signature)
    }

    /// Compares two byte strings without an early exit on the first differing byte,
    /// so the time taken does not reveal how long a matching prefix a forger has
    /// found. (The length is public: an HMAC-SHA256 in hex is always 64 bytes.)
    /// - Returns: `true` if both have the same length and bytes.
    public static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for i in 0..<a.count { difference |= a[i] ^ b[i] }
        return difference == 0
    }

    private static let digits = Array("0123456789abcdef".utf8)

    private static func hex(_ bytes: [UInt8]) -> String {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
