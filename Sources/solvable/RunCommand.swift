import ArgumentParser
import Notebook
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `solvable run`: executes notebooks headlessly through the language session.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run notebooks headlessly and save their outputs as Jupyter would.",
        discussion: """
        A cell tagged `parameters` is followed by an injected cell tagged `injected-parameters` \
        holding the -p overrides (papermill style). The first error stops the notebook; it is \
        saved and the command exits non-zero naming the cell and line.
        """
    )

    @Argument(help: "Notebooks to run.")
    var notebooks: [String]

    @Flag(name: .long, help: "Overwrite each notebook with its outputs (atomically).")
    var inPlace = false

    @Option(name: .shortAndLong, help: "Output notebook (one input) or directory (several).")
    var output: String?

    @Option(name: .short, help: ArgumentHelp("A parameter override (repeatable).", valueName: "name=value"))
    var parameter: [String] = []

    @Option(help: ArgumentHelp("Per-cell time limit; the cell is interrupted when it passes.", valueName: "seconds"))
    var timeout: Double?

    func validate() throws {
        guard inPlace != (output != nil) else { throw ValidationError("give exactly one of --in-place or -o OUT") }
        if let timeout, !(timeout > 0) { throw ValidationError("--timeout must be > 0 seconds") }
    }

    func run() throws {
        let parameters = try parameter.map { assignment throws(NotebookError) in try ParameterInjection.parse(assignment) }
        let files = try NotebookFiles.collect(notebooks)
        let toDirectory = output.map { files.count > 1 || NotebookFiles.isDirectory($0) } ?? false
        if toDirectory, let output { try NotebookFiles.makeDirectory(output) }
        var failed = false
        for file in files {
            let notebook = try Notebook(contentsOf: file)
            let executor = NotebookExecutor(options: .init(parameters: parameters, timeout: timeout))
            let result = executor.run(notebook)
            let target = inPlace ? file : toDirectory ? output! + "/" + NotebookFiles.stem(file) + ".ipynb" : output!
            try result.notebook.write(to: target)
            if let failure = result.failure {
                printError("\(file): \(failure)")
                failed = true
            }
        }
        if failed { throw ExitCode.failure }
    }
}

/// Writes a line to standard error.
func printError(_ line: String) {
    var stream = StandardError()
    print(line, to: &stream)
}

/// Standard error as a `TextOutputStream`.
struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        var bytes = Array(string.utf8)
        _ = bytes.withUnsafeMutableBytes { Glibc.write(2, $0.baseAddress, $0.count) }
    }
}
