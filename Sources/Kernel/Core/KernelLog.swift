#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the kernel writes what it drops or fails at: one line per event on stderr,
/// which Jupyter servers keep in their log.
public enum KernelLog {
    /// Writes `text` as one `[solvable kernel]` line on stderr.
    public static func warning(_ text: String) {
        let line = Array("[solvable kernel] \(text)\n".utf8)
        line.withUnsafeBytes { _ = write(2, $0.baseAddress, $0.count) }
    }
}
