#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ends the kernel when the process that launched it dies, as ipykernel's parent
/// poller does: jupyter_client puts its pid in `JPY_PARENT_PID`, and a kernel whose
/// parent is gone would otherwise compute and hold its ports forever.
enum ParentWatch {
    /// Starts a thread that checks once a second whether the parent named by
    /// `JPY_PARENT_PID` is still this process's parent; does nothing if it is unset.
    static func start() {
        guard let raw = getenv("JPY_PARENT_PID"), let parent = pid_t(String(cString: raw)), parent > 1 else { return }
        _ = NativeThread {  // lives as long as the process
            while getppid() == parent { sleep(1) }
            KernelLog.warning("the parent process \(parent) is gone; exiting")
            exit(0)
        }
    }
}
