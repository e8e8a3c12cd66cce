import CZeroMQ
import JupyterProtocol
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The kernel's five ZeroMQ sockets and the threads that serve them:
///
/// - the calling thread serves shell (and drains stdin) and runs cells;
/// - a control thread answers `interrupt`, `shutdown` and `kernel_info` at any time;
/// - a heartbeat thread echoes pings on the REP socket;
/// - a signal thread turns SIGINT into an interrupt of the running cell (`InterruptSignal`).
///
/// Each ROUTER socket belongs to the thread that reads it; iopub, written from the
/// shell, control and progress paths, is guarded by a mutex.
public final class ZMQServer: KernelTransport, @unchecked Sendable {
    private let context: UnsafeMutableRawPointer
    private let shell: ZMQSocket
    private let control: ZMQSocket
    private let stdin: ZMQSocket
    private let heartbeat: ZMQSocket
    private let iopub: Mutex<ZMQSocket>
    private let codec: WireCodec
    /// The gate for received messages (signature, replay, JSON).
    public let inbox: SignedInbox
    private let stopping = Atomic<Bool>(false)
    private let finished = Atomic<Bool>(false)

    /// Opens and binds the sockets described by `connection`.
    /// - Throws: `ZMQError` naming the endpoint that could not be bound.
    public init(connection: ConnectionInfo) throws(ZMQError) {
        guard let context = zmq_ctx_new() else { throw ZMQError("zmq_ctx_new") }
        self.context = context
        let key = Array(connection.key.utf8)
        codec = WireCodec(key: key)
        inbox = SignedInbox(key: key)
        shell = try ZMQSocket(context: context, type: ZMQ_ROUTER)
        control = try ZMQSocket(context: context, type: ZMQ_ROUTER)
        stdin = try ZMQSocket(context: context, type: ZMQ_ROUTER)
        heartbeat = try ZMQSocket(context: context, type: ZMQ_REP)
        let publisher = try ZMQSocket(context: context, type: ZMQ_PUB)
        iopub = Mutex(publisher)
        for socket in [shell, control, stdin] { socket.setOption(ZMQ_ROUTER_HANDOVER, 1) }
        try shell.bind(connection.endpoint(connection.shellPort))
        try control.bind(connection.endpoint(connection.controlPort))
        try stdin.bind(connection.endpoint(connection.stdinPort))
        try heartbeat.bind(connection.endpoint(connection.hbPort))
        try publisher.bind(connection.endpoint(connection.iopubPort))
    }

    // MARK: - KernelTransport

    /// Signs and sends on the channel's socket (iopub under its lock).
    public func send(_ message: Message, on channel: Channel) {
        let frames = codec.encode(message)
        switch channel {
        case .shell: shell.send(frames)
        case .control: control.send(frames)
        case .stdin: stdin.send(frames)
        case .iopub, .heartbeat:
            iopub.withLock { socket in if !socket.isClosed { socket.send(frames) } }
        }
    }

    /// Reads every shell message already waiting, without blocking (shell thread only).
    public func takeQueuedShellMessages() -> [Message] {
        var queued: [Message] = []
        while let frames = shell.receive(wait: false) {
            if let message = inbox.accept(frames, on: .shell) { queued.append(message) }
        }
        return queued
    }

    /// Makes the shell and control loops end after their current message.
    public func stop() {
        stopping.store(true, ordering: .releasing)
    }

    private var isStopping: Bool { stopping.load(ordering: .acquiring) }

    // MARK: - Serving

    /// Serves `core` until a shutdown request: announces `starting`, starts the
    /// control, heartbeat and signal threads, and handles shell on this thread.
    public func serve(_ core: MessageCore) {
        InterruptSignal.watch { [core] in core.interpreter.interrupt() }
        let beats = NativeThread { [heartbeat] in
            while let ping = heartbeat.receive(wait: true) { heartbeat.send(ping) }
            heartbeat.close()
        }
        let controller = NativeThread { [self] in serveControl(core) }
        core.announceStart()
        while !isStopping {
            let ready = ZMQSocket.poll([shell, stdin], milliseconds: 100)
            if ready[0], let frames = shell.receive(wait: false), let message = inbox.accept(frames, on: .shell) {
                core.handle(message, on: .shell)
            }
            if ready[1] { _ = stdin.receive(wait: false) }  // no input_request is ever pending
        }
        finished.store(true, ordering: .releasing)
        controller.join()
        shell.close()
        stdin.close()
        iopub.withLock { $0.close() }
        zmq_ctx_shutdown(context)
        beats.join()
        zmq_ctx_term(context)
    }

    /// The control loop; after a shutdown it gives the shell thread three seconds to
    /// finish its cell before the process exits anyway.
    private func serveControl(_ core: MessageCore) {
        while !isStopping {
            guard ZMQSocket.poll([control], milliseconds: 100)[0] else { continue }
            if let frames = control.receive(wait: false), let message = inbox.accept(frames, on: .control) {
                core.handle(message, on: .control)
            }
        }
        control.close()
        for _ in 0..<300 where !finished.load(ordering: .acquiring) { usleep(10_000) }
        if !finished.load(ordering: .acquiring) {
            KernelLog.warning("the running cell did not stop within 3 s of shutdown; exiting")
            exit(0)
        }
    }
}
