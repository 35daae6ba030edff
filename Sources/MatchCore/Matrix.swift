import Dispatch

/// A dense, row-major matrix of `Float`, stored contiguously.
///
/// `Matrix` is the currency of MatchCore: latent vectors of participants are
/// its rows, and BLAS routines read and write its storage directly.
///
/// ```swift
/// var m = Matrix(rows: 2, columns: 3, elements: [3, 4, 0,  0, 0, 0])
/// m.normalizeRows()          // row 0 becomes [0.6, 0.8, 0]; row 1 stays zero
/// m[0, 1]                    // 0.8
/// ```
public struct Matrix: Sendable, Equatable, Hashable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// The elements in row-major order: element (i, j) is at `i * columns + j`.
    public private(set) var elements: [Float]

    /// Creates a matrix filled with one value.
    ///
    /// - Parameters:
    ///   - rows: Number of rows, ≥ 0.
    ///   - columns: Number of columns, ≥ 0.
    ///   - value: The value of every element (default 0).
    public init(rows: Int, columns: Int, repeating value: Float = 0) {
        precondition(rows >= 0 && columns >= 0, "Matrix dimensions must be non-negative")
        let (count, overflow) = rows.multipliedReportingOverflow(by: columns)
        precondition(!overflow, "Matrix dimensions overflow")
        self.rows = rows
        self.columns = columns
        self.elements = Array(repeating: value, count: count)
    }

    /// Creates a matrix from its elements in row-major order.
    ///
    /// - Precondition: `elements.count == rows * columns`.
    public init(rows: Int, columns: Int, elements: [Float]) {
        precondition(rows >= 0 && columns >= 0, "Matrix dimensions must be non-negative")
        precondition(elements.count == rows * columns,
                     "Matrix(rows: \(rows), columns: \(columns)) needs \(rows * columns) elements, got \(elements.count)")
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    /// Creates a matrix from an array of equally long rows.
    ///
    /// - Parameters:
    ///   - rowArrays: The rows; all must have `columns` elements.
    ///   - columns: The number of columns (needed when `rowArrays` is empty).
    public init(rowArrays: [[Float]], columns: Int) {
        precondition(rowArrays.allSatisfy { $0.count == columns }, "All rows must have \(columns) elements")
        self.init(rows: rowArrays.count, columns: columns, elements: rowArrays.flatMap { $0 })
    }

    /// Whether the matrix has no elements.
    @inlinable public var isEmpty: Bool { rows == 0 || columns == 0 }

    /// The element at row `row`, column `column`.
    public subscript(row: Int, column: Int) -> Float {
        get {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns, "Matrix index out of range")
            return elements[row * columns + column]
        }
        set {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns, "Matrix index out of range")
            elements[row * columns + column] = newValue
        }
    }

    /// The elements of one row, as a slice of the storage (no copy).
    ///
    /// - Complexity: O(1).
    @inlinable
    public func row(_ index: Int) -> ArraySlice<Float> {
        precondition(index >= 0 && index < rows, "Row index \(index) out of range 0..<\(rows)")
        return elements[(index * columns)..<((index + 1) * columns)]
    }

    /// The dot product of row `i` of this matrix with row `j` of another of the same width.
    ///
    /// - Precondition: Both rows exist and the widths match.
    /// - Complexity: O(columns), without copying either row.
    @inlinable
    public func dotRow(_ i: Int, with other: Matrix, row j: Int) -> Float {
        precondition(columns == other.columns, "rows of different widths")
        precondition(i >= 0 && i < rows && j >= 0 && j < other.rows, "row out of range")
        let n = columns
        return elements.withUnsafeBufferPointer { x in
            other.elements.withUnsafeBufferPointer { y in
                guard let xs = x.baseAddress, let ys = y.baseAddress else { return 0 }
                return Self.laneDot(xs + i * n, ys + j * n, count: n)
            }
        }
    }

    /// The dot product of ``dotRow(_:with:row:)``: eight lanes in a fixed
    /// order, then the rest one by one — vectorised, and the same bits on
    /// every machine and thread count.
    @inlinable @inline(__always)
    static func laneDot(_ u: UnsafePointer<Float>, _ v: UnsafePointer<Float>, count n: Int) -> Float {
        var lanes = SIMD8<Float>()
        var k = 0
        while k + 8 <= n {
            let a = UnsafeRawPointer(u + k).loadUnaligned(as: SIMD8<Float>.self)
            let b = UnsafeRawPointer(v + k).loadUnaligned(as: SIMD8<Float>.self)
            lanes += a * b
            k += 8
        }
        var sum = lanes.sum()
        while k < n {
            sum += u[k] * v[k]
            k += 1
        }
        return sum
    }

    /// ``laneDot(_:_:count:)`` of `u` with four consecutive rows of `count`
    /// floats starting at `v`, each computed exactly as that function does.
    @inline(__always)
    static func laneDots(_ u: UnsafePointer<Float>, _ v: UnsafePointer<Float>, count n: Int) -> SIMD4<Float> {
        var lanes0 = SIMD8<Float>(), lanes1 = SIMD8<Float>(), lanes2 = SIMD8<Float>(), lanes3 = SIMD8<Float>()
        let v0 = v, v1 = v + n, v2 = v + 2 * n, v3 = v + 3 * n
        var k = 0
        while k + 8 <= n {
            let a = UnsafeRawPointer(u + k).loadUnaligned(as: SIMD8<Float>.self)
            lanes0 += a * UnsafeRawPointer(v0 + k).loadUnaligned(as: SIMD8<Float>.self)
            lanes1 += a * UnsafeRawPointer(v1 + k).loadUnaligned(as: SIMD8<Float>.self)
            lanes2 += a * UnsafeRawPointer(v2 + k).loadUnaligned(as: SIMD8<Float>.self)
            lanes3 += a * UnsafeRawPointer(v3 + k).loadUnaligned(as: SIMD8<Float>.self)
            k += 8
        }
        var sums = SIMD4<Float>(lanes0.sum(), lanes1.sum(), lanes2.sum(), lanes3.sum())
        while k < n {
            sums[0] += u[k] * v0[k]
            sums[1] += u[k] * v1[k]
            sums[2] += u[k] * v2[k]
            sums[3] += u[k] * v3[k]
            k += 1
        }
        return sums
    }

    /// The dot products of the rows `rows` with each other, as a
    /// `rows.count × rows.count` row-major symmetric matrix with a zero
    /// diagonal: entry (x, y) is `dotRow(rows[x], with: self, row: rows[y])`,
    /// bit for bit. The rows are copied side by side first, so that each is
    /// fetched once instead of once per pair.
    ///
    /// - Precondition: every index is a row of the matrix.
    /// - Complexity: O(c² · columns) for c rows.
    public func rowDots(among rows: [Int]) -> [Float] {
        let count = rows.count, n = columns
        precondition(rows.allSatisfy { $0 >= 0 && $0 < self.rows }, "row out of range")
        var result = [Float](repeating: 0, count: count * count)
        guard count > 1, n > 0 else { return result }
        withUnsafeTemporaryAllocation(of: Float.self, capacity: count * n) { packed in
            guard let packedBase = packed.baseAddress else { return }
            elements.withUnsafeBufferPointer { source in
                guard let sourceBase = source.baseAddress else { return }
                for (x, row) in rows.enumerated() { (packedBase + x * n).initialize(from: sourceBase + row * n, count: n) }
            }
            result.withUnsafeMutableBufferPointer { out in
                for x in 0..<count {
                    let u = UnsafePointer(packedBase + x * n)
                    var y = x + 1
                    // Four rows at a time share the loads of row x; each dot product keeps its own lanes,
                    // summed in the order of laneDot, so the bits are the same.
                    while y + 4 <= count {
                        let dots = Self.laneDots(u, UnsafePointer(packedBase + y * n), count: n)
                        for offset in 0..<4 {
                            out[x * count + y + offset] = dots[offset]
                            out[(y + offset) * count + x] = dots[offset]
                        }
                        y += 4
                    }
                    while y < count {
                        let dot = Self.laneDot(u, packedBase + y * n, count: n)
                        out[x * count + y] = dot
                        out[y * count + x] = dot
                        y += 1
                    }
                }
            }
        }
        return result
    }

    /// Replaces one row.
    ///
    /// - Precondition: `values.count == columns`.
    public mutating func setRow(_ index: Int, to values: some Collection<Float>) {
        precondition(index >= 0 && index < rows, "Row index \(index) out of range 0..<\(rows)")
        precondition(values.count == columns, "A row of this matrix has \(columns) elements, got \(values.count)")
        elements.replaceSubrange((index * columns)..<((index + 1) * columns), with: values)
    }

    /// A matrix made of the given rows of this one, in the given order.
    ///
    /// - Complexity: O(`indices.count` × `columns`).
    public func rows(_ indices: some Sequence<Int>) -> Matrix {
        var out: [Float] = []
        out.reserveCapacity(indices.underestimatedCount * columns)
        var count = 0
        for i in indices {
            out.append(contentsOf: row(i))
            count += 1
        }
        return Matrix(rows: count, columns: columns, elements: out)
    }

    /// The consecutive rows `range` of this matrix, copied in one block.
    ///
    /// - Precondition: `range` lies within `0..<rows`.
    /// - Complexity: O(`range.count` × `columns`).
    public func rows(_ range: Range<Int>) -> Matrix {
        precondition(range.lowerBound >= 0 && range.upperBound <= rows, "Rows \(range) out of range 0..<\(rows)")
        return Matrix(
            rows: range.count, columns: columns,
            elements: Array(elements[(range.lowerBound * columns)..<(range.upperBound * columns)]))
    }

    /// The transpose of this matrix.
    ///
    /// - Complexity: O(`rows` × `columns`).
    public func transposed() -> Matrix {
        var out = Matrix(rows: columns, columns: rows)
        withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for i in 0..<rows {
                    for j in 0..<columns { dst[j * rows + i] = src[i * columns + j] }
                }
            }
        }
        return out
    }

    /// Scales every row to unit Euclidean length, in place. A zero row stays
    /// zero (never NaN); rows holding non-finite values are set to zero.
    ///
    /// The norm is accumulated in `Double` so that long rows of small values
    /// neither underflow nor lose precision.
    ///
    /// Large matrices are split into fixed blocks of rows on all cores; each
    /// row is computed the same way wherever it runs, so the result does not
    /// depend on the core count.
    ///
    /// - Complexity: O(`rows` × `columns`).
    public mutating func normalizeRows() {
        let columns = self.columns, rows = self.rows
        withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let blockRows = max(1, (1 << 16) / max(columns, 1))  // about 256 KB of floats a block
            let blocks = (rows + blockRows - 1) / blockRows
            nonisolated(unsafe) let elements = base
            let body: @Sendable (Int) -> Void = { block in
                for i in (block * blockRows)..<min(rows, (block + 1) * blockRows) {
                    Self.normalize(elements + i * columns, count: columns)
                }
            }
            if blocks > 1 && ProcessorCount.active > 1 {
                DispatchQueue.concurrentPerform(iterations: blocks, execute: body)
            } else {
                for block in 0..<blocks { body(block) }
            }
        }
    }

    /// One row of ``normalizeRows()``.
    private static func normalize(_ row: UnsafeMutablePointer<Float>, count: Int) {
        var sum: Double = 0
        for j in 0..<count {
            let v = Double(row[j])
            sum += v * v
        }
        guard sum.isFinite, sum > 0 else {
            row.update(repeating: 0, count: count)
            return
        }
        let scale = Float(1 / sum.squareRoot())
        for j in 0..<count { row[j] *= scale }
    }

    /// Calls `body` with the contiguous row-major storage.
    @inlinable
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows -> R {
        try elements.withUnsafeBufferPointer(body)
    }

    /// Calls `body` with the contiguous row-major storage, mutable.
    public mutating func withUnsafeMutableBufferPointer<R>(
        _ body: (inout UnsafeMutableBufferPointer<Float>) throws -> R
    ) rethrows -> R {
        try elements.withUnsafeMutableBufferPointer(body)
    }
}

extension Matrix {
    /// The product `self · other` (or `self · otherᵀ`), computed by BLAS.
    ///
    /// Calls `cblas_sgemm`.
    ///
    /// - Parameters:
    ///   - other: The right operand.
    ///   - transposingOther: Multiply by `otherᵀ` instead of `other`.
    /// - Returns: A `rows × n` matrix.
    /// - Precondition: the inner dimensions agree.
    /// - Complexity: O(`rows` × n × inner dimension) flops.
    public func multiplied(by other: Matrix, transposingOther: Bool = false) -> Matrix {
        let inner = transposingOther ? other.columns : other.rows
        let n = transposingOther ? other.rows : other.columns
        precondition(columns == inner, "Matrix product needs matching inner dimensions (\(columns) vs \(inner))")
        var out = Matrix(rows: rows, columns: n)
        // One BLAS thread: the same bits on any thread or core count (see RandomizedSVD.decompose).
        BLASThreading.withSingleThreadedBLAS {
            withUnsafeBufferPointer { a in
                other.withUnsafeBufferPointer { b in
                    out.withUnsafeMutableBufferPointer { c in
                        LinearAlgebra.gemm(
                            transposeA: false, transposeB: transposingOther,
                            m: rows, n: n, k: columns,
                            alpha: 1, a: a.baseAddress, lda: max(columns, 1),
                            b: b.baseAddress, ldb: max(other.columns, 1),
                            beta: 0, c: c.baseAddress, ldc: max(n, 1))
                    }
                }
            }
        }
        return out
    }
}
