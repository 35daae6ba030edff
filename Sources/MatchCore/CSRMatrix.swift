/// A sparse matrix of `Float` in compressed sparse row (CSR) form.
///
/// Row `i` holds the entries `rowOffsets[i] ..< rowOffsets[i + 1]` of
/// `columnIndices` and `values`; within a row the column indices are strictly
/// increasing. Entries stored explicitly may be zero (e.g. duplicates that
/// summed to zero): `nonzeroCount` counts stored entries.
///
/// `CSRMatrix` is how MatchCore holds term–document matrices (TF-IDF) and the
/// input of ``RandomizedSVD``. Its products with dense ``Matrix`` operands are
/// parallel over the machine's cores and deterministic: the same inputs give
/// the same bytes however the work is scheduled.
///
/// ```swift
/// let a = CSRMatrix(rows: 2, columns: 3, entries: [
///     (row: 0, column: 2, value: 1),
///     (row: 1, column: 0, value: 2),
///     (row: 0, column: 2, value: 3),      // duplicates are summed: (0, 2) = 4
/// ])
/// a[0, 2]                                 // 4
/// let y = a.multiplied(by: Matrix(rows: 3, columns: 1, elements: [1, 1, 1]))
/// y.elements                              // [4, 2]
/// ```
public struct CSRMatrix: Sendable, Equatable {
    /// Number of rows.
    public private(set) var rows: Int
    /// Number of columns.
    public let columns: Int
    /// Where each row starts in `columnIndices` and `values`; `rows + 1`
    /// non-decreasing offsets, the first 0 and the last `nonzeroCount`.
    public private(set) var rowOffsets: [Int]
    /// The column of each stored entry, strictly increasing within a row.
    public private(set) var columnIndices: [Int32]
    /// The value of each stored entry.
    public private(set) var values: [Float]

    /// Creates a matrix from its raw CSR arrays, validating them.
    ///
    /// ```swift
    /// // [[0, 5], [7, 0]]
    /// let m = CSRMatrix(rows: 2, columns: 2, rowOffsets: [0, 1, 2],
    ///                   columnIndices: [1, 0], values: [5, 7])
    /// ```
    ///
    /// - Parameters:
    ///   - rows: Number of rows, ≥ 0.
    ///   - columns: Number of columns, 0 ... `Int32.max`.
    ///   - rowOffsets: `rows + 1` non-decreasing offsets from 0 to `values.count`.
    ///   - columnIndices: One column per entry, in `0..<columns`, strictly
    ///     increasing within each row.
    ///   - values: One value per entry.
    /// - Precondition: the arrays form a valid CSR matrix (these are
    ///   programmer errors, checked in O(`rows` + `nonzeroCount`)).
    /// - Complexity: O(`rows` + `values.count`).
    public init(rows: Int, columns: Int, rowOffsets: [Int], columnIndices: [Int32], values: [Float]) {
        Self.checkDimensions(rows: rows, columns: columns)
        precondition(rowOffsets.count == rows + 1, "CSRMatrix needs rows + 1 = \(rows + 1) row offsets, got \(rowOffsets.count)")
        precondition(columnIndices.count == values.count,
                     "CSRMatrix needs one column index per value (\(columnIndices.count) vs \(values.count))")
        precondition(rowOffsets[0] == 0 && rowOffsets[rows] == values.count,
                     "CSRMatrix row offsets must run from 0 to the number of values")
        for i in 0..<rows {
            let start = rowOffsets[i], end = rowOffsets[i + 1]
            precondition(start <= end, "CSRMatrix row offsets must be non-decreasing (row \(i))")
            var previous = -1
            for p in start..<end {
                let column = Int(columnIndices[p])
                precondition(column > previous && column < columns,
                             "CSRMatrix row \(i): column indices must be strictly increasing and in 0..<\(columns)")
                previous = column
            }
        }
        self.rows = rows
        self.columns = columns
        self.rowOffsets = rowOffsets
        self.columnIndices = columnIndices
        self.values = values
    }

    /// Creates a matrix with no rows, ready for ``appendRow(_:)``.
    ///
    /// ```swift
    /// var m = CSRMatrix(columns: 4)
    /// m.appendRow([(column: 1, value: 0.5), (column: 3, value: 2)])
    /// m.appendRow([])                     // an empty row
    /// m.rows                              // 2
    /// ```
    ///
    /// - Parameter columns: Number of columns, 0 ... `Int32.max`.
    /// - Complexity: O(1).
    public init(columns: Int) {
        Self.checkDimensions(rows: 0, columns: columns)
        self.rows = 0
        self.columns = columns
        self.rowOffsets = [0]
        self.columnIndices = []
        self.values = []
    }

    /// Creates a matrix from the sorted entries of each row.
    ///
    /// ```swift
    /// let m = CSRMatrix(columns: 3, rowEntries: [
    ///     [(column: 0, value: 1), (column: 2, value: 4)],
    ///     [],
    /// ])
    /// ```
    ///
    /// - Parameters:
    ///   - columns: Number of columns, 0 ... `Int32.max`.
    ///   - rowEntries: For each row, its entries by strictly increasing column.
    /// - Precondition: columns are in `0..<columns` and strictly increasing
    ///   within each row.
    /// - Complexity: O(number of rows + number of entries).
    public init<Rows: Sequence>(columns: Int, rowEntries: Rows)
    where Rows.Element: Sequence, Rows.Element.Element == (column: Int, value: Float) {
        self.init(columns: columns)
        for entries in rowEntries { appendRow(entries) }
    }

    /// Creates a matrix from (row, column, value) triplets in any order;
    /// values given for the same position are summed.
    ///
    /// ```swift
    /// let m = CSRMatrix(rows: 3, columns: 3, entries: [
    ///     (row: 2, column: 1, value: 1), (row: 0, column: 0, value: 2),
    ///     (row: 2, column: 1, value: 0.5),
    /// ])
    /// m[2, 1]            // 1.5
    /// m.nonzeroCount     // 2
    /// ```
    ///
    /// - Parameters:
    ///   - rows: Number of rows, ≥ 0.
    ///   - columns: Number of columns, 0 ... `Int32.max`.
    ///   - entries: The triplets; each position within the dimensions.
    /// - Precondition: every triplet lies within the dimensions.
    /// - Complexity: O(*n* log *d* + `rows`) for *n* triplets and at most *d*
    ///   triplets in a row: a counting sort by row, then a sort within rows.
    public init(rows: Int, columns: Int, entries: some Sequence<(row: Int, column: Int, value: Float)>) {
        Self.checkDimensions(rows: rows, columns: columns)
        var counts = [Int](repeating: 0, count: rows + 1)
        var triplets: [(row: Int, column: Int, value: Float)] = []
        triplets.reserveCapacity(entries.underestimatedCount)
        for entry in entries {
            precondition(entry.row >= 0 && entry.row < rows && entry.column >= 0 && entry.column < columns,
                         "CSRMatrix entry (\(entry.row), \(entry.column)) is outside \(rows) × \(columns)")
            counts[entry.row + 1] += 1
            triplets.append(entry)
        }
        for i in 0..<rows { counts[i + 1] += counts[i] }
        // Counting sort by row (stable), then each row by column.
        var next = counts
        var columnIndices = [Int32](repeating: 0, count: triplets.count)
        var values = [Float](repeating: 0, count: triplets.count)
        for entry in triplets {
            let p = next[entry.row]
            columnIndices[p] = Int32(truncatingIfNeeded: entry.column)
            values[p] = entry.value
            next[entry.row] = p + 1
        }
        triplets = []
        // Sort within rows, sum duplicates, compact in place.
        var rowOffsets = [Int](repeating: 0, count: rows + 1)
        var write = 0
        var order: [Int] = []
        var rowColumns: [Int32] = []
        var rowValues: [Float] = []
        for i in 0..<rows {
            let start = counts[i], end = counts[i + 1]
            if end - start > 1 {
                order.removeAll(keepingCapacity: true)
                order.append(contentsOf: start..<end)
                // Stable: equal columns keep their input order, so duplicates
                // are summed in the order given.
                order.sort { columnIndices[$0] < columnIndices[$1] || (columnIndices[$0] == columnIndices[$1] && $0 < $1) }
                rowColumns.removeAll(keepingCapacity: true)
                rowValues.removeAll(keepingCapacity: true)
                for p in order {
                    if let last = rowColumns.last, last == columnIndices[p] {
                        rowValues[rowValues.count - 1] += values[p]
                    } else {
                        rowColumns.append(columnIndices[p])
                        rowValues.append(values[p])
                    }
                }
                for q in rowColumns.indices {
                    columnIndices[write] = rowColumns[q]
                    values[write] = rowValues[q]
                    write += 1
                }
            } else if end - start == 1 {
                columnIndices[write] = columnIndices[start]
                values[write] = values[start]
                write += 1
            }
            rowOffsets[i + 1] = write
        }
        columnIndices.removeSubrange(write...)
        values.removeSubrange(write...)
        self.rows = rows
        self.columns = columns
        self.rowOffsets = rowOffsets
        self.columnIndices = columnIndices
        self.values = values
    }

    /// Creates a matrix from arrays already known to be valid (no checks
    /// beyond debug assertions).
    init(validatedRows rows: Int, columns: Int, rowOffsets: [Int], columnIndices: [Int32], values: [Float]) {
        assert(rowOffsets.count == rows + 1 && columnIndices.count == values.count && rowOffsets.last == values.count)
        self.rows = rows
        self.columns = columns
        self.rowOffsets = rowOffsets
        self.columnIndices = columnIndices
        self.values = values
    }

    private static func checkDimensions(rows: Int, columns: Int) {
        precondition(rows >= 0 && columns >= 0, "CSRMatrix dimensions must be non-negative")
        precondition(columns <= Int(Int32.max), "CSRMatrix supports at most \(Int32.max) columns")
    }
}

// MARK: - Building and reading

extension CSRMatrix {
    /// The number of stored entries.
    ///
    /// - Complexity: O(1).
    public var nonzeroCount: Int { values.count }

    /// Whether the matrix has no elements (no rows or no columns).
    ///
    /// - Complexity: O(1).
    public var isEmpty: Bool { rows == 0 || columns == 0 }

    /// Appends a row given by its entries in strictly increasing column order.
    ///
    /// ```swift
    /// var m = CSRMatrix(columns: 3)
    /// m.appendRow([(column: 0, value: 1), (column: 2, value: 3)])
    /// ```
    ///
    /// - Parameter entries: The row's entries by strictly increasing column.
    /// - Precondition: columns are in `0..<columns` and strictly increasing.
    /// - Complexity: O(number of entries), amortised.
    public mutating func appendRow(_ entries: some Sequence<(column: Int, value: Float)>) {
        var previous = -1
        for entry in entries {
            precondition(entry.column > previous && entry.column < columns,
                         "CSRMatrix.appendRow: columns must be strictly increasing and in 0..<\(columns)")
            previous = entry.column
            columnIndices.append(Int32(truncatingIfNeeded: entry.column))
            values.append(entry.value)
        }
        rowOffsets.append(values.count)
        rows += 1
    }

    /// Reserves storage for `rows` more rows and `nonzeros` more entries, so
    /// that a sequence of ``appendRow(_:)`` calls does not reallocate.
    ///
    /// - Parameters:
    ///   - rows: Rows about to be appended.
    ///   - nonzeros: Entries about to be appended.
    /// - Complexity: O(current size).
    public mutating func reserveCapacity(rows: Int, nonzeros: Int) {
        rowOffsets.reserveCapacity(rowOffsets.count + rows)
        columnIndices.reserveCapacity(columnIndices.count + nonzeros)
        values.reserveCapacity(values.count + nonzeros)
    }

    /// The stored entries of one row, without copying.
    ///
    /// ```swift
    /// for (column, value) in matrix.row(3) { print(column, value) }
    /// ```
    ///
    /// - Parameter index: A row in `0..<rows`.
    /// - Returns: A collection of (column, value) pairs by increasing column.
    /// - Complexity: O(1).
    public func row(_ index: Int) -> Row {
        precondition(index >= 0 && index < rows, "Row index \(index) out of range 0..<\(rows)")
        let range = rowOffsets[index]..<rowOffsets[index + 1]
        return Row(columnIndices: columnIndices[range], values: values[range])
    }

    /// The element at (`row`, `column`): the stored value, or 0.
    ///
    /// - Complexity: O(log *d*) for *d* entries in the row (binary search).
    public subscript(row: Int, column: Int) -> Float {
        precondition(row >= 0 && row < rows && column >= 0 && column < columns, "CSRMatrix index out of range")
        var low = rowOffsets[row], high = rowOffsets[row + 1]
        let target = Int32(truncatingIfNeeded: column)
        while low < high {
            let mid = (low + high) / 2
            if columnIndices[mid] < target { low = mid + 1 } else { high = mid }
        }
        return low < rowOffsets[row + 1] && columnIndices[low] == target ? values[low] : 0
    }

    /// The stored entries of one row of a ``CSRMatrix``: (column, value)
    /// pairs by increasing column.
    ///
    /// ```swift
    /// let row = matrix.row(0)
    /// row.count                 // stored entries in row 0
    /// row.first?.column         // its smallest column, if any
    /// ```
    public struct Row: RandomAccessCollection, Sendable {
        /// The columns of the entries, strictly increasing.
        public let columnIndices: ArraySlice<Int32>
        /// The values of the entries.
        public let values: ArraySlice<Float>

        /// The position of the first entry (always 0).
        public var startIndex: Int { 0 }
        /// One past the position of the last entry: the number of entries.
        public var endIndex: Int { values.count }

        /// The entry at `position`, in `0..<count`.
        ///
        /// - Complexity: O(1).
        public subscript(position: Int) -> (column: Int, value: Float) {
            precondition(position >= 0 && position < values.count, "CSRMatrix.Row position out of range")
            return (Int(columnIndices[columnIndices.startIndex + position]), values[values.startIndex + position])
        }
    }
}

// MARK: - Scaling

extension CSRMatrix {
    /// Multiplies every stored value of column `j` by `factors[j]`, in place
    /// (e.g. TF-IDF's inverse document frequencies).
    ///
    /// ```swift
    /// var tf = CSRMatrix(rows: 1, columns: 2, entries: [(row: 0, column: 1, value: 3)])
    /// tf.scaleColumns(by: [1, 0.5])          // (0, 1) becomes 1.5
    /// ```
    ///
    /// - Parameter factors: One factor per column.
    /// - Precondition: `factors.count == columns`.
    /// - Complexity: O(`nonzeroCount`).
    public mutating func scaleColumns(by factors: [Float]) {
        precondition(factors.count == columns, "scaleColumns needs \(columns) factors, got \(factors.count)")
        columnIndices.withUnsafeBufferPointer { columns in
            factors.withUnsafeBufferPointer { factors in
                values.withUnsafeMutableBufferPointer { values in
                    for p in values.indices { values[p] *= factors[Int(columns[p])] }
                }
            }
        }
    }

    /// Scales every row to unit Euclidean length, in place. A row without
    /// stored entries or whose entries are all zero stays as it is (never
    /// NaN); a row holding non-finite values is set to zero.
    ///
    /// The norm is accumulated in `Double`, as ``Matrix/normalizeRows()`` does.
    ///
    /// ```swift
    /// var m = CSRMatrix(rows: 1, columns: 2, entries: [(row: 0, column: 0, value: 3),
    ///                                                   (row: 0, column: 1, value: 4)])
    /// m.normalizeRows()                      // row 0 becomes [0.6, 0.8]
    /// ```
    ///
    /// - Complexity: O(`rows` + `nonzeroCount`).
    public mutating func normalizeRows() {
        let rows = self.rows
        rowOffsets.withUnsafeBufferPointer { offsets in
            values.withUnsafeMutableBufferPointer { values in
                for i in 0..<rows {
                    let range = offsets[i]..<offsets[i + 1]
                    var sum: Double = 0
                    for p in range {
                        let v = Double(values[p])
                        sum += v * v
                    }
                    guard sum.isFinite else {
                        for p in range { values[p] = 0 }
                        continue
                    }
                    guard sum > 0 else { continue }
                    let scale = Float(1 / sum.squareRoot())
                    for p in range { values[p] *= scale }
                }
            }
        }
    }
}
