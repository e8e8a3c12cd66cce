import JSON
import JupyterProtocol
import Synchronization

/// The kernel's message core: maps each request type to its handler and wraps every
/// request — `kernel_info` included — in iopub `busy`/`idle`, so front ends (which
/// wait for an iopub message after `kernel_info` before calling a kernel ready) and
/// nbclient (which waits for `idle`) see the protocol they expect.
///
/// Threading: the main shell and each subshell handle their requests on their own
/// thread, control on another. The shell state (execution count, history) is shared
/// by all shells, under a lock; the interpreter serializes what it must (see
/// `Interpreter`); the control handlers use only the interpreter's thread-safe
/// `interrupt`/`shutdown`, the transport and the thread-safe sender.
public final class MessageCore: Sendable {
    /// The language the kernel runs.
    public let interpreter: any Interpreter
    /// Builds and sends outgoing messages.
    public let out: OutgoingMessages
    /// The comms open now (for `comm_info`).
    public let comms = CommTable()
    private let shellState = Mutex<(executionCount: Int, history: History)>((0, History()))
    private let shuttingDown = Atomic<Bool>(false)

    /// Makes a core for `interpreter` over `transport`.
    /// - Parameters:
    ///   - interpreter: the language.
    ///   - transport: where messages go.
    ///   - session: the kernel's session id (new random id by default).
    public init(interpreter: any Interpreter, transport: any KernelTransport,
                session: String = MessageFactory.newSessionID()) {
        self.interpreter = interpreter
        out = OutgoingMessages(session: session, transport: transport)
    }

    /// The `In [n]` counter, shared by the main shell and the subshells.
    public var executionCount: Int { shellState.withLock { $0.executionCount } }
    /// Cells stored with `store_history`.
    public var history: History { shellState.withLock { $0.history } }

    /// Counts a cell that stores history and returns its execution count.
    func nextExecutionCount() -> Int {
        shellState.withLock { state in
            state.executionCount += 1
            return state.executionCount
        }
    }

    /// Stores a cell in the history.
    func remember(line: Int, input: String, output: String?) {
        shellState.withLock { $0.history.append(line: line, input: input, output: output) }
    }

    /// Whether a shutdown request has been handled.
    public var isShuttingDown: Bool { shuttingDown.load(ordering: .acquiring) }

    /// Publishes `status: starting`, once, when the kernel comes up.
    public func announceStart() {
        out.status("starting", parent: nil)
    }

    /// Handles one validated request from `channel`, wrapped in busy/idle.
    /// Unknown message types are logged and get no reply (as ipykernel does).
    public func handle(_ request: Message, on channel: Channel) {
        out.status("busy", parent: request.header)
        defer { out.status("idle", parent: request.header) }
        dispatch(request, on: channel)
    }

    /// Routes `request` to its handler; control gets only the requests that must work
    /// while a cell runs.
    func dispatch(_ request: Message, on channel: Channel) {
        switch (request.msgType, channel) {
        case ("kernel_info_request", _): kernelInfo(request, on: channel)
        case ("shutdown_request", _): shutdown(request, on: channel)
        case ("interrupt_request", .control): interrupt(request)
        case ("create_subshell_request", .control): createSubshell(request)
        case ("delete_subshell_request", .control): deleteSubshell(request)
        case ("list_subshell_request", .control): listSubshells(request)
        case ("execute_request", .shell): execute(request)
        case ("complete_request", .shell): complete(request)
        case ("inspect_request", .shell): inspect(request)
        case ("is_complete_request", .shell): isComplete(request)
        case ("history_request", .shell): history(request)
        case ("comm_info_request", .shell): commInfo(request)
        case ("comm_open", .shell): commOpen(request)
        case ("comm_msg", .shell), ("comm_close", .shell): commMessage(request)
        default:
            KernelLog.warning("unknown message type \(request.msgType) on \(channel.rawValue) ignored")
        }
    }

    // MARK: - Kernel lifecycle

    /// `kernel_info_reply`, on shell or control (JEP 82); `supported_features` (JEP 92)
    /// lists the optional protocol features this kernel has.
    func kernelInfo(_ request: Message, on channel: Channel) {
        let info = interpreter.kernelInfo
        out.reply(to: request, "kernel_info_reply", [
            "status": "ok",
            "protocol_version": .string(MessageHeader.protocolVersion),
            "implementation": .string(info.implementation),
            "implementation_version": .string(info.implementationVersion),
            "language_info": info.languageInfo,
            "banner": .string(info.banner),
            "help_links": .array(info.helpLinks),
            "debugger": false,
            "supported_features": ["kernel subshells"],
        ], on: channel)
    }

    func shutdown(_ request: Message, on channel: Channel) {
        let restart = request.content["restart"]?.boolValue ?? false
        shuttingDown.store(true, ordering: .releasing)
        interpreter.interrupt()
        let content: JSONValue = ["status": "ok", "restart": .bool(restart)]
        out.reply(to: request, "shutdown_reply", content, on: channel)
        out.publish("shutdown_reply", content, parent: request.header)
        interpreter.shutdown(restart: restart)
        out.transport.stop()
    }

    func interrupt(_ request: Message) {
        interpreter.interrupt()
        out.reply(to: request, "interrupt_reply", ["status": "ok"], on: .control)
    }
}
