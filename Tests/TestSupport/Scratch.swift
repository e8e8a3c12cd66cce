import Foundation

/// A fresh, empty directory for one test's files, under the system's temporary
/// directory (`/tmp` here, `$TMPDIR` on macOS): `Scratch.directory("report")`.
public enum Scratch {
    /// Makes the directory `solvable-<prefix>-<random>` and returns its path. The random
    /// part is short so that socket paths inside it stay under the 107-byte limit.
    public static func directory(_ prefix: String) throws -> String {
        let name = "solvable-\(prefix)-" + UUID().uuidString.prefix(8)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(name, isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    /// A path for a file `name` in a fresh scratch directory (the file is not created).
    public static func file(_ name: String, prefix: String = "file") throws -> String {
        try directory(prefix) + "/" + name
    }
}
