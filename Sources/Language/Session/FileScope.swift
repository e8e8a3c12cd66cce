#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Where a session's relative file paths point (`save(t, "x.csv")`, `load("x.csv")`).
///
/// nbclient and papermill run a notebook with its own directory as the working
/// directory, so a headless run resolves relative paths against the notebook's
/// directory (`base`), not the shell's. With a `scratch` directory set (as `solvable
/// check` does, which must write no files), every write goes under `scratch` instead,
/// and a read finds a file written there first, so a notebook that saves and then
/// loads a file still works while the tree stays untouched.
public struct FileScope: Sendable, Equatable {
    /// The directory relative paths resolve against (`nil`: the process's directory).
    public var base: String?
    /// Where writes go instead, when set.
    public var scratch: String?
    /// Records every path read and written, when set (the cell cache).
    public var log: FileAccessLog?

    /// Makes a scope.
    /// - Parameters:
    ///   - base: the directory relative paths resolve against (`nil`: the current one).
    ///   - scratch: a directory that takes every write instead (`nil`: write in place).
    public init(base: String? = nil, scratch: String? = nil) {
        self.base = base
        self.scratch = scratch
    }

    /// The path a write of `path` goes to.
    public func writePath(_ path: String) -> String {
        let target = scratchPath(path)
        log?.noteWritten(target)
        return target
    }

    /// Where a write of `path` lands, without logging it.
    private func scratchPath(_ path: String) -> String {
        guard let scratch else { return resolved(path) }
        // One flat name per resolved path, so no directory needs creating in scratch.
        let flat = resolved(path).replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "/", with: "%2F")
        return scratch + "/" + flat
    }

    /// The path a read of `path` comes from: the scratch copy if one was written.
    public func readPath(_ path: String) -> String {
        let written = scratchPath(path)
        let source = scratch != nil && access(written, F_OK) == 0 ? written : resolved(path)
        log?.noteRead(source)
        return source
    }

    /// Scopes are equal when they resolve alike and share a log (or both have none).
    public static func == (lhs: FileScope, rhs: FileScope) -> Bool {
        lhs.base == rhs.base && lhs.scratch == rhs.scratch && lhs.log === rhs.log
    }

    /// `path` resolved against `base` (absolute paths are kept).
    public func resolved(_ path: String) -> String {
        guard let base, !path.hasPrefix("/"), !base.isEmpty else { return path }
        return base.hasSuffix("/") ? base + path : base + "/" + path
    }
}
