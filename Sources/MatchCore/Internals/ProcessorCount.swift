#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The processors this process may run on.
enum ProcessorCount {
    /// Online processors (`sysconf(_SC_NPROCESSORS_ONLN)`), at least 1.
    static var active: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}
