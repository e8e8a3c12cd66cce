#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finding notebooks on disk: command-line arguments may name notebooks or directories.
public enum NotebookFiles {
    /// Expands `paths`: a file is taken as is; a directory contributes its `*.ipynb`
    /// files (not recursively, sorted by name, skipping hidden files and checkpoints).
    /// - Throws: `NotebookError` for a path that does not exist.
    public static func collect(_ paths: [String]) throws(NotebookError) -> [String] {
        var files: [String] = []
        for path in paths {
            if isDirectory(path) {
                files += try list(path).filter { $0.hasSuffix(".ipynb") && !$0.hasPrefix(".") }
                    .sorted().map { path.hasSuffix("/") ? path + $0 : path + "/" + $0 }
            } else if access(path, F_OK) == 0 {
                files.append(path)
            } else {
                throw NotebookError(file: path, message: "no such notebook or directory")
            }
        }
        return files
    }

    /// Whether `path` is an existing directory.
    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Creates `path` and its parents if missing.
    /// - Throws: `NotebookError` if a component cannot be created.
    public static func makeDirectory(_ path: String) throws(NotebookError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            prefix += part
            if !isDirectory(prefix), mkdir(prefix, 0o755) != 0, errno != EEXIST {
                throw NotebookError(file: prefix, message: "cannot create directory: " + String(cString: strerror(errno)))
            }
            prefix += "/"
        }
    }

    /// The last path component without its extension (`a/b/ridge.ipynb` → `ridge`).
    public static func stem(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    private static func list(_ directory: String) throws(NotebookError) -> [String] {
        guard let handle = opendir(directory) else {
            throw NotebookError(file: directory, message: "cannot list directory: " + String(cString: strerror(errno)))
        }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}
