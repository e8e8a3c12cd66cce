import JSON
import JupyterProtocol
import Testing

/// Framing, signing and rejection of bad input by `WireCodec`.
@Suite struct WireCodecTests {
    static let key = Array("a0b1c2d3-secret".utf8)

    static func request(_ type: String = "execute_request", id: String = "m1") -> Message {
        Message(identities: [[1, 2, 3]],
                header: MessageHeader(msgID: id, session: "s", username: "u", date: "2026-01-01T00:00:00.000000Z",
                                      msgType: type),
                content: ["code": "6 * 7"])
    }

    /// The error `decode` throws for `frames`, or nil if it accepts them.
    static func reject(_ codec: inout WireCodec, _ frames: [[UInt8]]) -> ProtocolError? {
        do throws(ProtocolError) { _ = try codec.decode(frames); return nil } catch { return error }
    }

    @Test func roundTripKeepsEveryPart() throws {
        var codec = WireCodec(key: Self.key)
        var message = Self.request()
        message.buffers = [[9, 9], []]
        message.metadata = ["x": 1]
        message.parentHeader = ["msg_id": "p"]
        let frames = codec.encode(message)
        #expect(frames[0] == [1, 2, 3])
        #expect(frames[1] == WireCodec.delimiter)
        #expect(frames[2].count == 64)  // hex HMAC-SHA256
        let decoded = try codec.decode(frames)
        #expect(decoded == message)
    }

    @Test func signatureIsHMACSHA256OfTheFourFrames() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        let signer = MessageSigner(key: Array("Jefe".utf8))
        let parts = ["what do ya ", "want ", "for ", "nothing?"].map { Array($0.utf8) }
        #expect(signer.signature(of: parts) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func forgedSignatureIsRejected() {
        var codec = WireCodec(key: Self.key)
        var frames = codec.encode(Self.request())
        frames[2][0] = frames[2][0] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
        let rejected14619 = Self.reject(&codec, frames)
        #expect(rejected14619 == ProtocolError.badSignature)
    }

    @Test func messageSignedWithAnotherKeyIsRejected() {
        let forger = WireCodec(key: Array("guess".utf8))
        var codec = WireCodec(key: Self.key)
        let rejected80803 = Self.reject(&codec, forger.encode(Self.request()))
        #expect(rejected80803 == ProtocolError.badSignature)
    }

    @Test func tamperedContentIsRejected() {
        var codec = WireCodec(key: Self.key)
        var frames = codec.encode(Self.request())
        frames[6] = Array(#"{"code":"shutdown()"}"#.utf8)
        let rejected14619 = Self.reject(&codec, frames)
        #expect(rejected14619 == ProtocolError.badSignature)
    }

    @Test func unsignedMessageIsRejectedWhenAKeyIsSet() {
        let unsigned = WireCodec(key: [])
        var codec = WireCodec(key: Self.key)
        let rejected94269 = Self.reject(&codec, unsigned.encode(Self.request()))
        #expect(rejected94269 == ProtocolError.unsigned)
    }

    @Test func replayIsRejectedButAFreshMessageIsNot() throws {
        var codec = WireCodec(key: Self.key)
        let frames = codec.encode(Self.request(id: "a"))
        _ = try codec.decode(frames)
        let rejected32484 = Self.reject(&codec, frames)
        #expect(rejected32484 == ProtocolError.replayed)
        let fresh = try codec.decode(codec.encode(Self.request(id: "b")))
        #expect(fresh.header.msgID == "b")
    }

    @Test func withoutAKeyNothingIsSignedAndAnythingVerifies() throws {
        var codec = WireCodec(key: [])
        let frames = codec.encode(Self.request())
        #expect(frames[2].isEmpty)
        _ = try codec.decode(frames)
        _ = try codec.decode(frames)  // no replay tracking without signatures
    }

    @Test func malformedFramesAreErrorsNotCrashes() {
        var codec = WireCodec(key: [])
        let good = codec.encode(Self.request())
        let rejected98599 = Self.reject(&codec, [[1], [2]])
        #expect(rejected98599 == ProtocolError.missingDelimiter)
        let rejected98474 = Self.reject(&codec, [])
        #expect(rejected98474 == ProtocolError.missingDelimiter)
        let rejected48283 = Self.reject(&codec, Array(good.prefix(5)))
        #expect(rejected48283 == ProtocolError.tooFewFrames(3))
        var badJSON = good
        badJSON[3] = Array("{\"msg_id\": ".utf8)
        let rejected9844 = Self.reject(&codec, badJSON)
        #expect(rejected9844 != nil)
        var notObject = good
        notObject[6] = Array("[1, 2]".utf8)
        let rejected27665 = Self.reject(&codec, notObject)
        #expect(rejected27665 == ProtocolError.malformedJSON(frame: "content", reason: "not an object"))
        var noType = good
        noType[3] = Array(#"{"msg_id": "x"}"#.utf8)
        let rejected60097 = Self.reject(&codec, noType)
        #expect(rejected60097 == ProtocolError.badHeader("missing msg_type"))
        var binary = good
        binary[5] = [0xff, 0xfe, 0x00]
        let rejected24025 = Self.reject(&codec, binary)
        #expect(rejected24025 != nil)
    }

    @Test func constantTimeCompare() {
        #expect(MessageSigner.constantTimeEqual([1, 2, 3], [1, 2, 3]))
        #expect(!MessageSigner.constantTimeEqual([1, 2, 3], [1, 2, 4]))
        #expect(!MessageSigner.constantTimeEqual([1, 2, 3], [1, 2]))
        #expect(MessageSigner.constantTimeEqual([], []))
    }

    @Test func replayGuardForgetsTheOldestBeyondCapacity() {
        var guardian = ReplayGuard(capacity: 2)
        let admitted = [[1], [2], [1], [3], [1], [3]].map { guardian.admit($0) }
        // The third [1] is a replay; [3] pushes out [1], so [1] is new again and [3] is a replay.
        #expect(admitted == [true, true, false, true, true, false])
    }
}
