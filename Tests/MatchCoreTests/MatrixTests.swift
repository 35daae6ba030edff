import Testing
import MatchCore

struct MatrixTests {
    @Test func normalizeRowsKeepsZeroRowsZero() {
        var m = Matrix(rows: 3, columns: 3, elements: [3, 4, 0, 0, 0, 0, .nan, 1, 1])
        m.normalizeRows()
        #expect(m.row(0) == [0.6, 0.8, 0])
        #expect(m.row(1) == [0, 0, 0])
        #expect(m.row(2) == [0, 0, 0], "a row with a non-finite value becomes zero, never NaN")
    }

    @Test func normalizeRowsGivesUnitNorms() {
        var random = SeededRandom(seed: 5)
        var m = random.matrix(rows: 50, columns: 17)
        m.normalizeRows()
        for i in 0..<50 {
            let norm = m.row(i).reduce(0) { $0 + Double($1) * Double($1) }.squareRoot()
            #expect(abs(norm - 1) < 1e-6)
        }
    }

    @Test func rowAccessAndSubscripts() {
        var m = Matrix(rows: 2, columns: 3, elements: [1, 2, 3, 4, 5, 6])
        #expect(m[1, 2] == 6)
        m[0, 1] = 9
        #expect(m.row(0) == [1, 9, 3])
        m.setRow(1, to: [7, 8, 9])
        #expect(m.elements == [1, 9, 3, 7, 8, 9])
        #expect(m.rows([1, 0]).elements == [7, 8, 9, 1, 9, 3])
        #expect(m.transposed().elements == [1, 7, 9, 8, 3, 9])
    }

    @Test("product equals the triple loop", arguments: [(0, 3, 4), (1, 1, 1), (5, 7, 3), (13, 2, 9), (4, 0, 6)])
    func productMatchesReference(m: Int, k: Int, n: Int) {
        var random = SeededRandom(seed: UInt64(m * 100 + k * 10 + n))
        let a = random.matrix(rows: m, columns: k)
        let b = random.matrix(rows: k, columns: n)
        let bt = b.transposed()
        let c = a.multiplied(by: b)
        let ct = a.multiplied(by: bt, transposingOther: true)
        #expect(c.rows == m && c.columns == n)
        for i in 0..<m {
            for j in 0..<n {
                let expected = (0..<k).reduce(0.0) { $0 + Double(a[i, $1]) * Double(b[$1, j]) }
                #expect(abs(Double(c[i, j]) - expected) < 1e-5)
                #expect(abs(Double(ct[i, j]) - expected) < 1e-5)
            }
        }
    }
}

/// `Matrix.dotRow` against a plain loop.
struct MatrixDotRowTests {
    @Test(arguments: [1, 7, 8, 9, 64, 67, 512]) func agreesWithAPlainLoop(width: Int) {
        var generator = SeededRandomNumberGenerator(seed: UInt64(width))
        let a = Matrix(rows: 3, columns: width, elements: (0..<(3 * width)).map { _ in Float.random(in: -1...1, using: &generator) })
        let b = Matrix(rows: 2, columns: width, elements: (0..<(2 * width)).map { _ in Float.random(in: -1...1, using: &generator) })
        for i in 0..<3 {
            for j in 0..<2 {
                var expected: Double = 0
                for k in 0..<width { expected += Double(a[i, k]) * Double(b[j, k]) }
                #expect(abs(Double(a.dotRow(i, with: b, row: j)) - expected) < 1e-4)
            }
        }
    }
}

/// `Matrix.rowDots(among:)` (the pool cosines of congestion pricing and diversity) against
/// `dotRow`, bit for bit, and a plain loop: widths on and off the eight lanes, pools of every size
/// around the four-row blocks, rows repeated and in any order; and `normalizeRows` in row blocks
/// against the rows normalised one by one.
struct MatrixRowDotsTests {
    @Test(arguments: [1, 7, 8, 9, 64, 67]) func equalsDotRowBitForBit(width: Int) {
        var generator = SeededRandomNumberGenerator(seed: UInt64(300 + width))
        let m = Matrix(rows: 40, columns: width, elements: (0..<(40 * width)).map { _ in Float.random(in: -1...1, using: &generator) })
        for count in [0, 1, 2, 3, 4, 5, 8, 9, 31] {
            let rows = (0..<count).map { _ in Int.random(in: 0..<40, using: &generator) }
            let dots = m.rowDots(among: rows)
            #expect(dots.count == count * count)
            for x in 0..<count {
                #expect(dots[x * count + x] == 0)
                for y in 0..<count where y != x {
                    #expect(dots[x * count + y].bitPattern == m.dotRow(rows[x], with: m, row: rows[y]).bitPattern)
                    var expected: Double = 0
                    for k in 0..<width { expected += Double(m[rows[x], k]) * Double(m[rows[y], k]) }
                    #expect(abs(Double(dots[x * count + y]) - expected) < 1e-4)
                }
            }
        }
    }

    @Test func normalizeRowsInBlocksEqualsRowByRow() {
        var generator = SeededRandomNumberGenerator(seed: 17)
        for (rows, columns) in [(3, 5), (1_100, 64), (300, 300)] {
            var m = Matrix(rows: rows, columns: columns,
                           elements: (0..<(rows * columns)).map { _ in Float.random(in: -2...2, using: &generator) })
            m.setRow(1, to: [Float](repeating: 0, count: columns))
            var expected: [Float] = []
            for i in 0..<rows {
                let row = (0..<columns).map { m[i, $0] }
                let sum = row.reduce(0.0) { $0 + Double($1) * Double($1) }
                let scale = Float(1 / sum.squareRoot())
                expected += sum > 0 ? row.map { $0 * scale } : row.map { _ in 0 }
            }
            m.normalizeRows()
            #expect(m.elements.map(\.bitPattern) == expected.map(\.bitPattern))
        }
    }
}
