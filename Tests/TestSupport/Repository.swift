import Foundation

/// The checkout the tests run in, found from this file's path, so tests read the
/// committed README, reference, templates and fixtures wherever the clone lives.
public enum Repository {
    /// The repository's root directory.
    public static let root: String = {
        var path = #filePath  // <root>/Tests/TestSupport/Repository.swift
        for _ in 0..<3 { path = String(path[..<path.lastIndex(of: "/")!]) }
        return path
    }()

    /// The path of `relative` (`"docs/REFERENCE.md"`, `"templates"`) inside the repository.
    public static func path(_ relative: String) -> String { root + "/" + relative }

    /// The text of the committed file `relative`.
    public static func text(_ relative: String) throws -> String {
        try String(contentsOfFile: path(relative), encoding: .utf8)
    }
}
