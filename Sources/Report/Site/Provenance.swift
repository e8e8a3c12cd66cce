import Foundation
import Notebook
import Platform

/// Where a report's numbers came from: the Solvable version, the git commit of the
/// notebook's repository, when the notebook last ran, and the seeds it sets.
struct Provenance {
    var version: String
    var commit: String?
    var runDate: String?
    var seeds: [String]

    /// Gathers provenance for the notebook at `path`.
    init(notebook: Notebook, path: String, version: String) {
        self.version = version
        commit = Self.gitCommit(directory: FileIO.parentDirectory(of: path))
        let replies = notebook.cells.compactMap { $0.metadata["execution"]?["shell.execute_reply"]?.stringValue }
            .compactMap(Timestamp.init(iso8601:))
        runDate = replies.max().map { String($0.iso8601.prefix(16)).replacingOccurrences(of: "T", with: " ") + " UTC" }
        var found: [String] = []
        let pattern = /seed\s*[=(:]\s*(\d+)/
        for cell in notebook.cells where cell.kind == .code {
            for match in cell.source.matches(of: pattern) where !found.contains(String(match.1)) {
                found.append(String(match.1))
            }
        }
        seeds = found
    }

    /// The commit checked out in the git repository containing `directory` (12 hex
    /// digits), or `nil` outside a repository. Read from `.git` directly (HEAD, the ref
    /// file or `packed-refs`; worktrees via `gitdir:` and `commondir`), without running git.
    static func gitCommit(directory: String) -> String? {
        let manager = FileManager.default
        var url = URL(fileURLWithPath: directory).standardizedFileURL
        func text(_ path: String) -> String? {
            manager.contents(atPath: path).map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
        }
        while true {
            let dotGit = url.appendingPathComponent(".git").path
            var gitDir: String?
            if NotebookFiles.isDirectory(dotGit) {
                gitDir = dotGit
            } else if let pointer = text(dotGit), pointer.hasPrefix("gitdir:") {
                let path = pointer.dropFirst("gitdir:".count).trimmingCharacters(in: .whitespaces)
                gitDir = path.hasPrefix("/") ? path : url.appendingPathComponent(path).path
            }
            if let gitDir {
                guard let head = text(gitDir + "/HEAD") else { return nil }
                guard head.hasPrefix("ref:") else { return String(head.prefix(12)) }
                let ref = head.dropFirst("ref:".count).trimmingCharacters(in: .whitespaces)
                var common = gitDir
                if let relative = text(gitDir + "/commondir") {
                    common = relative.hasPrefix("/") ? relative : URL(fileURLWithPath: gitDir).appendingPathComponent(relative).standardizedFileURL.path
                }
                for base in [gitDir, common] {
                    if let hash = text(base + "/" + ref), hash.count >= 40 { return String(hash.prefix(12)) }
                }
                let packed = text(common + "/packed-refs") ?? ""
                for line in packed.split(separator: "\n") where line.hasSuffix(" " + ref) {
                    return String(line.prefix(12))
                }
                return nil
            }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }
}
