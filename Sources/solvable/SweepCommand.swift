import ArgumentParser
import Foundation
import Notebook

/// `solvable sweep`: runs one notebook over the Cartesian product of parameter lists,
/// each set as its own headless run, locally or as a Slurm job array.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run a notebook over every combination of parameter values, locally or on Slurm.",
        discussion: """
        `solvable sweep NB -p lr=1e-3,1e-2 -p width=64,128,256 -o DIR` makes 6 tasks (the last -p varies \
        fastest). Task I runs NB with its values injected after the cell tagged `parameters` (as `run -p` \
        does) and writes DIR/I/NAME.ipynb and DIR/I/run.json (its parameters and status). The plan is \
        DIR/sweep.json. Every -p name must be assigned in the parameters cell. With --slurm the tasks \
        are one job array submitted with sbatch (script DIR/sweep.sbatch, logs DIR/slurm-JOB_I.out); \
        `--resubmit DIR` runs again only the tasks that failed, were killed or never started (a task \
        still running counts as unfinished, so resubmit once the array has ended). Then `solvable gather DIR`.
        """
    )

    @Argument(help: "The notebook to sweep (or, with --task / --resubmit, the sweep directory).")
    var target: String

    @Option(name: .short, help: ArgumentHelp("A parameter and its values (repeatable).", valueName: "name=v1,v2,..."))
    var parameter: [String] = []

    @Option(name: .shortAndLong, help: "The sweep directory to create.")
    var output: String?

    @Option(name: .short, help: ArgumentHelp("Local tasks to run at once (default: every core).", valueName: "N"))
    var jobs: Int?

    @Flag(help: "Submit the tasks as a Slurm job array with sbatch instead of running them here.")
    var slurm = false

    @Flag(help: "With --slurm: wait until every array task has ended (sbatch --wait).")
    var wait = false

    @Option(name: .customLong("sbatch-arg"), parsing: .unconditionalSingleValue,
            help: ArgumentHelp("An extra sbatch option, e.g. --sbatch-arg=--partition=gpu (repeatable).", valueName: "option"))
    var sbatchArguments: [String] = []

    @Option(help: ArgumentHelp("Per-cell time limit for every task.", valueName: "seconds"))
    var timeout: Double?

    @Option(help: ArgumentHelp("Run only task I of the sweep directory (what each array task calls).", valueName: "I"))
    var task: Int?

    @Flag(help: "Run again the tasks of the sweep directory that did not finish with status ok.")
    var resubmit = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("-j must be at least 1") }
        if let timeout, !(timeout > 0) { throw ValidationError("--timeout must be > 0 seconds") }
        if task != nil || resubmit {
            guard parameter.isEmpty, output == nil else {
                throw ValidationError("--task and --resubmit take the sweep directory only (no -p or -o)")
            }
            guard !(task != nil && resubmit) else { throw ValidationError("give --task or --resubmit, not both") }
        } else {
            guard output != nil else { throw ValidationError("give the sweep directory with -o DIR") }
            guard !parameter.isEmpty else { throw ValidationError("give at least one -p name=v1,v2,...") }
        }
        if wait && !slurm { throw ValidationError("--wait applies to --slurm") }
        if task != nil && slurm { throw ValidationError("--task runs here; --slurm applies to a new sweep or --resubmit") }
    }

    func run() throws {
        if let task {
            let directory = target
            let plan = try SweepPlan(directory: directory)
            guard plan.tasks.indices.contains(task) else {
                throw ValidationError("task \(task) is out of range: \(directory) has tasks 0...\(plan.tasks.count - 1)")
            }
            if let error = try SweepRun(directory: directory, plan: plan, index: task).run() {
                printError("task \(task): \(error)")
                throw ExitCode.failure
            }
            return
        }
        let directory: String
        let tasks: [Int]
        if resubmit {
            directory = Self.absolute(target)
            let plan = try SweepPlan(directory: directory)
            tasks = plan.tasks.indices.filter { SweepRun.status(directory: directory, index: $0).needsRerun }
            guard !tasks.isEmpty else {
                print("every one of the \(plan.tasks.count) tasks in \(directory) finished ok; nothing to resubmit")
                return
            }
        } else {
            directory = Self.absolute(output!)
            let plan = try SweepPlan.make(notebook: Self.absolute(target), lists: parameter, timeout: timeout)
            try NotebookFiles.makeDirectory(directory)
            try plan.write(to: directory)
            tasks = Array(plan.tasks.indices)
        }
        let launcher = SweepLauncher(directory: directory)
        if slurm {
            let id = try launcher.submitToSlurm(tasks, extra: sbatchArguments, wait: wait)
            print("submitted Slurm job array \(id) (tasks \(SweepLauncher.ranges(tasks))) for \(directory)")
            guard wait else { return }
        } else {
            try launcher.runLocally(tasks, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        }
        let statuses = tasks.map { SweepRun.status(directory: directory, index: $0) }
        let bad = zip(tasks, statuses).filter { $0.1 != .ok }
        print("\(tasks.count - bad.count) of \(tasks.count) task(s) ok in \(directory)")
        for (index, status) in bad { printError("task \(index): \(status.description)") }
        if !bad.isEmpty { throw ExitCode.failure }
    }

    /// `path` made absolute against the working directory.
    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }
}
