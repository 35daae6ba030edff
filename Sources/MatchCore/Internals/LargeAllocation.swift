#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Uninitialised memory for the kernel's large working buffers (top-k
/// tables, tile buffers). Buffers of 2 MiB or more are aligned to 2 MiB and,
/// on Linux, marked for transparent huge pages, so that first touching one
/// costs a page fault per 2 MiB rather than per 4 KiB (page-fault samples
/// of the kernel at 3,100 × 20,000: 405 → 187 over eight runs); smaller
/// ones are aligned to a cache line. The system may decline huge pages:
/// nothing else changes then.
enum LargeAllocation {
    private static let hugePage = 2 << 20

    /// Allocates `count` uninitialised elements of `T`; release with ``deallocate(_:)``.
    ///
    /// - Precondition: the memory is available (as for any allocation).
    static func allocate<T>(_ type: T.Type, count: Int) -> UnsafeMutablePointer<T> {
        let bytes = max(count, 1) * MemoryLayout<T>.stride
        let huge = bytes >= hugePage
        var raw: UnsafeMutableRawPointer?
        let status = posix_memalign(&raw, huge ? hugePage : max(64, MemoryLayout<T>.alignment), bytes)
        guard status == 0, let raw else { preconditionFailure("cannot allocate \(bytes) bytes") }
        #if os(Linux)
        if huge { _ = madvise(raw, bytes, Int32(MADV_HUGEPAGE)) }
        #endif
        return raw.bindMemory(to: T.self, capacity: max(count, 1))
    }

    /// Releases memory from ``allocate(_:count:)``.
    static func deallocate<T>(_ pointer: UnsafeMutablePointer<T>) {
        free(pointer)
    }
}
