import ArgumentParser
import Kernel

/// `solvable install [--user | --prefix DIR | --sys-prefix]`: install the kernelspec.
struct InstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Install the Solvable kernelspec so Jupyter can start this kernel."
    )

    @Flag(help: "Install for the current user (the default).")
    var user = false

    @Option(help: "Install into DIR/share/jupyter/kernels/solvable.")
    var prefix: String?

    @Flag(help: "Install into the active Python environment's prefix.")
    var sysPrefix = false

    func validate() throws {
        if [user, prefix != nil, sysPrefix].filter({ $0 }).count > 1 {
            throw ValidationError("choose one of --user, --prefix DIR and --sys-prefix")
        }
    }

    func run() throws {
        let destination: KernelSpecInstaller.Destination =
            prefix.map { .prefix($0) } ?? (sysPrefix ? .sysPrefix : .user)
        let (directory, warning) = try KernelSpecInstaller.install(destination)
        if let warning { print("warning: \(warning)") }
        print("Installed the Solvable kernelspec in \(directory)")
    }
}
