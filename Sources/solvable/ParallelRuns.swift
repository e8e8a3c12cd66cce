import Foundation

/// `solvable run -j N`: runs commands of this same executable in up to `jobs` child
/// processes at once (each a fresh process with its own `Session`, so notebooks share
/// no state; `ChildEnvironment` gives each its share of BLAS threads). Children write their
/// own summary lines to the inherited stdout/stderr.
/// Children are started in the order given (callers put the longest first, `RunTimes`).
struct ParallelRuns {
    /// How many children may run at once.
    let jobs: Int

    /// Runs every argument list as `solvable ARGS…`, in order; returns how many failed and
    /// each child's wall time in seconds (for `RunTimes`).
    /// - Parameters:
    ///   - commands: one argument list per child.
    ///   - names: what to call each child in a message if it cannot start or dies.
    func run(_ commands: [[String]], names: [String]) -> (failed: Int, seconds: [Double]) {
        let executable = URL(fileURLWithPath: Self.executablePath)
        let environment = ChildEnvironment.sharingCores(among: min(jobs, commands.count))
        let slots = DispatchSemaphore(value: jobs)
        let group = DispatchGroup()
        let failures = FailureCount()
        let times = Durations(count: commands.count)
        let fail: @Sendable (String?) -> Void = { message in
            failures.add()
            if let message { printError(message) }
        }
        for (index, (arguments, name)) in zip(commands, names).enumerated() {
            slots.wait()
            let process = Process()
            process.executableURL = executable
            process.arguments = arguments
            process.environment = environment
            group.enter()
            let start = DispatchTime.now()
            process.terminationHandler = { child in
                times.set(index, Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
                if child.terminationReason == .uncaughtSignal {
                    fail("\(name): the run was killed by signal \(child.terminationStatus)")
                } else if child.terminationStatus != 0 {
                    fail(nil)
                }
                slots.signal()
                group.leave()
            }
            do {
                try process.run()
            } catch {
                fail("\(name): cannot start \(executable.path): \(error.localizedDescription)")
                slots.signal()
                group.leave()
            }
        }
        group.wait()
        return (failures.value, times.values)
    }

    /// This executable, so children run the same build.
    static var executablePath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}

/// A count shared by the children's termination handlers.
private final class FailureCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    /// Counts one more failure.
    func add() {
        lock.lock()
        count += 1
        lock.unlock()
    }

    /// The failures so far.
    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}

/// Each child's wall time, set by the termination handlers.
private final class Durations: @unchecked Sendable {
    private let lock = NSLock()
    private var seconds: [Double]

    init(count: Int) { seconds = [Double](repeating: 0, count: count) }

    /// Records child `index`'s time.
    func set(_ index: Int, _ value: Double) {
        lock.lock()
        seconds[index] = value
        lock.unlock()
    }

    /// The times so far (0 for a child that has not finished or did not start).
    var values: [Double] {
        lock.lock()
        defer { lock.unlock() }
        return seconds
    }
}
