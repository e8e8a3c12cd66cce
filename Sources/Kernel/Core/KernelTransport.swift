import JupyterProtocol

/// The five sockets of a Jupyter kernel.
public enum Channel: String, Sendable, CaseIterable {
    case shell, control, iopub, stdin, heartbeat
}

/// What the message core needs from a transport: send a message, peek at the shell
/// requests already queued (to abort them after an error), ask the front end for a
/// line on stdin, run kernel subshells (JEP 91), and stop. The ZeroMQ server
/// implements it over sockets; tests implement it with arrays.
public protocol KernelTransport: AnyObject, Sendable {
    /// Signs and sends `message` on `channel`: shell and iopub from any thread, control
    /// only from the thread that handles control (replies go on their request's channel).
    func send(_ message: Message, on channel: Channel)
    /// Requests queued for the shell `subshell` (`nil`: the main shell) that have not
    /// been handled yet, removed from its queue; called by that shell's own thread.
    func takeQueuedShellMessages(subshell: String?) -> [Message]
    /// Sends `request` (an `input_request`) on stdin and waits for the `input_reply`
    /// that answers it; `nil` if `isCancelled` turns true or the kernel stops first.
    func ask(_ request: Message, isCancelled: @escaping @Sendable () -> Bool) -> Message?
    /// Starts a subshell: a queue of shell requests with its own thread.
    /// - Returns: its id.
    func createSubshell() -> String
    /// Stops the subshell `id` after its current request.
    /// - Returns: `false` if there is no such subshell.
    func deleteSubshell(_ id: String) -> Bool
    /// The ids of the running subshells, oldest first.
    var subshellIDs: [String] { get }
    /// Asks the transport to stop serving after the current message.
    func stop()
}
