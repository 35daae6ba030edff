// Conversions between sparse and dense matrices (tests, small inputs).

extension CSRMatrix {
    /// Creates a sparse matrix holding the non-zero elements of a dense one.
    ///
    /// ```swift
    /// let sparse = CSRMatrix(Matrix(rows: 1, columns: 3, elements: [0, 2, 0]))
    /// sparse.nonzeroCount        // 1
    /// ```
    ///
    /// - Parameter dense: Any matrix with at most `Int32.max` columns.
    /// - Complexity: O(`dense.rows` × `dense.columns`).
    public init(_ dense: Matrix) {
        self.init(columns: dense.columns)
        reserveCapacity(rows: dense.rows, nonzeros: 0)
        for i in 0..<dense.rows {
            appendRow(dense.row(i).enumerated().lazy
                .filter { $0.element != 0 }
                .map { (column: $0.offset, value: $0.element) })
        }
    }
}

extension Matrix {
    /// Creates the dense form of a sparse matrix.
    ///
    /// ```swift
    /// let dense = Matrix(CSRMatrix(rows: 2, columns: 2, entries: [(row: 1, column: 0, value: 3)]))
    /// dense.elements             // [0, 0,  3, 0]
    /// ```
    ///
    /// - Parameter sparse: The matrix to expand.
    /// - Complexity: O(`sparse.rows` × `sparse.columns` + `sparse.nonzeroCount`).
    public init(_ sparse: CSRMatrix) {
        self.init(rows: sparse.rows, columns: sparse.columns)
        for i in 0..<sparse.rows {
            for (column, value) in sparse.row(i) { self[i, column] = value }
        }
    }
}
