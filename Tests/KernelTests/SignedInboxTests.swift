import JSON
import JupyterProtocol
import Kernel
import Synchronization
import Testing

/// Forged, unsigned, replayed and malformed messages are dropped and logged at the
/// inbox, so the interpreter never sees them; valid ones go through.
@Suite struct SignedInboxTests {
    static let key = Array("kernel-key".utf8)

    final class Log: Sendable {
        let lines = Mutex<[String]>([])
        func append(_ line: String) { lines.withLock { $0.append(line) } }
        var all: [String] { lines.withLock { $0 } }
    }

    @Test func onlyValidMessagesReachTheInterpreter() {
        let log = Log()
        let inbox = SignedInbox(key: Self.key, logInterval: .zero, log: { log.append($0) })
        let interpreter = MockInterpreter()
        let core = MessageCore(interpreter: interpreter, transport: MockTransport())
        var client = Client()
        let good = WireCodec(key: Self.key)
        let forger = WireCodec(key: Array("wrong".utf8))
        let anonymous = WireCodec(key: [])

        let valid = good.encode(client.execute("ok"))
        var tampered = good.encode(client.execute("harmless"))
        tampered[6] = Array(#"{"code": "evil"}"#.utf8)
        var garbage = good.encode(client.execute("x"))
        garbage[6] = Array("{not json".utf8)
        let attempts: [[[UInt8]]] = [
            forger.encode(client.execute("forged")),
            anonymous.encode(client.execute("unsigned")),
            tampered,
            valid,
            valid,  // replay
            garbage,
            [Array("<IDS|MSG>".utf8)],
            [[0xff, 0x00]],
            [],
        ]
        for frames in attempts {
            if let message = inbox.accept(frames, on: .shell) { core.handle(message, on: .shell) }
        }
        #expect(interpreter.executed == ["ok"])
        #expect(log.all.count == attempts.count - 1)
        #expect(log.all.allSatisfy { $0.hasPrefix("dropped a message on shell: ") })
        #expect(log.all[0].hasSuffix("invalid HMAC signature"))
        #expect(log.all[1].hasSuffix("unsigned message"))
        #expect(log.all[3].hasSuffix("replayed signature"))
    }

    @Test func replaysAreCaughtAcrossChannels() {
        let log = Log()
        let inbox = SignedInbox(key: Self.key, log: { log.append($0) })
        var client = Client()
        let frames = WireCodec(key: Self.key).encode(client.request("shutdown_request"))
        #expect(inbox.accept(frames, on: .shell) != nil)
        #expect(inbox.accept(frames, on: .control) == nil)
        #expect(log.all == ["dropped a message on control: replayed signature"])
    }

    @Test func aFloodOfForgedMessagesWritesOneLinePerInterval() async throws {
        var client = Client()
        let forger = WireCodec(key: Array("wrong".utf8))
        let log = Log()
        let inbox = SignedInbox(key: Self.key, logInterval: .seconds(600), log: { log.append($0) })
        for _ in 0..<5000 { _ = inbox.accept(forger.encode(client.execute("forged")), on: .shell) }
        #expect(log.all == ["dropped a message on shell: invalid HMAC signature"])

        // The next line after the interval counts the drops it did not report.
        let counted = Log()
        let brief = SignedInbox(key: Self.key, logInterval: .milliseconds(300), log: { counted.append($0) })
        for _ in 0..<20 { _ = brief.accept(forger.encode(client.execute("forged")), on: .shell) }
        try await Task.sleep(for: .milliseconds(350))
        _ = brief.accept(forger.encode(client.execute("forged")), on: .shell)
        #expect(counted.all.count == 2)
        #expect(counted.all.last?.hasSuffix("(and 19 more dropped since the last report)") == true)
    }
}
