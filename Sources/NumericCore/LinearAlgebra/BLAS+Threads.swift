import COpenBLAS
import Synchronization

/// How many `BLAS.singleThreaded` sections are running, and the thread count before the first.
private let singleThreadedSections = Mutex<(depth: Int, before: Int32)>((0, 1))

extension BLAS {
    /// Runs `body` with OpenBLAS on one thread, then restores the thread count. For loops
    /// of many small products (a d × d matrix–vector product per Monte-Carlo query), where
    /// handing each product to the worker threads costs more than the product and idle
    /// workers spin between calls. Each output of a product is computed by the same kernel
    /// whatever the thread count, so the numbers are unchanged. The count is process-wide:
    /// call this only where no other thread is running BLAS (model operations run one at a time).
    public static func singleThreaded<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        // Overlapping sections (parallel tests) share one count: the first sets one thread,
        // the last restores the count, so none runs multithreaded in the middle of another.
        singleThreadedSections.withLock { s in
            if s.depth == 0 { s.before = openblas_get_num_threads(); if s.before > 1 { openblas_set_num_threads(1) } }
            s.depth += 1
        }
        defer {
            singleThreadedSections.withLock { s in
                s.depth -= 1
                if s.depth == 0 && s.before > 1 { openblas_set_num_threads(s.before) }
            }
        }
        return try body()
    }
}
