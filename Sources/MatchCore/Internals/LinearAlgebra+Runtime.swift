// OpenBLAS's own entry points (thread count, build configuration, core
// name). They are not part of CBLAS, so they are looked up at run time with
// `dlsym`: when the answering BLAS is not OpenBLAS they are simply absent.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// OpenBLAS's extensions, when OpenBLAS is the BLAS that answers.
struct OpenBLASRuntime: Sendable {
    private typealias GetInt = @convention(c) () -> Int32
    private typealias SetInt = @convention(c) (Int32) -> Void
    private typealias GetString = @convention(c) () -> UnsafePointer<CChar>?

    private let getNumThreads: GetInt
    private let setNumThreads: SetInt
    private let getConfig: GetString?
    private let getCorename: GetString?

    /// The loaded OpenBLAS, or `nil` when its symbols are absent.
    static let loaded: OpenBLASRuntime? = {
        guard let get = lookup("openblas_get_num_threads"),
              let set = lookup("openblas_set_num_threads") else { return nil }
        return OpenBLASRuntime(
            getNumThreads: unsafeBitCast(get, to: GetInt.self),
            setNumThreads: unsafeBitCast(set, to: SetInt.self),
            getConfig: lookup("openblas_get_config").map { unsafeBitCast($0, to: GetString.self) },
            getCorename: lookup("openblas_get_corename").map { unsafeBitCast($0, to: GetString.self) })
    }()

    private static func lookup(_ name: String) -> UnsafeMutableRawPointer? {
        // RTLD_DEFAULT: search every object loaded into the process.
        dlsym(UnsafeMutableRawPointer(bitPattern: 0), name)
    }

    /// Threads OpenBLAS uses for one call (`openblas_get_num_threads`).
    var threads: Int { Int(getNumThreads()) }

    /// Sets the threads OpenBLAS uses for one call (`openblas_set_num_threads`).
    func setThreads(_ count: Int) { setNumThreads(Int32(clamping: count)) }

    /// The build configuration string (`openblas_get_config`).
    var configuration: String? { getConfig?().map { String(cString: $0) } }

    /// The kernel family chosen at load time (`openblas_get_corename`).
    var coreName: String? { getCorename?().map { String(cString: $0) } }
}

/// Runs BLAS calls from several threads of ours at once without
/// oversubscribing the cores: while at least one such scope is open,
/// OpenBLAS is set to one thread per call; the last scope to close restores
/// the previous setting. BLAS's thread count is process-wide state, hence the
/// process-wide counter.
enum BLASThreading {
    private struct State { var depth = 0; var saved = 0 }
    private static let state = Mutex(State())

    /// Calls `body` with OpenBLAS (if loaded) limited to one thread per call.
    static func withSingleThreadedBLAS<R>(_ body: () throws -> R) rethrows -> R {
        guard let openBLAS = OpenBLASRuntime.loaded else { return try body() }
        state.withLock { state in
            if state.depth == 0 {
                state.saved = openBLAS.threads
                openBLAS.setThreads(1)
            }
            state.depth += 1
        }
        defer {
            state.withLock { state in
                state.depth -= 1
                if state.depth == 0 { openBLAS.setThreads(state.saved) }
            }
        }
        return try body()
    }
}
