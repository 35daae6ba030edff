/// Single-precision matrix products for other targets (the sentence
/// encoder), on the same BLAS and under the same threading discipline as
/// MatchCore's own kernels.
///
/// Row-major throughout. Products called from several threads at once must
/// run inside ``withSingleThreadedBLAS(_:)`` so that each call stays on its
/// caller's core and the results do not depend on the BLAS thread count.
public enum DenseProducts {
    /// `C ← alpha · op(A) · op(B) + beta · C` on row-major buffers (`cblas_sgemm`).
    ///
    /// `op(A)` is `m × k`, `op(B)` is `k × n`, `C` is `m × n`; `lda`, `ldb`
    /// and `ldc` are the row strides of the buffers as stored. Zero-sized
    /// products are handled here: nothing happens when `m` or `n` is 0, and
    /// `C ← beta · C` when `k` is 0.
    ///
    /// - Precondition: the dimensions are non-negative and the strides large
    ///   enough for them (a programming error, not an input error).
    /// - Complexity: O(m · n · k).
    public static func gemm(
        transposeA: Bool, transposeB: Bool,
        m: Int, n: Int, k: Int,
        alpha: Float, a: UnsafePointer<Float>?, lda: Int,
        b: UnsafePointer<Float>?, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>?, ldc: Int
    ) {
        LinearAlgebra.gemm(
            transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
            alpha: alpha, a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
    }

    /// Runs `body` with OpenBLAS (when it answers) limited to one thread per
    /// call, so that the caller's own worker threads can each call BLAS
    /// without oversubscribing the cores. Waits while a scope that uses
    /// BLAS's own threads (an SVD, say) is open elsewhere in the process.
    public static func withSingleThreadedBLAS<R>(_ body: () throws -> R) rethrows -> R {
        try BLASThreading.withSingleThreadedBLAS(body)
    }

    /// The number of cores the process may use (at least 1).
    public static var activeProcessorCount: Int { ProcessorCount.active }
}
