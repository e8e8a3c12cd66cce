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
/// - a router thread owns the shell ROUTER and the iopub XPUB sockets: it puts each
///   shell request in the queue of its shell (the main shell, or the subshell its
///   header names, JEP 91), sends what the shells reply and publish (handed to it
///   over two inproc pipes), and greets each new iopub subscriber with
///   `iopub_welcome` (JEP 65);
/// - the calling thread handles the main shell's queue and runs its cells; each
///   subshell has a thread of its own;
/// - a control thread answers `interrupt`, `shutdown`, `kernel_info` and the
///   subshell requests at any time;
/// - a heartbeat thread echoes pings on the REP socket;
/// - a signal thread turns SIGINT into an interrupt of the running cell (`InterruptSignal`);
/// - a watcher ends the process if the launching process dies (`ParentWatch`).
///
/// Every inbound socket refuses frames over `maximumFrameBytes` before reading them
/// (libzmq's `ZMQ_MAXMSGSIZE` drops the sender's connection), so an unsigned message
/// of a gigabyte never reaches memory on its way to the signature check.
public final class ZMQServer: KernelTransport, @unchecked Sendable {
    private let context: UnsafeMutableRawPointer
    // Owned by the router thread.
    private let shell: ZMQSocket
    private let iopub: ZMQSocket
    private let shellOutbox: ZMQSocket
    private let iopubOutbox: ZMQSocket
    // Written by any thread, each behind its lock; read by the router thread.
    private let shellSender: Mutex<ZMQSocket>
    private let iopubSender: Mutex<ZMQSocket>
    private let control: ZMQSocket
    private let stdin: Mutex<ZMQSocket>
    private let heartbeat: ZMQSocket
    private let codec: WireCodec
    /// The gate for received messages (signature, replay, JSON).
    public let inbox: SignedInbox
    private let mainShell = ShellQueue()
    private let subshells = Mutex<(order: [String], queues: [String: ShellQueue], threads: [NativeThread])>(([], [:], []))
    private let core = Mutex<MessageCore?>(nil)
    private let stopping = Atomic<Bool>(false)
    private let shellsDone = Atomic<Bool>(false)

    /// The largest frame the kernel reads from a socket: 64 MiB, far above any cell
    /// or comm message a front end sends.
    public static let maximumFrameBytes: Int64 = 64 << 20

    /// Opens and binds the sockets described by `connection`.
    /// - Parameter maximumFrameBytes: the inbound frame cap (tests lower it).
    /// - Throws: `ZMQError` naming the endpoint that could not be bound.
    public init(connection: ConnectionInfo, maximumFrameBytes: Int64 = ZMQServer.maximumFrameBytes) throws(ZMQError) {
        guard let context = zmq_ctx_new() else { throw ZMQError("zmq_ctx_new") }
        self.context = context
        let key = Array(connection.key.utf8)
        codec = WireCodec(key: key)
        inbox = SignedInbox(key: key)
        shell = try ZMQSocket(context: context, type: ZMQ_ROUTER)
        control = try ZMQSocket(context: context, type: ZMQ_ROUTER)
        let stdinSocket = try ZMQSocket(context: context, type: ZMQ_ROUTER)
        heartbeat = try ZMQSocket(context: context, type: ZMQ_REP)
        iopub = try ZMQSocket(context: context, type: ZMQ_XPUB)
        for socket in [shell, control, stdinSocket] { socket.setOption(ZMQ_ROUTER_HANDOVER, 1) }
        for socket in [shell, control, stdinSocket, heartbeat, iopub] {
            socket.setOption64(ZMQ_MAXMSGSIZE, maximumFrameBytes)
        }
        // Every subscription reaches the kernel, so each client gets its welcome.
        iopub.setOption(ZMQ_XPUB_VERBOSE, 1)
        stdin = Mutex(stdinSocket)
        try shell.bind(connection.endpoint(connection.shellPort))
        try control.bind(connection.endpoint(connection.controlPort))
        try stdinSocket.bind(connection.endpoint(connection.stdinPort))
        try heartbeat.bind(connection.endpoint(connection.hbPort))
        try iopub.bind(connection.endpoint(connection.iopubPort))
        // The pipes from the shells to the router thread.
        let tag = "\(getpid())-\(UInt(bitPattern: Int(bitPattern: context)))"
        shellOutbox = try ZMQSocket(context: context, type: ZMQ_PULL)
        iopubOutbox = try ZMQSocket(context: context, type: ZMQ_PULL)
        try shellOutbox.bind("inproc://shell-out-\(tag)")
        try iopubOutbox.bind("inproc://iopub-out-\(tag)")
        let shellPush = try ZMQSocket(context: context, type: ZMQ_PUSH)
        let iopubPush = try ZMQSocket(context: context, type: ZMQ_PUSH)
        try shellPush.connect("inproc://shell-out-\(tag)")
        try iopubPush.connect("inproc://iopub-out-\(tag)")
        shellSender = Mutex(shellPush)
        iopubSender = Mutex(iopubPush)
    }

    // MARK: - KernelTransport

    /// Signs and sends: shell replies and iopub go through the router thread's pipes,
    /// control and stdin straight out (each from the one thread that uses it).
    public func send(_ message: Message, on channel: Channel) {
        let frames = codec.encode(message)
        switch channel {
        case .shell: shellSender.withLock { if !$0.isClosed { $0.send(frames) } }
        case .control: control.send(frames)
        case .stdin: stdin.withLock { $0.send(frames) }
        case .iopub, .heartbeat: iopubSender.withLock { if !$0.isClosed { $0.send(frames) } }
        }
    }

    /// How long a shell's queue must stay quiet before the requests behind a failed
    /// cell are taken. A front end's Run All sends its requests back to back, but a
    /// cell that fails at once (a `NameError` takes microseconds) can end before the
    /// next request has crossed the socket; ipykernel, slower to fail, aborts it, so
    /// this kernel waits for the burst to end. A request sent after the client saw the
    /// error reply is never caught: the queue is taken before the reply goes out.
    static let settleMilliseconds = 50
    /// The longest the settling may take, however busy the socket.
    static let settleLimitMilliseconds = 2_000

    /// The requests waiting for shell `subshell`, and those that follow within
    /// `settleMilliseconds` of the last one.
    public func takeQueuedShellMessages(subshell: String?) -> [Message] {
        guard let queue = self.queue(for: subshell) else { return [] }
        return queue.takeAll(settleMilliseconds: Self.settleMilliseconds, limitMilliseconds: Self.settleLimitMilliseconds)
    }

    /// Sends the `input_request` on stdin and waits for its reply, dropping answers to
    /// earlier prompts; checks `isCancelled` every 50 ms. One prompt at a time.
    public func ask(_ request: Message, isCancelled: @escaping @Sendable () -> Bool) -> Message? {
        let frames = codec.encode(request)
        return stdin.withLock { socket -> Message? in
            while socket.receive(wait: false) != nil {}
            socket.send(frames)
            while !isStopping && !isCancelled() {
                guard ZMQSocket.poll([socket], milliseconds: 50)[0], let received = socket.receive(wait: false),
                      let reply = inbox.accept(received, on: .stdin) else { continue }
                // jupyter_client sends input_reply without a parent header, so any reply
                // that does not name another request answers this one (as in ipykernel).
                if reply.msgType == "input_reply", reply.parentID.map({ $0 == request.header.msgID }) ?? true {
                    return reply
                }
                KernelLog.warning("stdin: ignored a \(reply.msgType) that answers no pending input_request")
            }
            return nil
        }
    }

    /// Starts a subshell thread over a new queue.
    public func createSubshell() -> String {
        let id = MessageFactory.newUUID()
        let queue = ShellQueue()
        subshells.withLock { state in
            state.order.append(id)
            state.queues[id] = queue
        }
        let thread = NativeThread { [self] in
            while !isStopping, subshells.withLock({ $0.queues[id] != nil }) {
                if let message = queue.take(milliseconds: 100), let core = core.withLock({ $0 }) {
                    core.handle(message, on: .shell)
                }
            }
        }
        subshells.withLock { $0.threads.append(thread) }
        return id
    }

    /// Removes the subshell; its thread ends after its current request.
    public func deleteSubshell(_ id: String) -> Bool {
        subshells.withLock { state in
            guard state.queues.removeValue(forKey: id) != nil else { return false }
            state.order.removeAll { $0 == id }
            return true
        }
    }

    /// The running subshells' ids, oldest first.
    public var subshellIDs: [String] { subshells.withLock { $0.order } }

    /// Makes the shell, subshell and control loops end after their current message.
    public func stop() {
        stopping.store(true, ordering: .releasing)
    }

    private var isStopping: Bool { stopping.load(ordering: .acquiring) }

    private func queue(for subshell: String?) -> ShellQueue? {
        guard let subshell else { return mainShell }
        return subshells.withLock { $0.queues[subshell] }
    }

    // MARK: - Serving

    /// Serves `core` until a shutdown request: announces `starting`, starts the
    /// router, control, heartbeat and signal threads, and handles the main shell's
    /// queue on this thread.
    public func serve(_ core: MessageCore) {
        self.core.withLock { $0 = core }
        InterruptSignal.watch { [core] in core.interpreter.interrupt() }
        ParentWatch.start()
        let beats = NativeThread { [heartbeat] in
            while let ping = heartbeat.receive(wait: true) { heartbeat.send(ping) }
            heartbeat.close()
        }
        let router = NativeThread { [self] in route(core) }
        let controller = NativeThread { [self] in serveControl(core) }
        core.announceStart()
        while !isStopping {
            if let message = mainShell.take(milliseconds: 100) { core.handle(message, on: .shell) }
        }
        for thread in subshells.withLock({ $0.threads }) { thread.join() }
        shellsDone.store(true, ordering: .releasing)
        controller.join()
        router.join()
        stdin.withLock { $0.close() }
        zmq_ctx_shutdown(context)
        beats.join()
        zmq_ctx_term(context)
    }

    /// The router loop: shell requests into their queues, the shells' output out, and
    /// welcomes for new subscribers. After the shells have stopped it sends what they
    /// left in the pipes, then closes its sockets.
    private func route(_ core: MessageCore) {
        let batch = 256  // per socket and turn, so no socket starves the others
        while true {
            let finishing = shellsDone.load(ordering: .acquiring)
            let ready = ZMQSocket.poll([shell, shellOutbox, iopubOutbox, iopub], milliseconds: finishing ? 0 : 100)
            if ready[0] {
                for _ in 0..<batch {
                    guard let frames = shell.receive(wait: false) else { break }
                    if let message = inbox.accept(frames, on: .shell) { dispatch(message) }
                }
            }
            if ready[1] {
                for _ in 0..<batch {
                    guard let frames = shellOutbox.receive(wait: false) else { break }
                    shell.send(frames)
                }
            }
            if ready[2] {
                for _ in 0..<batch {
                    guard let frames = iopubOutbox.receive(wait: false) else { break }
                    iopub.send(frames)
                }
            }
            if ready[3] {
                for _ in 0..<batch {
                    guard let frames = iopub.receive(wait: false) else { break }
                    // A subscription is one frame: 1, then the topic (0 is an unsubscribe).
                    for frame in frames where frame.first == 1 {
                        iopub.send(codec.encode(core.out.welcome(Array(frame.dropFirst()))))
                    }
                }
            }
            if finishing && !ready[1] && !ready[2] { break }
        }
        shellSender.withLock { $0.close() }
        iopubSender.withLock { $0.close() }
        for socket in [shell, shellOutbox, iopubOutbox, iopub] { socket.close() }
    }

    /// Puts a shell request in the queue of the shell its header names.
    private func dispatch(_ message: Message) {
        guard let queue = queue(for: message.header.subshellID) else {
            KernelLog.warning("dropped a \(message.msgType) for unknown subshell \(message.header.subshellID ?? "?")")
            return
        }
        queue.put(message)
    }

    /// The control loop; after a shutdown it gives the shells three seconds to finish
    /// their cells before the process exits anyway.
    private func serveControl(_ core: MessageCore) {
        while !isStopping {
            guard ZMQSocket.poll([control], milliseconds: 100)[0] else { continue }
            if let frames = control.receive(wait: false), let message = inbox.accept(frames, on: .control) {
                core.handle(message, on: .control)
            }
        }
        control.close()
        for _ in 0..<300 where !shellsDone.load(ordering: .acquiring) { usleep(10_000) }
        if !shellsDone.load(ordering: .acquiring) {
            KernelLog.warning("the running cell did not stop within 3 s of shutdown; exiting")
            exit(0)
        }
    }
}
