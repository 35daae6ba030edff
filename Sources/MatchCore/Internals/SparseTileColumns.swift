/// B's sparse blocks (``SparseScoringBlocks``) cut into the kernel's column
/// tiles and transposed: for the tile of B rows `c0 ..< c1`, each sparse
/// column lists the tile's rows (as local indices) that store it, with their
/// values. ``TileBuffers`` walks A's stored entries against these lists to add
/// the sparse products to a tile.
struct SparseTileColumns: Sendable {
    /// The offer block of the tile's B rows, transposed (s × tile width).
    let offer: CSRMatrix
    /// The need block, transposed (s × tile width).
    let need: CSRMatrix
    /// The feature block, transposed (g × tile width).
    let features: CSRMatrix

    /// One entry per column tile of `blocks`' rows, in order.
    ///
    /// - Complexity: O(rows + stored entries + tiles · columns of the blocks).
    static func cut(_ blocks: SparseScoringBlocks, columnTile: Int) -> [SparseTileColumns] {
        let count = blocks.offer.rows
        return stride(from: 0, to: count, by: columnTile).map { start in
            let range = start..<min(count, start + columnTile)
            return SparseTileColumns(
                offer: blocks.offer.rowSlice(range).transposed(),
                need: blocks.need.rowSlice(range).transposed(),
                features: blocks.features.rowSlice(range).transposed())
        }
    }
}

extension CSRMatrix {
    /// The rows `range` of this matrix, as a matrix of their own.
    ///
    /// - Complexity: O(`range.count` + their stored entries).
    func rowSlice(_ range: Range<Int>) -> CSRMatrix {
        precondition(range.lowerBound >= 0 && range.upperBound <= rows, "row slice out of range")
        let first = rowOffsets[range.lowerBound], last = rowOffsets[range.upperBound]
        return CSRMatrix(
            validatedRows: range.count, columns: columns,
            rowOffsets: rowOffsets[range.lowerBound...range.upperBound].map { $0 - first },
            columnIndices: Array(columnIndices[first..<last]), values: Array(values[first..<last]))
    }

    /// Adds `self[rows] · tileᵀ`-style products to a tile: for each row `r` of
    /// `rows` and each stored entry (j, v) of it, `v · w` to output column `c`
    /// for every entry (c, w) of `tile`'s row j. Entries are visited in
    /// stored order, so the sums come out the same on every machine.
    ///
    /// - Parameters:
    ///   - rows: This matrix's rows of the tile (A rows).
    ///   - tile: The transposed B block of the tile (``SparseTileColumns``).
    ///   - output: Row-major tile buffer, `rows.count` rows of `stride` floats.
    ///   - stride: The buffer's row length.
    func accumulateProducts(rows: Range<Int>, with tile: CSRMatrix, into output: UnsafeMutablePointer<Float>, stride: Int) {
        rowOffsets.withUnsafeBufferPointer { aOffsets in
        columnIndices.withUnsafeBufferPointer { aColumns in
        values.withUnsafeBufferPointer { aValues in
        tile.rowOffsets.withUnsafeBufferPointer { tOffsets in
        tile.columnIndices.withUnsafeBufferPointer { tColumns in
        tile.values.withUnsafeBufferPointer { tValues in
            for (local, row) in rows.enumerated() {
                let out = output + local * stride
                for p in aOffsets[row]..<aOffsets[row + 1] {
                    let column = Int(aColumns[p]), value = aValues[p]
                    for q in tOffsets[column]..<tOffsets[column + 1] {
                        out[Int(tColumns[q])] += value * tValues[q]
                    }
                }
            }
        }}}}}}
    }
}
