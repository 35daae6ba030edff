extension CSRMatrix {
    /// The dot product of row `i` of this matrix with row `j` of another of
    /// the same width, multiplying only the columns both rows store.
    ///
    /// The products are summed in the order ``Matrix/dotRow(_:with:row:)``
    /// sums them on the dense equivalents — eight lanes by column, then the
    /// columns past the last multiple of eight — so for finite values the
    /// result is the same bits as the dense dot product (a product with a
    /// zero adds nothing to a lane, and a lane never holds −0).
    ///
    /// ```swift
    /// let a = CSRMatrix(Matrix(rows: 1, columns: 3, elements: [0, 2, 1]))
    /// a.dotRow(0, with: a, row: 0)   // 5
    /// ```
    ///
    /// - Precondition: Both rows exist and the widths match.
    /// - Complexity: O(entries of the two rows), without allocating.
    public func dotRow(_ i: Int, with other: CSRMatrix, row j: Int) -> Float {
        precondition(columns == other.columns, "rows of different widths")
        precondition(i >= 0 && i < rows && j >= 0 && j < other.rows, "row out of range")
        let laneEnd = Int32(columns - columns % 8)
        var lanes = SIMD8<Float>()
        var tail: Float = 0, inTail = false
        var x = rowOffsets[i], y = other.rowOffsets[j]
        let xEnd = rowOffsets[i + 1], yEnd = other.rowOffsets[j + 1]
        columnIndices.withUnsafeBufferPointer { xColumns in
            other.columnIndices.withUnsafeBufferPointer { yColumns in
                values.withUnsafeBufferPointer { xValues in
                    other.values.withUnsafeBufferPointer { yValues in
                        while x < xEnd, y < yEnd {
                            let column = xColumns[x], otherColumn = yColumns[y]
                            if column < otherColumn {
                                x += 1
                            } else if otherColumn < column {
                                y += 1
                            } else {
                                let product = xValues[x] * yValues[y]
                                if column < laneEnd {
                                    lanes[Int(column & 7)] += product
                                } else {
                                    if !inTail { tail = lanes.sum(); inTail = true }
                                    tail += product
                                }
                                x += 1
                                y += 1
                            }
                        }
                    }
                }
            }
        }
        return inTail ? tail : lanes.sum()
    }
}
