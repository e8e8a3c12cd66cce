#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How much of the running thread's stack is left, so that deep recursion of user
/// functions ends in a `RecursionError` instead of overflowing the stack (CPython 3.12
/// guards its C stack the same way). The thread's stack bounds are read once per thread
/// (on Linux's main thread that reads /proc, so it is not done per call).
struct StackGuard {
    /// The stack space a call must leave free: room for the deepest expression the
    /// parser accepts and the builtin it may call, in a debug build.
    static let reserve: UInt = 512 * 1024

    private var thread: pthread_t?
    private var floor: UInt = 0

    /// Whether the current thread has at least `reserve` bytes of stack left.
    mutating func hasRoom() -> Bool {
        let here = pthread_self()
        if thread == nil || pthread_equal(thread!, here) == 0 {
            thread = here
            floor = Self.stackFloor(here)
        }
        var marker = 0
        let sp = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        return floor == 0 || sp > floor + Self.reserve
    }

    /// The lowest address of `thread`'s stack (stacks grow down), or 0 if unknown.
    private static func stackFloor(_ thread: pthread_t) -> UInt {
        #if canImport(Glibc)
        // pthread_getattr_np is a GNU extension the Glibc module does not export.
        typealias GetAttributes = @convention(c) (pthread_t, UnsafeMutablePointer<pthread_attr_t>) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pthread_getattr_np") else { return 0 }
        let getAttributes = unsafeBitCast(symbol, to: GetAttributes.self)
        var attributes = pthread_attr_t()
        guard getAttributes(thread, &attributes) == 0 else { return 0 }
        defer { pthread_attr_destroy(&attributes) }
        var address: UnsafeMutableRawPointer?
        var size = 0
        guard pthread_attr_getstack(&attributes, &address, &size) == 0, let address else { return 0 }
        return UInt(bitPattern: address)
        #elseif canImport(Darwin)
        let top = UInt(bitPattern: pthread_get_stackaddr_np(thread))
        return top - UInt(pthread_get_stacksize_np(thread))
        #else
        return 0
        #endif
    }
}
