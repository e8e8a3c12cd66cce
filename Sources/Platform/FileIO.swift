#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads, crash-safe whole-file writes and the few path helpers the
/// kernel, the notebook runner and the report share, over POSIX calls.
public enum FileIO {
    /// A failed file operation, with the OS reason.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// What failed and why (`cannot open /x: No such file or directory`).
        public var message: String
        /// The message.
        public var description: String { message }

        /// Makes a failure with `message`.
        public init(message: String) { self.message = message }
    }

    /// Reads a whole file.
    /// - Throws: `Failure` with the OS reason.
    public static func read(_ path: String) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure("cannot open") }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { posixRead(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw failure("cannot read")
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
    }

    /// Writes `bytes` to `path` atomically: a temporary file next to it (same directory,
    /// so `rename` stays on one file system) is written completely, `fsync`ed, then
    /// renamed over `path`; the directory is synced last. If anything fails, or the
    /// process dies before the rename, `path` still holds its previous contents.
    /// A new file keeps the permissions of the one it replaces (0644 for a new path).
    /// With `durable: false` the two `fsync`s are skipped: the rename still makes the
    /// replacement all-or-nothing for readers, but a power cut may lose it (fine for
    /// files that can be regenerated, such as rendered pages and copied assets).
    /// - Throws: `Failure` with the OS reason; the temporary file is removed.
    public static func writeAtomically(_ bytes: [UInt8], to path: String, durable: Bool = true) throws(Failure) {
        let directory = parentDirectory(of: path)
        let name = path.split(separator: "/").last.map(String.init) ?? path
        // A name of its own for each writer (mkstemp), so two threads writing the same file never share one.
        var template = Array((directory + "/." + name + ".tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        guard fd >= 0 else { throw failure("cannot create \(temporary)") }
        var info = stat()
        let mode: mode_t = stat(path, &info) == 0 ? info.st_mode & 0o7777 : 0o644 & ~creationMask
        fchmod(fd, mode)
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        var ok = false
        defer {
            if !ok { unlink(temporary) }
        }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { posixWrite(fd, $0.baseAddress! + written, $0.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                let error = failure("cannot write \(temporary)")
                close(fd)
                throw error
            }
            written += n
        }
        guard !durable || fsync(fd) == 0 else {
            let error = failure("cannot flush \(temporary)")
            close(fd)
            throw error
        }
        close(fd)
        guard rename(temporary, path) == 0 else { throw failure("cannot replace \(path)") }
        ok = true
        guard durable else { return }
        let dirfd = open(directory, O_RDONLY | O_CLOEXEC)
        if dirfd >= 0 {
            fsync(dirfd)
            close(dirfd)
        }
    }

    /// The process's file-creation mask, read once (by setting it and setting it back), which a new file's
    /// mode honours as `open` would.
    private static let creationMask: mode_t = {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }()

    /// The directory part of `path` (`.` for a bare file name).
    public static func parentDirectory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Creates `path` and its missing parents (mode 0755).
    public static func makeDirectories(_ path: String) throws(Failure) {
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            current += "/" + part
            if mkdir(current, 0o755) != 0 && errno != EEXIST { throw failure("cannot create directory \(current)") }
        }
    }

    /// Whether something exists at `path`.
    public static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// The absolute, symlink-free form of `path`, or `nil` if it does not exist.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func failure(_ what: String) -> Failure {
        Failure(message: what + ": " + String(cString: strerror(errno)))
    }
}

// The C library's read and write, named apart from `FileIO.read`/`FileIO.write`
// (at file scope the unqualified names are the C ones, on Glibc and Darwin alike).
private func posixRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int { read(fd, buffer, count) }
private func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int { write(fd, buffer, count) }
