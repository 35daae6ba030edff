import CLinearAlgebra

/// Solves a small symmetric positive definite linear system A·x = b in double
/// precision with LAPACK's Cholesky solver.
///
/// Used for Newton steps of regularised fits, where A is a Hessian plus a
/// ridge term (a few dozen unknowns at most).
///
/// ```swift
/// let x = try PositiveDefiniteSystem.solve([4, 1, 1, 3], [1, 2], order: 2)   // [0.0909…, 0.6363…]
/// ```
package enum PositiveDefiniteSystem {
    /// Solves A·x = b.
    ///
    /// Calls `dposv` (lower triangle of the column-major matrix, which for a
    /// symmetric A is the row-major one as well).
    ///
    /// - Parameters:
    ///   - matrix: A, `order × order`, symmetric (row- or column-major: the same).
    ///   - rhs: b, `order` values.
    ///   - order: The number of unknowns, ≥ 1.
    /// - Returns: x.
    /// - Throws: ``LinearAlgebraError`` when A is not positive definite (`info` > 0).
    /// - Precondition: `matrix.count == order²`, `rhs.count == order`.
    /// - Complexity: O(order³).
    package static func solve(_ matrix: [Double], _ rhs: [Double], order: Int) throws -> [Double] {
        precondition(order >= 1 && matrix.count == order * order && rhs.count == order, "an order × order system")
        var a = matrix
        var b = rhs
        var n = LinearAlgebra.lapackInt(order)
        var nrhs: Int32 = 1
        var lda = n, ldb = n
        var info: Int32 = 0
        var uplo = CChar(UInt8(ascii: "L"))
        dposv_(&uplo, &n, &nrhs, &a, &lda, &b, &ldb, &info, 1)
        guard info == 0 else { throw LinearAlgebraError(routine: "dposv", info: Int(info)) }
        return b
    }
}
