import JSON
import JupyterProtocol
import Platform
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes the Solvable kernelspec (`kernel.json` plus logos) where `jupyter
/// kernelspec list` finds it: `<prefix>/share/jupyter/kernels/solvable`.
public enum KernelSpecInstaller {
    /// Where to install.
    public enum Destination: Sendable, Equatable {
        /// The user's Jupyter data directory (`$JUPYTER_DATA_DIR`, else
        /// `$XDG_DATA_HOME/jupyter`, else `~/.local/share/jupyter`).
        case user
        /// `DIR/share/jupyter` for a prefix `DIR`.
        case prefix(String)
        /// The prefix of the active virtual environment (`$VIRTUAL_ENV`), else
        /// `sys.prefix` of the `python3` on `PATH`.
        case sysPrefix
    }

    /// The logo files copied from the repository's `kernelspec/` folder.
    public static let logos = ["logo-32x32.png", "logo-64x64.png", "logo-svg.svg"]

    /// The `kernel.json` document for the binary at `executable`; it declares the
    /// protocol version the kernel speaks (`kernel_protocol_version`, as ipykernel's
    /// kernelspec does), so a client knows before starting it.
    public static func kernelJSON(executable: String) -> JSONValue {
        [
            "argv": [.string(executable), "kernel", "-f", "{connection_file}"],
            "display_name": "Solvable",
            "language": "solvable",
            "interrupt_mode": "message",
            "metadata": ["debugger": false],
            "kernel_protocol_version": .string(MessageHeader.protocolVersion),
        ]
    }

    /// Installs the kernelspec.
    /// - Parameters:
    ///   - destination: where to.
    ///   - executable: absolute path of the `solvable` binary (default: this process's).
    ///   - logoDirectory: where the logos are (default: the `kernelspec/` folder found
    ///     next to the binary or in the working directory).
    /// - Returns: the directory written, and a warning if no logos were found.
    /// - Throws: `FileIO.Failure` or `InstallError` naming what could not be done.
    public static func install(_ destination: Destination, executable: String? = nil,
                               logoDirectory: String? = nil) throws -> (directory: String, warning: String?) {
        let directory = try dataDirectory(destination) + "/kernels/solvable"
        try FileIO.makeDirectories(directory)
        guard let binary = executable ?? currentExecutable() else {
            throw InstallError(description: "cannot find the path of the solvable executable")
        }
        let text = JSONWriter.string(kernelJSON(executable: binary), style: .notebook) + "\n"
        try FileIO.writeAtomically(Array(text.utf8), to: directory + "/kernel.json")
        guard let logos = logoDirectory ?? findLogoDirectory(near: binary) else {
            return (directory, "no kernelspec/ logos found; kernel.json written without them")
        }
        for logo in Self.logos {
            try FileIO.writeAtomically(try FileIO.read(logos + "/" + logo), to: directory + "/" + logo)
        }
        return (directory, nil)
    }

    /// The Jupyter data directory (`…/share/jupyter`) for `destination`.
    public static func dataDirectory(_ destination: Destination) throws -> String {
        switch destination {
        case .prefix(let prefix):
            return (FileIO.realPath(prefix) ?? prefix) + "/share/jupyter"
        case .sysPrefix:
            if let venv = environment("VIRTUAL_ENV"), !venv.isEmpty { return venv + "/share/jupyter" }
            guard let prefix = pythonPrefix() else {
                throw InstallError(description: "--sys-prefix: no virtual environment is active and python3 is not on PATH")
            }
            return prefix + "/share/jupyter"
        case .user:
            if let dir = environment("JUPYTER_DATA_DIR"), !dir.isEmpty { return dir }
            if let xdg = environment("XDG_DATA_HOME"), !xdg.isEmpty { return xdg + "/jupyter" }
            guard let home = environment("HOME"), !home.isEmpty else {
                throw InstallError(description: "--user: HOME is not set")
            }
            return home + "/.local/share/jupyter"
        }
    }

    // MARK: - Helpers

    static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// This process's executable, symlinks resolved.
    static func currentExecutable() -> String? {
        FileIO.realPath("/proc/self/exe") ?? CommandLine.arguments.first.flatMap(FileIO.realPath)
    }

    /// The first `kernelspec/` folder holding the logos in a parent of the binary
    /// (`<repo>/.build/<triple>/release/solvable`) or in the working directory.
    static func findLogoDirectory(near binary: String) -> String? {
        var candidates = ["kernelspec"]
        var dir = binary
        while let slash = dir.lastIndex(of: "/"), slash > dir.startIndex {
            dir = String(dir[..<slash])
            candidates.append(dir + "/kernelspec")
        }
        return candidates.first { FileIO.exists($0 + "/" + logos[0]) }.flatMap(FileIO.realPath)
    }

    /// `sys.prefix` of the `python3` on PATH.
    static func pythonPrefix() -> String? {
        guard let pipe = popen("python3 -c 'import sys; print(sys.prefix)' 2>/dev/null", "r") else { return nil }
        defer { pclose(pipe) }
        var buffer = [CChar](repeating: 0, count: 4096)
        guard fgets(&buffer, Int32(buffer.count), pipe) != nil else { return nil }
        let line = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let prefix = line.trimmingNewline()
        return prefix.isEmpty ? nil : prefix
    }
}

/// An installation problem the user can fix (message says how).
public struct InstallError: Error, CustomStringConvertible {
    /// What went wrong.
    public var description: String
}

extension String {
    func trimmingNewline() -> String {
        var s = self
        while s.last == "\n" || s.last == "\r" { s.removeLast() }
        return s
    }
}
