/// The two small triangular factorisations of the randomized SVD's
/// Cholesky-QR — `G = Rᵀ·R` and `R⁻¹` of an `l × l` matrix, l the rank plus
/// the oversamples — in plain Swift, for the OpenBLAS kernels whose
/// triangular solve cannot be trusted.
///
/// Debian's OpenBLAS 0.3.21 runs its generic Prescott kernel on CPUs it does
/// not recognise, and that kernel's `strsm` (which `spotrf` and `strtri` call)
/// faulted on a misaligned aligned-load inside OpenBLAS's own buffers when
/// several threads factored at once (a 2-core Xeon VM, 2026-12-05: every run
/// of the evaluation-set tests crashed; with these routines instead, none
/// did). ``LinearAlgebra`` uses them only under such a kernel
/// (``OpenBLASRuntime/triangularSolveIsUnsafe``), so that every other
/// machine keeps LAPACK's results bit for bit.
///
/// Both accumulate in `Double`: O(l³/3) each, a few milliseconds at l = 266.
enum PortableTriangular {
    /// Cholesky factorisation of the symmetric positive definite row-major
    /// `order × order` matrix `g`, given by its upper triangle: on success
    /// the upper triangle holds R with `G = Rᵀ·R`; the strict lower triangle
    /// is not referenced.
    ///
    /// - Returns: `false` when `g` is not (numerically) positive definite,
    ///   `g` then left unchanged.
    /// - Complexity: O(order³ / 3).
    static func choleskyFactorUpper(_ g: UnsafeMutablePointer<Float>, order n: Int) -> Bool {
        guard n > 0 else { return true }
        var a = [Double](repeating: 0, count: n * n)
        for i in 0..<n { for j in i..<n { a[i * n + j] = Double(g[i * n + j]) } }
        for k in 0..<n {
            let d = a[k * n + k]
            guard d.isFinite, d > 0 else { return false }
            let pivot = d.squareRoot()
            a[k * n + k] = pivot
            for j in (k + 1)..<n { a[k * n + j] /= pivot }
            // The trailing upper triangle loses row k's outer product.
            for i in (k + 1)..<n {
                let factor = a[k * n + i]
                guard factor != 0 else { continue }
                for j in i..<n { a[i * n + j] -= factor * a[k * n + j] }
            }
        }
        for i in 0..<n { for j in i..<n { g[i * n + j] = Float(a[i * n + j]) } }
        return true
    }

    /// Replaces the upper triangular, non-unit row-major `order × order`
    /// matrix `r` by its inverse (upper triangle only; the strict lower
    /// triangle is not referenced).
    ///
    /// - Throws: `LinearAlgebraError` (routine `strtri`, info i + 1, as
    ///   LAPACK reports it) when diagonal element i is 0 or not finite; `r` is
    ///   then left unchanged.
    /// - Complexity: O(order³ / 3).
    static func invertUpperTriangular(_ r: UnsafeMutablePointer<Float>, order n: Int) throws {
        guard n > 0 else { return }
        for i in 0..<n where r[i * n + i] == 0 || !r[i * n + i].isFinite {
            throw LinearAlgebraError(routine: "strtri", info: i + 1)
        }
        var x = [Double](repeating: 0, count: n * n)
        var row = [Double](repeating: 0, count: n)
        // Row i of X = R⁻¹ from the rows below it: X[i][j] = −(Σ_{i<k≤j} R[i][k]·X[k][j]) / R[i][i].
        for i in stride(from: n - 1, through: 0, by: -1) {
            let inverse = 1 / Double(r[i * n + i])
            for j in i..<n { row[j] = 0 }
            for k in (i + 1)..<n {
                let rik = Double(r[i * n + k])
                guard rik != 0 else { continue }
                for j in k..<n { row[j] += rik * x[k * n + j] }
            }
            x[i * n + i] = inverse
            for j in (i + 1)..<n { x[i * n + j] = -row[j] * inverse }
        }
        for i in 0..<n { for j in i..<n { r[i * n + j] = Float(x[i * n + j]) } }
    }
}
