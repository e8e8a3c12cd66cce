import ArgumentParser
import KernelSession

/// `solvable kernel -f CONNECTION_FILE`: run as a Jupyter kernel.
struct KernelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kernel",
        abstract: "Run as a Jupyter kernel (started by Jupyter with a connection file)."
    )

    @Option(name: [.customShort("f"), .customLong("connection-file")],
            help: "The connection file Jupyter writes (ports, transport, key).")
    var connectionFile: String

    func run() throws {
        try KernelLauncher.run(connectionFile: connectionFile)
    }
}
