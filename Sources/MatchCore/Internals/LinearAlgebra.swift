// Every BLAS and LAPACK call of MatchCore goes through this file: integer
// arguments are converted with a checked conversion, dimension mismatches
// are preconditions (programmer errors), and a LAPACK `info` ≠ 0 becomes a
// thrown `LinearAlgebraError`. LAPACK is column-major; callers pass
// column-major buffers and say so in their names.

import CLinearAlgebra

/// An error reported by a LAPACK routine (its `info` argument was not 0).
///
/// ```swift
/// do { try svd.compute() } catch let error as LinearAlgebraError {
///     print(error.routine, error.info)
/// }
/// ```
public struct LinearAlgebraError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The LAPACK routine that failed, e.g. `sgesdd`.
    public let routine: String
    /// LAPACK's `info`: negative — argument `-info` was illegal; positive —
    /// the algorithm did not converge (routine-specific meaning).
    public let info: Int

    /// Creates an error for `routine` with the given `info`.
    public init(routine: String, info: Int) {
        self.routine = routine
        self.info = info
    }

    public var description: String {
        if info < 0 {
            return "\(routine): argument \(-info) had an illegal value (a MissionMatch bug: please report it)"
        }
        return "\(routine): the algorithm did not converge (info = \(info)); the input may hold non-finite values"
    }
}

/// Thin, checked wrappers over the C routines of `CLinearAlgebra`.
enum LinearAlgebra {
    /// Converts a Swift `Int` to the BLAS/LAPACK integer type.
    ///
    /// - Precondition: `value` fits in the BLAS integer type.
    @inline(__always)
    static func blasInt(_ value: Int) -> mm_blas_int {
        guard let converted = mm_blas_int(exactly: value) else {
            preconditionFailure("\(value) does not fit the BLAS integer type")
        }
        return converted
    }

    /// Converts a Swift `Int` to LAPACK's 32-bit Fortran `INTEGER`.
    @inline(__always)
    static func lapackInt(_ value: Int) -> Int32 {
        guard let converted = Int32(exactly: value) else {
            preconditionFailure("\(value) does not fit LAPACK's 32-bit INTEGER")
        }
        return converted
    }

    /// `C ← alpha · op(A) · op(B) + beta · C`, row-major. Calls `cblas_sgemm`.
    ///
    /// Zero-sized products are handled here (BLAS rejects some of them):
    /// when `m` or `n` is 0 nothing happens; when `k` is 0, `C ← beta · C`.
    static func gemm(
        transposeA: Bool, transposeB: Bool,
        m: Int, n: Int, k: Int,
        alpha: Float, a: UnsafePointer<Float>?, lda: Int,
        b: UnsafePointer<Float>?, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>?, ldc: Int
    ) {
        precondition(m >= 0 && n >= 0 && k >= 0, "gemm dimensions must be non-negative")
        guard m > 0, n > 0 else { return }
        guard let c else { preconditionFailure("gemm output buffer is missing") }
        guard k > 0, let a, let b else {
            for i in 0..<m {
                for j in 0..<n { c[i * ldc + j] = beta == 0 ? 0 : beta * c[i * ldc + j] }
            }
            return
        }
        precondition(lda >= (transposeA ? m : k) && ldb >= (transposeB ? k : n) && ldc >= n,
                     "gemm leading dimensions are too small")
        cblas_sgemm(CblasRowMajor,
                    transposeA ? CblasTrans : CblasNoTrans,
                    transposeB ? CblasTrans : CblasNoTrans,
                    blasInt(m), blasInt(n), blasInt(k),
                    alpha, a, blasInt(lda), b, blasInt(ldb),
                    beta, c, blasInt(ldc))
    }

    /// Replaces the columns of the column-major `rows × columns` matrix `a`
    /// (rows ≥ columns) by an orthonormal basis of their span: the Q of its
    /// QR factorisation. Calls `sgeqrf` then `sorgqr`, each after a
    /// workspace query.
    ///
    /// - Throws: `LinearAlgebraError` when LAPACK reports an error.
    static func orthonormalizeColumns(_ a: inout [Float], rows: Int, columns: Int) throws {
        precondition(rows >= columns, "orthonormalizeColumns needs rows ≥ columns")
        precondition(a.count == rows * columns, "orthonormalizeColumns: buffer size mismatch")
        guard columns > 0 else { return }
        var m = lapackInt(rows), n = lapackInt(columns), k = n
        var lda = m
        var info: Int32 = 0
        var tau = [Float](repeating: 0, count: columns)
        var query: Float = 0
        var lwork: Int32 = -1
        sgeqrf_(&m, &n, &a, &lda, &tau, &query, &lwork, &info)
        try check("sgeqrf", info)
        var query2: Float = 0
        sorgqr_(&m, &n, &k, &a, &lda, &tau, &query2, &lwork, &info)
        try check("sorgqr", info)
        lwork = lapackInt(max(Int(query), Int(query2), columns, 1))
        var work = [Float](repeating: 0, count: Int(lwork))
        sgeqrf_(&m, &n, &a, &lda, &tau, &work, &lwork, &info)
        try check("sgeqrf", info)
        sorgqr_(&m, &n, &k, &a, &lda, &tau, &work, &lwork, &info)
        try check("sorgqr", info)
    }

    /// Thin singular value decomposition `A = U · diag(s) · Vᵀ` of the
    /// column-major `rows × columns` matrix `a` (destroyed). Calls `sgesdd`
    /// with `JOBZ = 'S'` after a workspace query.
    ///
    /// - Returns: `u` (column-major rows × p), `s` (p, descending) and `vt`
    ///   (column-major p × columns), with p = min(rows, columns).
    /// - Throws: `LinearAlgebraError` when LAPACK reports an error.
    static func svd(_ a: inout [Float], rows: Int, columns: Int) throws -> (u: [Float], s: [Float], vt: [Float]) {
        precondition(a.count == rows * columns, "svd: buffer size mismatch")
        let p = min(rows, columns)
        guard p > 0 else { return ([], [], []) }
        var m = lapackInt(rows), n = lapackInt(columns)
        var lda = m, ldu = m, ldvt = lapackInt(p)
        var s = [Float](repeating: 0, count: p)
        var u = [Float](repeating: 0, count: rows * p)
        var vt = [Float](repeating: 0, count: p * columns)
        var iwork = [Int32](repeating: 0, count: 8 * p)
        var info: Int32 = 0
        var query: Float = 0
        var lwork: Int32 = -1
        var jobz = Int8(UInt8(ascii: "S"))
        sgesdd_(&jobz, &m, &n, &a, &lda, &s, &u, &ldu, &vt, &ldvt, &query, &lwork, &iwork, &info, 1)
        try check("sgesdd", info)
        // Some LAPACK builds under-report the workspace in single precision
        // (the size is returned as a Float): round up generously.
        lwork = lapackInt(Int((Double(query) * 1.01).rounded(.up)) + 64)
        var work = [Float](repeating: 0, count: Int(lwork))
        sgesdd_(&jobz, &m, &n, &a, &lda, &s, &u, &ldu, &vt, &ldvt, &work, &lwork, &iwork, &info, 1)
        try check("sgesdd", info)
        return (u, s, vt)
    }

    @inline(__always)
    private static func check(_ routine: String, _ info: Int32) throws {
        if info != 0 { throw LinearAlgebraError(routine: routine, info: Int(info)) }
    }
}

// MARK: - Cholesky-QR (randomized SVD)

extension LinearAlgebra {
    /// `C ← alpha · Aᵀ · A + beta · C` on the upper triangle of the row-major
    /// `n × n` matrix `c`, where `a` is row-major `k × n` (the Gram matrix of
    /// its columns). The strict lower triangle of `c` is not referenced.
    /// Calls `cblas_ssyrk` (`CblasRowMajor`, `CblasUpper`, `CblasTrans`).
    ///
    /// When `n` is 0 nothing happens; when `k` is 0, `C ← beta · C`.
    static func gramUpper(
        n: Int, k: Int,
        alpha: Float, a: UnsafePointer<Float>?, lda: Int,
        beta: Float, c: UnsafeMutablePointer<Float>?, ldc: Int
    ) {
        precondition(n >= 0 && k >= 0, "syrk dimensions must be non-negative")
        guard n > 0 else { return }
        guard let c else { preconditionFailure("syrk output buffer is missing") }
        precondition(ldc >= n, "syrk leading dimension of C is too small")
        guard k > 0, let a else {
            for i in 0..<n {
                for j in i..<n { c[i * ldc + j] = beta == 0 ? 0 : beta * c[i * ldc + j] }
            }
            return
        }
        precondition(lda >= n, "syrk leading dimension of A is too small")
        cblas_ssyrk(CblasRowMajor, CblasUpper, CblasTrans,
                    blasInt(n), blasInt(k), alpha, a, blasInt(lda), beta, c, blasInt(ldc))
    }

    /// `B ← B · T` for the row-major `m × n` matrix `b` and the upper
    /// triangular, non-unit row-major `n × n` matrix `t` (its strict lower
    /// triangle is not referenced). Calls `cblas_strmm` (`CblasRowMajor`,
    /// `CblasRight`, `CblasUpper`, `CblasNoTrans`, `CblasNonUnit`).
    static func multiplyRightUpperTriangular(
        m: Int, n: Int,
        t: UnsafePointer<Float>?, ldt: Int,
        b: UnsafeMutablePointer<Float>?, ldb: Int
    ) {
        precondition(m >= 0 && n >= 0, "trmm dimensions must be non-negative")
        guard m > 0, n > 0 else { return }
        guard let t, let b else { preconditionFailure("trmm buffer is missing") }
        precondition(ldt >= n && ldb >= n, "trmm leading dimensions are too small")
        cblas_strmm(CblasRowMajor, CblasRight, CblasUpper, CblasNoTrans, CblasNonUnit,
                    blasInt(m), blasInt(n), 1, t, blasInt(ldt), b, blasInt(ldb))
    }

    /// Replaces the upper triangular, non-unit row-major `order × order`
    /// matrix `r` by its inverse (upper triangle only; the strict lower
    /// triangle is not referenced). Calls `strtri` with `UPLO = 'L'`,
    /// `DIAG = 'N'` (the row-major upper triangle is LAPACK's column-major
    /// lower one), or ``PortableTriangular`` as ``choleskyFactorUpper(_:order:)`` does.
    ///
    /// - Throws: `LinearAlgebraError` when `r` is singular (`info` > 0) or an
    ///   argument is illegal.
    static func invertUpperTriangular(_ r: UnsafeMutablePointer<Float>, order: Int) throws {
        precondition(order >= 0, "strtri order must be non-negative")
        guard order > 0 else { return }
        if OpenBLASRuntime.triangularSolveIsUnsafe { return try PortableTriangular.invertUpperTriangular(r, order: order) }
        var n = lapackInt(order), lda = n
        var info: Int32 = 0
        var uplo = Int8(UInt8(ascii: "L")), diag = Int8(UInt8(ascii: "N"))
        strtri_(&uplo, &diag, &n, r, &lda, &info, 1, 1)
        try check("strtri", info)
    }

    /// Cholesky factorisation `G = Rᵀ · R` of the symmetric positive definite
    /// row-major `order × order` matrix `g`, given by its upper triangle; on
    /// success the upper triangle holds `R`. Calls `spotrf` with
    /// `UPLO = 'L'` (the row-major upper triangle is LAPACK's column-major
    /// lower one), or ``PortableTriangular`` under an OpenBLAS kernel whose
    /// triangular solve faults (``OpenBLASRuntime/triangularSolveIsUnsafe``).
    ///
    /// - Returns: `true` on success; `false` when `g` is not (numerically)
    ///   positive definite (`info` > 0), leaving `g` partly overwritten.
    /// - Throws: `LinearAlgebraError` when an argument is illegal (`info` < 0).
    static func choleskyFactorUpper(_ g: UnsafeMutablePointer<Float>, order: Int) throws -> Bool {
        precondition(order >= 0, "spotrf order must be non-negative")
        guard order > 0 else { return true }
        if OpenBLASRuntime.triangularSolveIsUnsafe { return PortableTriangular.choleskyFactorUpper(g, order: order) }
        var n = lapackInt(order), lda = n
        var info: Int32 = 0
        var uplo = Int8(UInt8(ascii: "L"))
        spotrf_(&uplo, &n, g, &lda, &info, 1)
        if info > 0 { return false }
        try check("spotrf", info)
        return true
    }
}
