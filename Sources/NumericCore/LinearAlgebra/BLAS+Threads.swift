import COpenBLAS

extension BLAS {
    /// Runs `body` with OpenBLAS on one thread, then restores the thread count. For loops
    /// of many small products (a d × d matrix–vector product per Monte-Carlo query), where
    /// handing each product to the worker threads costs more than the product and idle
    /// workers spin between calls. Each output of a product is computed by the same kernel
    /// whatever the thread count, so the numbers are unchanged. The count is process-wide:
    /// call this only where no other thread is running BLAS (model operations run one at a time).
    public static func singleThreaded<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        let before = openblas_get_num_threads()
        if before > 1 { openblas_set_num_threads(1) }
        defer { if before > 1 { openblas_set_num_threads(before) } }
        return try body()
    }
}
