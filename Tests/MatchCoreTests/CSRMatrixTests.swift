import Testing
@testable import MatchCore

/// Seeded random sparse inputs and plain dense references for the CSR tests.
private enum SparseFixtures {
    /// Random triplets with the given density, including duplicates (about
    /// one in eight positions is given twice) and some empty rows.
    static func triplets(rows: Int, columns: Int, density: Double, seed: UInt64) -> [(row: Int, column: Int, value: Float)] {
        var generator = SeededRandomNumberGenerator(seed: seed)
        var result: [(row: Int, column: Int, value: Float)] = []
        for i in 0..<rows where rows < 3 || i % 7 != 3 {       // every 7th row empty
            for j in 0..<columns where Double.random(in: 0..<1, using: &generator) < density {
                let value = Float.random(in: -1..<1, using: &generator)
                result.append((row: i, column: j, value: value))
                if Int.random(in: 0..<8, using: &generator) == 0 {
                    result.append((row: i, column: j, value: Float.random(in: -1..<1, using: &generator)))
                }
            }
        }
        result.shuffle(using: &generator)
        return result
    }

    /// A random sparse matrix of the given shape, its triplets and its dense form.
    static func sample(_ shape: (Int, Int, Double, Int), seed: UInt64)
        -> (matrix: CSRMatrix, triplets: [(row: Int, column: Int, value: Float)], dense: [[Float]])
    {
        let (rows, columns, density, _) = shape
        let triplets = triplets(rows: rows, columns: columns, density: density, seed: seed)
        return (CSRMatrix(rows: rows, columns: columns, entries: triplets), triplets,
                dense(rows: rows, columns: columns, triplets))
    }

    /// The dense matrix the triplets describe (duplicates summed in input order).
    static func dense(rows: Int, columns: Int, _ triplets: [(row: Int, column: Int, value: Float)]) -> [[Float]] {
        var a = [[Float]](repeating: [Float](repeating: 0, count: columns), count: rows)
        for t in triplets { a[t.row][t.column] += t.value }
        return a
    }

    static func matrix(rows: Int, columns: Int, seed: UInt64) -> Matrix {
        var generator = SeededRandomNumberGenerator(seed: seed)
        return Matrix(rows: rows, columns: columns,
                      elements: (0..<(rows * columns)).map { _ in Float.random(in: -1..<1, using: &generator) })
    }

    /// A · B by the triple loop, in Double (zero elements of A skipped).
    static func product(_ a: [[Float]], columns: Int, _ b: Matrix) -> [[Double]] {
        let width = b.columns
        return a.map { row in
            var out = [Double](repeating: 0, count: width)
            for j in 0..<columns where row[j] != 0 {
                let base = j * width
                for k in 0..<width { out[k] += Double(row[j]) * Double(b.elements[base + k]) }
            }
            return out
        }
    }

    static func transpose(_ a: [[Float]], columns: Int) -> [[Float]] {
        (0..<columns).map { j in a.map { $0[j] } }
    }

    /// Checks `actual` against `expected` with a tolerance scaled to the
    /// number of terms.
    static func expectClose(_ actual: Matrix, _ expected: [[Double]], terms: Int,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(actual.rows == expected.count, sourceLocation: sourceLocation)
        var worst = 0.0
        for i in 0..<actual.rows {
            let base = i * actual.columns
            for k in 0..<actual.columns {
                worst = max(worst, abs(Double(actual.elements[base + k]) - expected[i][k]))
            }
        }
        #expect(worst <= 1e-6 * Double(max(terms, 1)) + 1e-6, "largest error \(worst)", sourceLocation: sourceLocation)
    }
}

@Suite("CSRMatrix")
struct CSRMatrixTests {
    /// (rows, columns, density, width of the dense operand). The last shapes
    /// are large enough to be split over threads.
    static let shapes: [(Int, Int, Double, Int)] = [
        (0, 0, 0.5, 3), (0, 4, 0.5, 2), (4, 0, 0.5, 2), (3, 5, 0.5, 0),
        (1, 1, 1, 1), (1, 9, 0.6, 4), (9, 1, 0.6, 4), (1, 1, 0, 5),
        (13, 11, 0.3, 7), (40, 60, 0.1, 17), (600, 500, 0.1, 40), (2_000, 300, 0.05, 33),
    ]

    @Test(arguments: shapes)
    func tripletsBuildTheDenseMatrix(shape: (Int, Int, Double, Int)) {
        let (rows, columns, _, _) = shape
        let (a, triplets, dense) = SparseFixtures.sample(shape, seed: 11)
        #expect(a.rows == rows && a.columns == columns)
        #expect(a.rowOffsets.count == rows + 1)
        for i in 0..<rows {
            let row = a.row(i)
            #expect(zip(row.columnIndices, row.columnIndices.dropFirst()).allSatisfy { $0 < $1 })
            for j in 0..<columns {
                #expect(abs(a[i, j] - dense[i][j]) <= 1e-6)
            }
        }
        let positions = Set(triplets.map { $0.row * max(columns, 1) + $0.column })
        #expect(a.nonzeroCount == positions.count)
    }

    @Test(arguments: shapes)
    func productsMatchTripleLoop(shape: (Int, Int, Double, Int)) {
        let (rows, columns, _, width) = shape
        let (a, _, dense) = SparseFixtures.sample(shape, seed: 12)

        let b = SparseFixtures.matrix(rows: columns, columns: width, seed: 13)
        let product = a.multiplied(by: b)
        #expect(product.rows == rows && product.columns == width)
        SparseFixtures.expectClose(product, SparseFixtures.product(dense, columns: columns, b), terms: columns)

        let c = SparseFixtures.matrix(rows: rows, columns: width + 1, seed: 14)
        let transposedProduct = a.transposedMultiplied(by: c)
        #expect(transposedProduct.rows == columns && transposedProduct.columns == width + 1)
        let expected = SparseFixtures.product(SparseFixtures.transpose(dense, columns: columns), columns: rows, c)
        SparseFixtures.expectClose(transposedProduct, expected, terms: rows)
    }

    @Test(arguments: shapes)
    func transposeSwapsIndices(shape: (Int, Int, Double, Int)) {
        let (rows, columns, _, _) = shape
        let a = SparseFixtures.sample(shape, seed: 16).matrix
        let t = a.transposed()
        #expect(t.rows == columns && t.columns == rows && t.nonzeroCount == a.nonzeroCount)
        #expect(Matrix(t) == Matrix(a).transposed())
        #expect(t.transposed() == a)
    }

    /// A range of rows multiplied alone gives those rows of the whole product, bit for bit (the
    /// encoder projects the offer half and the need half of its documents this way), for ranges
    /// at either end, in the middle, of one row and empty, on matrices large enough to be split
    /// over the cores.
    @Test(arguments: shapes)
    func rowRangesAreTheRowsOfTheWholeProduct(shape: (Int, Int, Double, Int)) {
        let (rows, columns, _, width) = shape
        let a = SparseFixtures.sample(shape, seed: 21).matrix
        let b = SparseFixtures.matrix(rows: columns, columns: width, seed: 22)
        let whole = a.multiplied(by: b)
        let half = rows / 2
        for range in [0..<rows, 0..<half, half..<rows, (rows / 3)..<(2 * rows / 3), max(0, rows - 1)..<rows, half..<half] {
            let part = a.multiplied(by: b, rows: range)
            #expect(part.rows == range.count && part.columns == width)
            #expect(part.elements.map(\.bitPattern) == whole.rows(range).elements.map(\.bitPattern), "rows \(range)")
        }
    }

    @Test func productsAreDeterministic() {
        let a = CSRMatrix(rows: 3_000, columns: 800,
                          entries: SparseFixtures.triplets(rows: 3_000, columns: 800, density: 0.02, seed: 17))
        let b = SparseFixtures.matrix(rows: 800, columns: 64, seed: 18)
        let first = a.multiplied(by: b)
        for _ in 0..<3 { #expect(a.multiplied(by: b) == first) }
        let c = SparseFixtures.matrix(rows: 3_000, columns: 48, seed: 19)
        #expect(a.transposedMultiplied(by: c) == a.transposedMultiplied(by: c))
    }

    @Test func rowEntriesAppendRowAndRawArraysAgree() {
        let triplets = SparseFixtures.triplets(rows: 30, columns: 20, density: 0.2, seed: 20)
        let a = CSRMatrix(rows: 30, columns: 20, entries: triplets)
        let rows = (0..<30).map { Array(a.row($0)) }
        let fromRows = CSRMatrix(columns: 20, rowEntries: rows)
        #expect(fromRows == a)
        var appended = CSRMatrix(columns: 20)
        appended.reserveCapacity(rows: 30, nonzeros: a.nonzeroCount)
        for row in rows { appended.appendRow(row) }
        #expect(appended == a)
        let raw = CSRMatrix(rows: 30, columns: 20, rowOffsets: a.rowOffsets,
                            columnIndices: a.columnIndices, values: a.values)
        #expect(raw == a)
    }

    @Test func duplicatesAreSummedAndRowsSorted() {
        let a = CSRMatrix(rows: 2, columns: 4, entries: [
            (row: 1, column: 3, value: 1), (row: 1, column: 0, value: 2),
            (row: 1, column: 3, value: 0.5), (row: 0, column: 2, value: -1),
            (row: 0, column: 2, value: 1),
        ])
        #expect(a.rowOffsets == [0, 1, 3])
        #expect(a.columnIndices == [2, 0, 3])
        #expect(a.values == [0, 2, 1.5])    // the explicit zero is kept
        #expect(a[1, 3] == 1.5 && a[1, 1] == 0 && a[0, 2] == 0)
        #expect(a.row(1).map(\.column) == [0, 3])
    }

    @Test func emptyShapes() {
        let empty = CSRMatrix(rows: 0, columns: 0, entries: [])
        #expect(empty.isEmpty && empty.nonzeroCount == 0 && empty.rowOffsets == [0])
        let wide = CSRMatrix(rows: 0, columns: 5, entries: [])
        #expect(wide.multiplied(by: Matrix(rows: 5, columns: 3)) == Matrix(rows: 0, columns: 3))
        #expect(wide.transposedMultiplied(by: Matrix(rows: 0, columns: 2)) == Matrix(rows: 5, columns: 2))
        let tall = CSRMatrix(rows: 4, columns: 0, entries: [])
        #expect(tall.multiplied(by: Matrix(rows: 0, columns: 2)) == Matrix(rows: 4, columns: 2))
        #expect(tall.transposed() == CSRMatrix(rows: 0, columns: 4, entries: []))
    }

    @Test func denseConversionsRoundTrip() {
        let dense = SparseFixtures.matrix(rows: 9, columns: 7, seed: 21)
        var sparse = CSRMatrix(dense)
        #expect(sparse.nonzeroCount == dense.elements.filter { $0 != 0 }.count)
        #expect(Matrix(sparse) == dense)
        sparse = CSRMatrix(Matrix(rows: 2, columns: 3, elements: [0, 1, 0, 0, 0, 0]))
        #expect(sparse.rowOffsets == [0, 1, 1] && sparse.columnIndices == [1])
    }

    @Test func scaleColumnsMultipliesEachColumn() {
        let triplets = SparseFixtures.triplets(rows: 12, columns: 6, density: 0.5, seed: 22)
        var a = CSRMatrix(rows: 12, columns: 6, entries: triplets)
        let before = Matrix(a)
        let factors: [Float] = [1, 0, 2, -1, 0.5, 3]
        a.scaleColumns(by: factors)
        for i in 0..<12 {
            for j in 0..<6 { #expect(a[i, j] == before[i, j] * factors[j]) }
        }
    }

    @Test func normalizeRowsGivesUnitRowsAndKeepsZeroRows() {
        var a = CSRMatrix(rows: 4, columns: 3, entries: [
            (row: 0, column: 0, value: 3), (row: 0, column: 2, value: 4),
            (row: 2, column: 1, value: 0),
            (row: 3, column: 0, value: .nan), (row: 3, column: 1, value: 1),
        ])
        a.normalizeRows()
        #expect(abs(a[0, 0] - 0.6) < 1e-7 && abs(a[0, 2] - 0.8) < 1e-7)
        #expect(a.row(1).isEmpty)
        #expect(a[2, 1] == 0 && !a[2, 1].isNaN)
        #expect(a[3, 0] == 0 && a[3, 1] == 0)

        var random = CSRMatrix(rows: 50, columns: 30,
                               entries: SparseFixtures.triplets(rows: 50, columns: 30, density: 0.3, seed: 23))
        random.normalizeRows()
        for i in 0..<50 where !random.row(i).isEmpty {
            let norm = random.row(i).reduce(0.0) { $0 + Double($1.value) * Double($1.value) }
            #expect(norm == 0 || abs(norm - 1) < 1e-5)
        }
    }

    @Test func rowChunksCoverAllRowsInOrder() {
        let a = CSRMatrix(rows: 5_000, columns: 400,
                          entries: SparseFixtures.triplets(rows: 5_000, columns: 400, density: 0.03, seed: 24))
        a.rowOffsets.withUnsafeBufferPointer { offsets in
            let chunks = CSRMatrix.rowChunks(offsets: offsets, width: 64)
            #expect(chunks.count > 1)
            #expect(chunks.first?.lowerBound == 0 && chunks.last?.upperBound == 5_000)
            #expect(zip(chunks, chunks.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
            #expect(chunks.allSatisfy { !$0.isEmpty })
        }
    }

    @Test func invalidRawArraysTrap() async {
        await #expect(processExitsWith: .failure) {
            _ = CSRMatrix(rows: 1, columns: 3, rowOffsets: [0, 2], columnIndices: [2, 1], values: [1, 1])
        }
        await #expect(processExitsWith: .failure) {
            _ = CSRMatrix(rows: 1, columns: 3, rowOffsets: [0, 1], columnIndices: [3], values: [1])
        }
        await #expect(processExitsWith: .failure) {
            var m = CSRMatrix(columns: 2)
            m.appendRow([(column: 1, value: 1), (column: 1, value: 2)])
        }
    }
}
