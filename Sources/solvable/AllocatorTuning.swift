#if canImport(Glibc)
import Glibc
#endif

/// glibc malloc settings for a numerical process.
///
/// By default glibc hands freed memory at the top of the heap back to the kernel
/// once 128 KiB is free, so a loop that allocates and frees a few MiB per iteration
/// (the MLP trainer's activations and gradients, every step) takes fresh zeroed pages
/// from the kernel each time: profiling `final(mlp(...))` showed a quarter of its
/// time in page faults and page clearing. Keeping up to 64 MiB of freed heap, and
/// serving blocks below 32 MiB (glibc's own ceiling for its adaptive threshold) from
/// the heap, removes that without changing any result; larger arrays are still
/// mapped and returned to the system as soon as they are freed.
enum AllocatorTuning {
    /// Applies the settings (once, at start-up, before any thread exists). `mallopt`
    /// lives in <malloc.h>, which Swift's Glibc module does not export, so it is looked
    /// up in the C library; on another libc the settings are simply not applied.
    static func apply() {
        #if canImport(Glibc)
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let program = dlopen(nil, RTLD_NOW), let symbol = dlsym(program, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let (trimThreshold, mmapThreshold): (Int32, Int32) = (-1, -3)  // M_TRIM_THRESHOLD, M_MMAP_THRESHOLD
        _ = mallopt(mmapThreshold, 32 << 20)
        _ = mallopt(trimThreshold, 64 << 20)
        #endif
    }
}
