import Synchronization

/// The files a cell read and wrote, by resolved path, while a `FileScope` carries this
/// log: the cell cache keys a cell on the content of what it loaded and, on a hit,
/// checks that what it saved is still there.
public final class FileAccessLog: Sendable {
    private let paths = Mutex((read: [String](), written: [String]()))

    /// Makes an empty log.
    public init() {}

    func noteRead(_ path: String) { paths.withLock { $0.read.append(path) } }
    func noteWritten(_ path: String) { paths.withLock { $0.written.append(path) } }

    /// The paths read and written since the last `drain`, each once, in order; empties the log.
    public func drain() -> (read: [String], written: [String]) {
        paths.withLock { log in
            defer { log = ([], []) }
            return (Self.unique(log.read), Self.unique(log.written))
        }
    }

    private static func unique(_ paths: [String]) -> [String] {
        var seen = Set<String>()
        return paths.filter { seen.insert($0).inserted }
    }
}
