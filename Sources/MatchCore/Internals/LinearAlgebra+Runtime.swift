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
import Foundation

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

    /// Whether the loaded kernel's triangular solve (`strsm`, inside `spotrf`
    /// and `strtri`) is known to fault: Debian's OpenBLAS 0.3.21 Prescott
    /// kernel, its fallback on CPUs it does not recognise (see
    /// ``PortableTriangular``). Read once.
    static let triangularSolveIsUnsafe: Bool = loaded?.coreName?.lowercased() == "prescott"
}

/// Keeps OpenBLAS's thread count — process-wide state — consistent for
/// every call, because results depend on it: OpenBLAS splits a product
/// differently on 1 and on 2 threads, and the sums come out different in
/// their last bits (measured: 60,378 of 80,000 entries of a 2,000 × 40 ×
/// 1,500 `sgemm`). So the two ways of using BLAS exclude each other:
///
/// - ``withSingleThreadedBLAS(_:)``: our own threads call BLAS at once,
///   OpenBLAS set to one thread per call (the pair-scoring kernel);
/// - ``withDefaultBLASThreads(_:)``: BLAS uses its own threads (the SVD,
///   matrix products, the shared-tile kernel, `doctor`'s timing).
///
/// Scopes of one kind may overlap; a scope of the other kind waits until
/// they have all closed. A scope must not open one of the other kind
/// inside it (it would wait for itself).
enum BLASThreading {
    private final class State: @unchecked Sendable {
        let condition = NSCondition()
        var singleThreadedScopes = 0
        var defaultScopes = 0
        var savedThreads = 0
    }
    private static let state = State()

    /// Calls `body` with OpenBLAS (if loaded) limited to one thread per
    /// call, once no ``withDefaultBLASThreads(_:)`` scope is open; the last
    /// single-threaded scope to close restores the previous setting.
    static func withSingleThreadedBLAS<R>(_ body: () throws -> R) rethrows -> R {
        guard let openBLAS = OpenBLASRuntime.loaded else { return try body() }
        let state = Self.state
        state.condition.lock()
        while state.defaultScopes > 0 { state.condition.wait() }
        if state.singleThreadedScopes == 0 {
            state.savedThreads = openBLAS.threads
            openBLAS.setThreads(1)
        }
        state.singleThreadedScopes += 1
        state.condition.unlock()
        defer {
            state.condition.lock()
            state.singleThreadedScopes -= 1
            if state.singleThreadedScopes == 0 {
                openBLAS.setThreads(state.savedThreads)
                state.condition.broadcast()
            }
            state.condition.unlock()
        }
        return try body()
    }

    /// Calls `body`, whose BLAS calls use OpenBLAS's own thread count, once
    /// no ``withSingleThreadedBLAS(_:)`` scope is open.
    static func withDefaultBLASThreads<R>(_ body: () throws -> R) rethrows -> R {
        guard OpenBLASRuntime.loaded != nil else { return try body() }
        let state = Self.state
        state.condition.lock()
        while state.singleThreadedScopes > 0 { state.condition.wait() }
        state.defaultScopes += 1
        state.condition.unlock()
        defer {
            state.condition.lock()
            state.defaultScopes -= 1
            if state.defaultScopes == 0 { state.condition.broadcast() }
            state.condition.unlock()
        }
        return try body()
    }
}
