#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive advisory lock (`flock`) on a small sidecar file, held for the length of a closure. Two holders
/// conflict whether they are separate processes or two threads of one process (each acquisition opens the file
/// anew, and `flock` locks belong to the open file), so it serializes work such as creating a shared database.
public enum FileLock {
    /// Runs `body` while holding the exclusive lock on `path` (created if missing, never removed: removing it
    /// would let a later holder lock a different file). Waits for another holder in short sleeps, at most
    /// `timeout` seconds, so a stuck holder cannot hang the caller.
    /// - Throws: `FileIO.Failure` if the lock file cannot be opened or the lock is not free within `timeout`;
    ///   otherwise whatever `body` throws.
    public static func withExclusive<T>(_ path: String, timeout: Double = 60, _ body: () throws -> T) throws -> T {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileIO.Failure(message: "cannot open the lock file \(path): " + reason()) }
        defer { close(fd) }  // closing releases the lock
        var waited = 0.0, pause = 0.005
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                throw FileIO.Failure(message: "cannot lock \(path): " + reason())
            }
            guard waited < timeout else {
                throw FileIO.Failure(message: "\(path) stayed locked by another run for \(Int(timeout)) s")
            }
            usleep(UInt32(pause * 1e6))
            waited += pause
            pause = min(pause * 2, 0.1)
        }
        return try body()
    }

    private static func reason() -> String { String(cString: strerror(errno)) }
}
