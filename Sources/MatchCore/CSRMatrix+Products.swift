import Dispatch

// Sparse × dense products. Every output row is computed by one thread, in a
// fixed order of its terms, so results do not depend on how rows are spread
// over threads: the products are deterministic. Rows are grouped into chunks
// of about equal work, run by `DispatchQueue.concurrentPerform`.

extension CSRMatrix {
    /// The transpose, as a CSR matrix (`columns × rows`): the CSC form of
    /// this matrix.
    ///
    /// ```swift
    /// let a = CSRMatrix(rows: 1, columns: 2, entries: [(row: 0, column: 1, value: 5)])
    /// a.transposed()[1, 0]        // 5
    /// ```
    ///
    /// - Returns: The `columns × rows` matrix Aᵀ; its rows' entries are
    ///   sorted by column, like every `CSRMatrix`.
    /// - Complexity: O(`rows` + `columns` + `nonzeroCount`): a counting sort.
    public func transposed() -> CSRMatrix {
        precondition(rows <= Int(Int32.max), "the transpose of a matrix with more than \(Int32.max) rows is not representable")
        let nonzeros = nonzeroCount
        var offsets = [Int](repeating: 0, count: columns + 1)
        var newColumns = [Int32](repeating: 0, count: nonzeros)
        var newValues = [Float](repeating: 0, count: nonzeros)
        let rows = self.rows, columns = self.columns
        rowOffsets.withUnsafeBufferPointer { rowOffsets in
            columnIndices.withUnsafeBufferPointer { columnIndices in
                values.withUnsafeBufferPointer { values in
                    offsets.withUnsafeMutableBufferPointer { offsets in
                        for p in 0..<nonzeros { offsets[Int(columnIndices[p]) + 1] += 1 }
                        for j in 0..<columns { offsets[j + 1] += offsets[j] }
                        var next = Array(offsets.dropLast())
                        next.withUnsafeMutableBufferPointer { next in
                            newColumns.withUnsafeMutableBufferPointer { newColumns in
                                newValues.withUnsafeMutableBufferPointer { newValues in
                                    // Rows in increasing order: each new row's
                                    // columns come out sorted.
                                    for i in 0..<rows {
                                        for p in rowOffsets[i]..<rowOffsets[i + 1] {
                                            let j = Int(columnIndices[p])
                                            let q = next[j]
                                            newColumns[q] = Int32(truncatingIfNeeded: i)
                                            newValues[q] = values[p]
                                            next[j] = q + 1
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return CSRMatrix(validatedRows: columns, columns: rows, rowOffsets: offsets,
                         columnIndices: newColumns, values: newValues)
    }

    /// The product `A · B` of this sparse matrix and a dense one.
    ///
    /// Row *i* of the result is Σ A[i, j] · B[j, ·] over the stored entries of
    /// row *i*; rows are computed in parallel on all cores, each by one
    /// thread in a fixed order, so the result is the same bytes on every run.
    ///
    /// ```swift
    /// let a = CSRMatrix(rows: 2, columns: 2, entries: [(row: 0, column: 1, value: 2)])
    /// let b = Matrix(rows: 2, columns: 2, elements: [1, 2,  3, 4])
    /// a.multiplied(by: b).elements            // [6, 8,  0, 0]
    /// ```
    ///
    /// - Parameter dense: A `columns × k` row-major matrix.
    /// - Returns: The `rows × k` row-major product.
    /// - Precondition: `dense.rows == columns`.
    /// - Complexity: O(`nonzeroCount` × *k* + `rows` × *k*).
    public func multiplied(by dense: Matrix) -> Matrix {
        multiplied(by: dense, rows: 0..<rows)
    }

    /// The rows `range` of ``multiplied(by:)``, computed alone (each row the
    /// same bits as in the whole product): what an encoder needs when the
    /// first rows of a matrix are one kind of text and the rest another.
    ///
    /// - Parameters:
    ///   - dense: A `columns × k` row-major matrix.
    ///   - range: The rows of this matrix to multiply.
    /// - Returns: The `range.count × k` row-major product.
    /// - Precondition: `dense.rows == columns`; `range` lies within `0..<rows`.
    /// - Complexity: O(entries of those rows × *k* + `range.count` × *k*).
    public func multiplied(by dense: Matrix, rows range: Range<Int>) -> Matrix {
        precondition(dense.rows == columns,
                     "CSRMatrix product needs matching inner dimensions (\(columns) vs \(dense.rows))")
        precondition(range.lowerBound >= 0 && range.upperBound <= rows, "rows \(range) out of range 0..<\(rows)")
        let width = dense.columns
        let count = range.count * width
        let elements = [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            dense.withUnsafeBufferPointer { b in
                multiply(dense: b.baseAddress, width: width, rows: range, into: buffer.baseAddress)
            }
            initialized = count
        }
        return Matrix(rows: range.count, columns: width, elements: elements)
    }

    /// The product `Aᵀ · B` of this matrix's transpose and a dense matrix.
    ///
    /// Computed as `transposed().multiplied(by: dense)`, so that each output
    /// row is owned by one thread (deterministic, no atomic scatter). When
    /// you need several such products of the same matrix, compute
    /// ``transposed()`` once and call ``multiplied(by:)`` on it.
    ///
    /// ```swift
    /// let a = CSRMatrix(rows: 2, columns: 2, entries: [(row: 0, column: 1, value: 2)])
    /// let b = Matrix(rows: 2, columns: 1, elements: [5, 7])
    /// a.transposedMultiplied(by: b).elements  // [0, 10]
    /// ```
    ///
    /// - Parameter dense: A `rows × k` row-major matrix.
    /// - Returns: The `columns × k` row-major product.
    /// - Precondition: `dense.rows == rows`.
    /// - Complexity: O(`nonzeroCount` × *k* + `columns` × *k* + `rows`).
    public func transposedMultiplied(by dense: Matrix) -> Matrix {
        precondition(dense.rows == rows,
                     "CSRMatrix transposed product needs matching inner dimensions (\(rows) vs \(dense.rows))")
        return transposed().multiplied(by: dense)
    }

    /// Writes `A · B` into `output` (row-major `rows × width`, every element
    /// written, no need to initialise) for the row-major `columns × width`
    /// matrix at `dense`. The building block of ``multiplied(by:)`` and of
    /// ``RandomizedSVD``, which reuses its buffers.
    func multiply(dense: UnsafePointer<Float>?, width: Int, into output: UnsafeMutablePointer<Float>?) {
        multiply(dense: dense, width: width, rows: 0..<rows, into: output)
    }

    /// ``multiply(dense:width:into:)`` for the rows `range` only: `output`
    /// receives `range.count × width` elements, row `range.lowerBound` first,
    /// each computed as the whole product computes it.
    func multiply(dense: UnsafePointer<Float>?, width: Int, rows range: Range<Int>, into output: UnsafeMutablePointer<Float>?) {
        precondition(range.lowerBound >= 0 && range.upperBound <= rows, "rows \(range) out of range 0..<\(rows)")
        guard !range.isEmpty, width > 0, let output else { return }
        guard nonzeroCount > 0, let dense else {
            output.initialize(repeating: 0, count: range.count * width)
            return
        }
        rowOffsets.withUnsafeBufferPointer { allOffsets in
            columnIndices.withUnsafeBufferPointer { columnIndices in
                values.withUnsafeBufferPointer { values in
                    // The offsets of the range's rows (and the end of the last), still absolute.
                    let rangeOffsets = UnsafeBufferPointer(rebasing: allOffsets[range.lowerBound...range.upperBound])
                    let chunks = Self.rowChunks(offsets: rangeOffsets, width: width)
                    // Each iteration writes only its own rows of `output`.
                    nonisolated(unsafe) let output = output
                    nonisolated(unsafe) let offsets = rangeOffsets
                    nonisolated(unsafe) let columnIndices = columnIndices
                    nonisolated(unsafe) let values = values
                    nonisolated(unsafe) let dense = dense
                    let body: @Sendable (Int) -> Void = { chunk in
                        for i in chunks[chunk] {
                            let start = offsets[i]
                            Self.accumulateRow(
                                into: output + i * width, width: width,
                                columns: columnIndices.baseAddress.unsafelyUnwrapped + start,
                                values: values.baseAddress.unsafelyUnwrapped + start,
                                count: offsets[i + 1] - start, dense: dense)
                        }
                    }
                    if chunks.count == 1 {
                        body(0)
                    } else {
                        DispatchQueue.concurrentPerform(iterations: chunks.count, execute: body)
                    }
                }
            }
        }
    }

    /// Splits the rows into contiguous chunks of about equal work
    /// ((entries + 1) × width multiply-adds per row). Small products get one
    /// chunk (no threads); larger ones up to `maximumChunks`, several per
    /// core so that uneven rows still balance.
    static func rowChunks(offsets: UnsafeBufferPointer<Int>, width: Int) -> [Range<Int>] {
        let rows = offsets.count - 1
        let minimumWork = 1 << 18, maximumChunks = 32
        let base = offsets[0]  // offsets of a range of rows start above 0
        let totalWork = (offsets[rows] - base + rows) * width
        let chunkCount = min(maximumChunks, rows, totalWork / minimumWork)
        guard chunkCount > 1 else { return [0..<rows] }
        var chunks: [Range<Int>] = []
        chunks.reserveCapacity(chunkCount)
        var start = 0
        for c in 1...chunkCount {
            let target = totalWork / chunkCount * c
            var end = start
            if c == chunkCount {
                end = rows
            } else {
                // The first row at which cumulative work reaches the target.
                var low = start, high = rows
                while low < high {
                    let mid = (low + high) / 2
                    if (offsets[mid] - base + mid) * width < target { low = mid + 1 } else { high = mid }
                }
                end = low
            }
            if end > start {
                chunks.append(start..<end)
                start = end
            }
        }
        return chunks
    }

    /// `output[0..<width] = Σₚ values[p] · dense[columns[p] · width ..< +width]`.
    ///
    /// Four entries are folded per pass over the output row, so the row is
    /// loaded and stored a quarter as often; the inner loops are contiguous
    /// and vectorise. The order of the terms depends only on `count`.
    @inline(__always)
    static func accumulateRow(
        into output: UnsafeMutablePointer<Float>, width: Int,
        columns: UnsafePointer<Int32>, values: UnsafePointer<Float>, count: Int,
        dense: UnsafePointer<Float>
    ) {
        guard count > 0 else {
            output.update(repeating: 0, count: width)
            return
        }
        do {
            let b = dense + Int(columns[0]) * width, v = values[0]
            for j in 0..<width { output[j] = v * b[j] }
        }
        var p = 1
        while p + 4 <= count {
            let b0 = dense + Int(columns[p]) * width, v0 = values[p]
            let b1 = dense + Int(columns[p + 1]) * width, v1 = values[p + 1]
            let b2 = dense + Int(columns[p + 2]) * width, v2 = values[p + 2]
            let b3 = dense + Int(columns[p + 3]) * width, v3 = values[p + 3]
            for j in 0..<width {
                output[j] += (v0 * b0[j] + v1 * b1[j]) + (v2 * b2[j] + v3 * b3[j])
            }
            p += 4
        }
        while p < count {
            let b = dense + Int(columns[p]) * width, v = values[p]
            for j in 0..<width { output[j] += v * b[j] }
            p += 1
        }
    }
}
