#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finding notebooks on disk: command-line arguments may name notebooks or directories.
public enum NotebookFiles {
    /// Expands `paths`: a regular file is taken as is; a directory contributes its
    /// `*.ipynb` files (not recursively, sorted by name, skipping hidden files and
    /// checkpoints). Anything else (a FIFO, a device, a socket) is refused before it is
    /// opened, since reading it could block forever.
    /// - Throws: `NotebookError` for a path that does not exist, is not a regular file
    ///   or directory, or a directory that holds no notebooks.
    public static func collect(_ paths: [String]) throws(NotebookError) -> [String] {
        var files: [String] = []
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else {
                throw NotebookError(file: path, message: "no such notebook or directory")
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                let found = try list(path).filter { $0.hasSuffix(".ipynb") && !$0.hasPrefix(".") }
                    .sorted().map { path.hasSuffix("/") ? path + $0 : path + "/" + $0 }
                    .filter { !isDirectory($0) }
                guard !found.isEmpty else {
                    throw NotebookError(file: path, message: "the directory holds no notebooks (*.ipynb)")
                }
                files += found
            case S_IFREG:
                files.append(path)
            default:
                throw NotebookError(file: path, message: "not a regular file (a notebook must be an .ipynb file, not a \(kind(info.st_mode)))")
            }
        }
        return files
    }

    /// Refuses to replace `path` when its owner could not: run as root, the kernel would
    /// let `rename` replace anything, so the permission bits and owner are checked here.
    /// A path that does not exist yet is fine (its directory is checked when written).
    /// - Throws: `NotebookError` for an existing file that is not a regular file, has no
    ///   write permission bit for its owner, or belongs to another user.
    public static func checkReplaceable(_ path: String) throws(NotebookError) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw NotebookError(file: path, message: "will not replace a \(kind(info.st_mode)) with a notebook")
        }
        guard info.st_mode & S_IWUSR != 0 else {
            throw NotebookError(file: path, message: "will not overwrite a read-only file (mode \(String(info.st_mode & 0o777, radix: 8))); make it writable (chmod u+w) or choose another output")
        }
        guard info.st_uid == geteuid() else {
            throw NotebookError(file: path, message: "will not overwrite a file owned by another user (uid \(info.st_uid)); choose another output")
        }
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

    private static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: return "FIFO"
        case S_IFCHR: return "character device"
        case S_IFBLK: return "block device"
        case S_IFSOCK: return "socket"
        case S_IFLNK: return "symbolic link"
        case S_IFDIR: return "directory"
        default: return "special file"
        }
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
