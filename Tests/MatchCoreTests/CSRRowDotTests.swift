import MatchCore
import Testing

/// `CSRMatrix.dotRow` against `Matrix.dotRow` of the dense equivalents: the same bits.
struct CSRRowDotTests {
    @Test(arguments: [1, 7, 8, 9, 16, 61, 512, 515])
    func sparseRowDotIsTheDenseDotBitForBit(width: Int) {
        var random = SeededRandomNumberGenerator(seed: UInt64(width))
        let rows = 24
        // Densities from empty rows to full ones; values of both signs and mixed magnitudes.
        var elements = [Float](repeating: 0, count: rows * width)
        for row in 0..<rows {
            let density = Double(row % 6) / 5
            for column in 0..<width where Double.random(in: 0..<1, using: &random) < density {
                elements[row * width + column] = Float.random(in: -1...1, using: &random) * (Bool.random(using: &random) ? 1 : 1e-3)
            }
        }
        let dense = Matrix(rows: rows, columns: width, elements: elements)
        let sparse = CSRMatrix(dense)
        var compared = 0
        for i in 0..<rows {
            for j in 0..<rows {
                let expected = dense.dotRow(i, with: dense, row: j)
                let actual = sparse.dotRow(i, with: sparse, row: j)
                #expect(actual.bitPattern == expected.bitPattern, "rows \(i), \(j): \(actual) vs \(expected)")
                compared += 1
            }
        }
        #expect(compared == rows * rows)
    }

    @Test func disjointAndEmptyRowsGiveZero() {
        let a = CSRMatrix(Matrix(rows: 3, columns: 10, elements: [
            1, 0, 2, 0, 0, 0, 0, 0, 0, 3,
            0, 4, 0, 5, 0, 0, 0, 0, 6, 0,
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        ]))
        #expect(a.dotRow(0, with: a, row: 1) == 0)
        #expect(a.dotRow(0, with: a, row: 2) == 0)
        #expect(a.dotRow(0, with: a, row: 0) == 14)
        #expect(a.dotRow(1, with: a, row: 1) == 77)
    }
}
