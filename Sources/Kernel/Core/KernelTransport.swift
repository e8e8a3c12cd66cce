import JupyterProtocol

/// The five sockets of a Jupyter kernel.
public enum Channel: String, Sendable, CaseIterable {
    case shell, control, iopub, stdin, heartbeat
}

/// What the message core needs from a transport: send a message, peek at the shell
/// requests already queued (to abort them after an error), and stop. The ZeroMQ
/// server implements it over sockets; tests implement it with arrays.
public protocol KernelTransport: AnyObject, Sendable {
    /// Signs and sends `message` on `channel`. Replies go on the channel of their
    /// request, from the thread that handles that channel; iopub is safe from any thread.
    func send(_ message: Message, on channel: Channel)
    /// Shell requests that have arrived but not been handled yet, removed from the
    /// queue without waiting (only from the shell thread).
    func takeQueuedShellMessages() -> [Message]
    /// Asks the transport to stop serving after the current message.
    func stop()
}
