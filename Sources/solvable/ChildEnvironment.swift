import Foundation

/// The environment of the child processes that `run -j N` and a local `sweep -j N` start:
/// this process's own, with OpenBLAS limited to its share of the cores, as joblib's loky
/// backend does for its workers. N processes each starting a BLAS thread per core would
/// oversubscribe the machine: OpenBLAS's idle threads spin, so on two cores two notebooks
/// with two BLAS threads each spent a tenth of their CPU time in the kernel and ran no faster.
/// A thread count the user set (`OPENBLAS_NUM_THREADS`, or `OMP_NUM_THREADS`, which
/// OpenBLAS also reads) is kept.
enum ChildEnvironment {
    /// The environment for one of `jobs` children running at once on this machine.
    static func sharingCores(among jobs: Int) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        let cores = ProcessInfo.processInfo.activeProcessorCount
        if environment["OPENBLAS_NUM_THREADS"] == nil && environment["OMP_NUM_THREADS"] == nil {
            environment["OPENBLAS_NUM_THREADS"] = String(blasThreads(cores: cores, jobs: jobs))
        }
        return environment
    }

    /// BLAS threads per child: the cores divided among the children, at least one.
    static func blasThreads(cores: Int, jobs: Int) -> Int { max(1, cores / max(1, jobs)) }
}
