import Foundation
import Synchronization

/// Runs jobs on one thread per core, each thread taking the next job until they are
/// done or one job says stop. The threads get the stack a cell's thread has, so a
/// deep user function recurses as far as in the cell.
enum FrameWorkers {
    static let stackSize = 64 << 20

    /// Runs `job` for each of `jobs` on up to `threads` threads; returns when all have
    /// ended. A job returning false stops the jobs not yet started.
    static func run(_ jobs: [Int], threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                    _ job: @escaping @Sendable (Int) -> Bool) {
        let next = Cursor()
        let group = DispatchGroup()
        for _ in 0..<max(1, min(threads, jobs.count)) {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                while let index = next.state.withLock({ state -> Int? in
                    guard !state.stopped, state.index < jobs.count else { return nil }
                    defer { state.index += 1 }
                    return state.index
                }) {
                    if !job(jobs[index]) { next.state.withLock { $0.stopped = true } }
                }
            }
            thread.name = "explore-frames"
            thread.stackSize = stackSize
            thread.start()
        }
        group.wait()
    }

    /// The next job to start, and whether a job said stop.
    private final class Cursor: Sendable {
        let state = Mutex((index: 0, stopped: false))
    }
}
