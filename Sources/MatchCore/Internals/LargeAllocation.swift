#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Uninitialised memory for the kernel's large working buffers (top-k
/// tables, tile buffers): aligned to 2 MiB and, on Linux, marked for
/// transparent huge pages, so that first touching a buffer costs one page
/// fault per 2 MiB rather than per 4 KiB. Falls back to an ordinary
/// allocation when the buffer is small or the system declines.
enum LargeAllocation {
    private static let hugePage = 2 << 20

    /// Allocates `count` uninitialised elements of `T`; release with ``deallocate(_:)``.
    static func allocate<T>(_ type: T.Type, count: Int) -> UnsafeMutablePointer<T> {
        let bytes = max(count, 1) * MemoryLayout<T>.stride
        guard bytes >= hugePage else { return .allocate(capacity: max(count, 1)) }
        var raw: UnsafeMutableRawPointer?
        guard posix_memalign(&raw, hugePage, bytes) == 0, let raw else { return .allocate(capacity: max(count, 1)) }
        #if os(Linux)
        _ = madvise(raw, bytes, Int32(MADV_HUGEPAGE))
        #endif
        return raw.bindMemory(to: T.self, capacity: max(count, 1))
    }

    /// Releases memory from ``allocate(_:count:)`` (either kind: both are `malloc` memory).
    static func deallocate<T>(_ pointer: UnsafeMutablePointer<T>) {
        free(pointer)
    }
}
