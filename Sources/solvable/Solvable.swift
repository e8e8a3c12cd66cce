import ArgumentParser

/// The `solvable` command: subcommands only, no logic (each lives in its own file).
@main
struct Solvable: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solvable",
        abstract: "A Jupyter kernel, command language and report generator for solvable models of deep learning.",
        version: "0.1.0",
        subcommands: [
            EvalCommand.self,
            ReferenceCommand.self,
            // One line per subcommand: KernelCommand, InstallCommand, EvalCommand, RunCommand,
            // CheckCommand, RenderCommand.
            KernelCommand.self,
            InstallCommand.self,
            RunCommand.self,
            CheckCommand.self,
            RenderCommand.self,
            SweepCommand.self,
            GatherCommand.self,
        ]
    )

    /// Tunes the allocator, then parses the command line and runs the subcommand.
    static func main() {
        AllocatorTuning.apply()
        main(nil)
    }
}
