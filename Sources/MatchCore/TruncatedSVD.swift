/// A rank-*r* truncated singular value decomposition A ≈ U · diag(σ) · Vᵀ,
/// as ``RandomizedSVD`` returns it.
///
/// `U` (``leftSingularVectors``, `rows × r`) and `V`
/// (``rightSingularVectors``, `columns × r`) are row-major with orthonormal
/// columns; the singular values are non-negative and in descending order.
/// Component *c* is the column *c* of `U` and of `V` with the value
/// `singularValues[c]`. Signs are normalised: in each column of `V` the entry
/// of largest magnitude (the first one, on ties) is positive.
///
/// ```swift
/// let svd = try RandomizedSVD(rank: 2).decompose(termDocument)
/// svd.singularValues                     // [σ₀, σ₁], σ₀ ≥ σ₁ ≥ 0
/// let documentVectors = svd.leftSingularVectors   // rows × 2
/// let termVectors = svd.rightSingularVectors      // columns × 2
/// ```
public struct TruncatedSVD: Sendable, Equatable {
    /// `U`: the left singular vectors as the columns of a row-major
    /// `rows × rank` matrix; row *i* holds the coordinates of row *i* of A.
    public let leftSingularVectors: Matrix
    /// σ: the singular values, non-negative and in descending order.
    public let singularValues: [Float]
    /// `V`: the right singular vectors as the columns of a row-major
    /// `columns × rank` matrix; row *j* holds the coordinates of column *j* of A.
    public let rightSingularVectors: Matrix

    /// Creates a decomposition from its factors.
    ///
    /// ```swift
    /// let svd = TruncatedSVD(leftSingularVectors: Matrix(rows: 1, columns: 1, elements: [1]),
    ///                        singularValues: [2],
    ///                        rightSingularVectors: Matrix(rows: 1, columns: 1, elements: [1]))
    /// ```
    ///
    /// - Parameters:
    ///   - leftSingularVectors: `U`, `rows × r`.
    ///   - singularValues: σ, *r* values in descending order.
    ///   - rightSingularVectors: `V`, `columns × r`.
    /// - Precondition: both factors have `singularValues.count` columns.
    public init(leftSingularVectors: Matrix, singularValues: [Float], rightSingularVectors: Matrix) {
        precondition(leftSingularVectors.columns == singularValues.count
                     && rightSingularVectors.columns == singularValues.count,
                     "TruncatedSVD factors need one column per singular value")
        self.leftSingularVectors = leftSingularVectors
        self.singularValues = singularValues
        self.rightSingularVectors = rightSingularVectors
    }

    /// The number of components *r*.
    ///
    /// - Complexity: O(1).
    public var rank: Int { singularValues.count }

    /// The dense rank-*r* approximation U · diag(σ) · Vᵀ.
    ///
    /// Meant for tests and small matrices: it materialises `rows × columns`.
    ///
    /// ```swift
    /// let error = zip(svd.reconstructed().elements, Matrix(a).elements)
    ///     .map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()
    /// ```
    ///
    /// - Returns: A `rows × columns` matrix. Calls `cblas_sgemm`.
    /// - Complexity: O(`rows` × `columns` × *r*).
    public func reconstructed() -> Matrix {
        var scaled = leftSingularVectors
        let r = rank
        scaled.withUnsafeMutableBufferPointer { u in
            for i in 0..<leftSingularVectors.rows {
                for c in 0..<r { u[i * r + c] *= singularValues[c] }
            }
        }
        return scaled.multiplied(by: rightSingularVectors, transposingOther: true)
    }
}

/// The singular values and right singular vectors of a matrix, without its
/// left singular vectors: ``RandomizedSVD/rightFactors(of:)``.
public struct RightSingularFactors: Sendable, Equatable {
    /// σ₁ ≥ σ₂ ≥ … ≥ 0, one per component.
    public let singularValues: [Float]
    /// The right singular vectors, `columns × rank` (one column per component), orthonormal columns.
    public let vectors: Matrix

    /// Creates the factors.
    ///
    /// - Precondition: `vectors` has one column per singular value.
    public init(singularValues: [Float], vectors: Matrix) {
        precondition(vectors.columns == singularValues.count, "RightSingularFactors need one column per singular value")
        self.singularValues = singularValues
        self.vectors = vectors
    }

    /// The number of components.
    public var rank: Int { singularValues.count }
}
