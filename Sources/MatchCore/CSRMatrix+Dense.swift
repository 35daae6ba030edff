// Conversions between sparse and dense matrices.

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
        precondition(dense.columns <= Int(Int32.max), "CSRMatrix supports at most \(Int32.max) columns")
        var offsets = [0], columnIndices: [Int32] = [], values: [Float] = []
        offsets.reserveCapacity(dense.rows + 1)
        let width = dense.columns
        dense.elements.withUnsafeBufferPointer { elements in
            for row in 0..<dense.rows {
                let base = row * width
                for column in 0..<width where elements[base + column] != 0 {
                    columnIndices.append(Int32(column))
                    values.append(elements[base + column])
                }
                offsets.append(values.count)
            }
        }
        self.init(validatedRows: dense.rows, columns: width, rowOffsets: offsets, columnIndices: columnIndices, values: values)
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
