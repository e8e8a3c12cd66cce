#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The write end of the self-pipe the SIGINT handler writes to. Set once, before the
/// handler is installed; read only by the handler (`write` is async-signal-safe).
nonisolated(unsafe) private var interruptPipeWriteEnd: Int32 = -1

/// SIGINT as a fallback interrupt: a handler that only writes one byte to a pipe
/// (any thread may receive the signal, including libraries' own threads), and a
/// thread that reads the pipe and interrupts the running cell.
enum InterruptSignal {
    /// Installs the handler and starts the watcher, which calls `onInterrupt` once per
    /// SIGINT. Call once per process.
    static func watch(_ onInterrupt: @escaping @Sendable () -> Void) {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else {
            KernelLog.warning("cannot create the SIGINT pipe; SIGINT will not interrupt cells")
            return
        }
        interruptPipeWriteEnd = fds[1]
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = { _ in
            var byte: UInt8 = 1
            _ = write(interruptPipeWriteEnd, &byte, 1)
        }
        #else
        action.__sigaction_u.__sa_handler = { _ in
            var byte: UInt8 = 1
            _ = write(interruptPipeWriteEnd, &byte, 1)
        }
        #endif
        action.sa_flags = SA_RESTART
        sigemptyset(&action.sa_mask)
        sigaction(SIGINT, &action, nil)
        let readEnd = fds[0]
        _ = NativeThread {  // lives as long as the process
            var byte: UInt8 = 0
            while true {
                let n = read(readEnd, &byte, 1)
                if n == 1 {
                    KernelLog.warning("SIGINT: interrupting the running cell")
                    onInterrupt()
                } else if n < 0 && errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
    }
}
