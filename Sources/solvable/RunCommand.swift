import ArgumentParser
import Foundation
import Notebook

/// `solvable run`: executes notebooks headlessly through the language session.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run notebooks headlessly and save their outputs as Jupyter would.",
        discussion: """
        A cell tagged `parameters` is followed by an injected cell tagged `injected-parameters` \
        holding the -p overrides (papermill style); a -p name the parameters cell does not assign \
        is an error. Relative paths in save() resolve against the notebook's directory, as \
        nbclient runs it. The first error stops the notebook; it is saved and the command exits \
        non-zero naming the cell (its place among code cells, its In [n] and id) and line. \
        One summary line is printed per notebook. With -j N the notebooks that took longest last \
        time (.solvable-cache/run-times.json) start first. \
        Cells are cached in .solvable-cache/cells.sqlite beside the notebooks, keyed on their \
        inputs: a cell whose source, settings (seed, limits), the cells it read names from and \
        the files it loaded are unchanged gets its saved outputs back without running; a change \
        re-runs exactly the cells downstream of it. An existing output that is read-only or \
        owned by another user is never overwritten.
        """
    )

    @Argument(help: "Notebooks, or directories of notebooks.")
    var notebooks: [String]

    @Flag(name: .long, help: "Overwrite each notebook with its outputs (atomically).")
    var inPlace = false

    @Option(name: .shortAndLong, help: "Output notebook (one input) or directory (several).")
    var output: String?

    @Option(name: .short, help: ArgumentHelp("A parameter override (repeatable).", valueName: "name=value"))
    var parameter: [String] = []

    @OptionGroup var limits: CellLimits

    @Flag(name: .long, help: "Run a notebook written for another kernel (e.g. python3) as Solvable code anyway.")
    var forceKernel = false

    @Option(name: [.customShort("j"), .customLong("jobs")],
            help: ArgumentHelp("Run up to N notebooks at once, each in its own process.", valueName: "N"))
    var jobs = 1

    @Flag(name: .long, help: "Run every cell; neither read nor write the cell cache.")
    var noCache = false

    @Option(name: .long, help: ArgumentHelp("Run this cell regardless of the cache, by its place among code cells (3) or its id (repeatable).",
                                            valueName: "cell"))
    var refresh: [String] = []

    func validate() throws {
        guard !(noCache && !refresh.isEmpty) else { throw ValidationError("--refresh needs the cache: drop --no-cache") }
        guard inPlace != (output != nil) else { throw ValidationError("give exactly one of --in-place or -o OUT") }
        guard jobs >= 1 else { throw ValidationError("-j \(jobs) is out of range: allowed N ≥ 1") }
    }

    func run() throws {
        let parameters = try parameter.map { assignment throws(NotebookError) in try ParameterInjection.parse(assignment) }
        let files = try NotebookFiles.collect(notebooks)
        let toDirectory = output.map { files.count > 1 || NotebookFiles.isDirectory($0) } ?? false
        if toDirectory, let output { try NotebookFiles.makeDirectory(output) }
        let targets = files.map { file in
            inPlace ? file : toDirectory ? output! + "/" + NotebookFiles.stem(file) + ".ipynb" : output!
        }
        // Refuse before running anything, so no work is thrown away at the end.
        for target in targets { try NotebookFiles.checkReplaceable(target) }
        let failed: Int
        if jobs > 1, files.count > 1 {
            var times = RunTimes(reading: files)
            let target = Dictionary(zip(files, targets)) { first, _ in first }
            let order = times.longestFirst(files)
            let outcome = ParallelRuns(jobs: jobs).run(order.map { childArguments(file: $0, target: target[$0]!) }, names: order)
            failed = outcome.failed
            times.record(Dictionary(zip(order, outcome.seconds).filter { $0.1 > 0 }) { first, _ in first })
        } else {
            failed = zip(files, targets).filter { !runOne(file: $0, target: $1, parameters: parameters) }.count
        }
        if failed > 0 {
            if files.count > 1 { printError("\(failed) of \(files.count) notebooks failed") }
            throw ExitCode.failure
        }
    }

    /// Runs one notebook, saves it and prints its summary; `false` if it failed.
    private func runOne(file: String, target: String, parameters: [(name: String, literal: String)]) -> Bool {
        do {
            let run = try HeadlessRun(file: file, parameters: parameters, timeout: limits.timeout, forceKernel: forceKernel,
                                      cache: noCache ? nil : refresh)
            try run.result.notebook.write(to: target)
            if run.result.failure != nil {
                printError(run.summary + (target == file ? "" : " (saved to \(target))"))
                return false
            }
            print(run.summary + (target == file ? "" : " → \(target)"))
            return true
        } catch {
            printError(error.description)
            return false
        }
    }

    /// The command line a child process runs for one notebook (`-j`).
    private func childArguments(file: String, target: String) -> [String] {
        var arguments = ["run", file] + (inPlace ? ["--in-place"] : ["-o", target])
        for assignment in parameter { arguments += ["-p", assignment] }
        if let timeout = limits.timeout { arguments += ["--timeout", String(timeout)] }
        if forceKernel { arguments.append("--force-kernel") }
        if noCache { arguments.append("--no-cache") }
        for cell in refresh { arguments += ["--refresh", cell] }
        return arguments
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
        FileHandle.standardError.write(Data(string.utf8))
    }
}
