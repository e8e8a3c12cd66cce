import Foundation

/// `solvable run -j N`: runs commands of this same executable in up to `jobs` child
/// processes at once (each a fresh process with its own `Session`, so notebooks share
/// no state). Children write their own summary lines to the inherited stdout/stderr.
struct ParallelRuns {
    /// How many children may run at once.
    let jobs: Int

    /// Runs every argument list as `solvable ARGS…`; returns how many failed.
    /// - Parameters:
    ///   - commands: one argument list per child.
    ///   - names: what to call each child in a message if it cannot start or dies.
    func run(_ commands: [[String]], names: [String]) -> Int {
        let executable = URL(fileURLWithPath: Self.executablePath)
        let slots = DispatchSemaphore(value: jobs)
        let group = DispatchGroup()
        let failures = FailureCount()
        let fail: @Sendable (String?) -> Void = { message in
            failures.add()
            if let message { printError(message) }
        }
        for (arguments, name) in zip(commands, names) {
            slots.wait()
            let process = Process()
            process.executableURL = executable
            process.arguments = arguments
            group.enter()
            process.terminationHandler = { child in
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
        return failures.value
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
