import CZeroMQ
import JSON
import JupyterProtocol
@testable import Kernel
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The real ZeroMQ server over ipc sockets with a mock interpreter: heartbeat,
/// control answering while a cell runs, interrupts, forged messages and shutdown.
@Suite(.serialized) struct ZMQServerTests {
    static let key = "socket-test-key"

    /// A front end's sockets connected to a kernel.
    final class FrontEnd {
        let context = zmq_ctx_new()!
        let shell, control, iopub, heartbeat: ZMQSocket
        let codec = WireCodec(key: Array(ZMQServerTests.key.utf8))
        var client = Client()

        init(_ info: ConnectionInfo) throws {
            shell = try ZMQSocket(context: context, type: ZMQ_DEALER)
            control = try ZMQSocket(context: context, type: ZMQ_DEALER)
            iopub = try ZMQSocket(context: context, type: ZMQ_SUB)
            heartbeat = try ZMQSocket(context: context, type: ZMQ_REQ)
            zmq_setsockopt(iopub.handle, ZMQ_SUBSCRIBE, "", 0)
            try shell.connect(info.endpoint(info.shellPort))
            try control.connect(info.endpoint(info.controlPort))
            try iopub.connect(info.endpoint(info.iopubPort))
            try heartbeat.connect(info.endpoint(info.hbPort))
        }

        func send(_ message: Message, on socket: ZMQSocket, codec: WireCodec? = nil) {
            socket.send((codec ?? self.codec).encode(message))
        }

        /// The next message on `socket` within `milliseconds`, decoded without replay checks.
        func receive(_ socket: ZMQSocket, milliseconds: Int = 2000) -> Message? {
            guard ZMQSocket.poll([socket], milliseconds: milliseconds)[0], let frames = socket.receive(wait: false) else {
                return nil
            }
            var fresh = codec
            return try? fresh.decode(frames)
        }

        deinit {
            for socket in [shell, control, iopub, heartbeat] { socket.setOption(ZMQ_LINGER, 0); socket.close() }
            zmq_ctx_term(context)
        }
    }

    static func connection() throws -> ConnectionInfo {
        let dir = try Scratch.directory("zmq")
        return ConnectionInfo(transport: "ipc", ip: dir + "/kernel", shellPort: 1, controlPort: 2, iopubPort: 3,
                              stdinPort: 4, hbPort: 5, key: key)
    }

    static func milliseconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    }

    @Test func kernelStaysResponsiveAndInterruptsWithinASecond() throws {
        let info = try Self.connection()
        let server = try ZMQServer(connection: info)
        let interpreter = MockInterpreter()
        let core = MessageCore(interpreter: interpreter, transport: server)
        let serving = NativeThread { server.serve(core) }
        let front = try FrontEnd(info)

        // Heartbeat echoes.
        front.heartbeat.send([Array("ping".utf8)])
        #expect(ZMQSocket.poll([front.heartbeat], milliseconds: 2000)[0])
        #expect(front.heartbeat.receive(wait: false) == [Array("ping".utf8)])

        // A cell that runs until interrupted.
        front.send(front.client.execute("loop"), on: front.shell)
        usleep(200_000)
        #expect(interpreter.executed == ["loop"])

        // Control answers while the cell computes.
        front.send(front.client.request("kernel_info_request"), on: front.control)
        let info1 = front.receive(front.control)
        #expect(info1?.msgType == "kernel_info_reply")

        // Heartbeat answers too.
        front.heartbeat.send([Array("beat".utf8)])
        #expect(ZMQSocket.poll([front.heartbeat], milliseconds: 1000)[0])
        _ = front.heartbeat.receive(wait: false)

        // interrupt_request stops the cell; the reply says Interrupted within a second.
        let start = ContinuousClock.now
        front.send(front.client.request("interrupt_request"), on: front.control)
        let reply = front.receive(front.shell, milliseconds: 1000)
        #expect(Self.milliseconds(since: start) < 1000)
        #expect(reply?.content["status"] == "error" && reply?.content["ename"] == "Interrupted")
        #expect(front.receive(front.control)?.msgType == "interrupt_reply")

        // Forged and unsigned requests are ignored; the kernel keeps working.
        front.send(front.client.execute("forged"), on: front.shell, codec: WireCodec(key: Array("guess".utf8)))
        front.send(front.client.execute("unsigned"), on: front.shell, codec: WireCodec(key: []))
        front.shell.send([Array("<IDS|MSG>".utf8), Array("garbage".utf8)])
        front.send(front.client.execute("6 * 7"), on: front.shell)
        let answer = front.receive(front.shell)
        #expect(answer?.content["status"] == "ok" && answer?.content["execution_count"] == 2)
        #expect(interpreter.executed == ["loop", "6 * 7"])

        // Shutdown on control ends serve().
        front.send(front.client.request("shutdown_request", ["restart": false]), on: front.control)
        #expect(front.receive(front.control)?.msgType == "shutdown_reply")
        serving.join()
        #expect(core.isShuttingDown)
    }
}
