@testable import MatchCore
import Testing

/// The SVD's tall triangular products split into fixed row blocks on all
/// cores give the bits of one BLAS call over all rows, and the products' values.
struct RowBlockProductTests {
    static func random(_ count: Int, _ generator: inout SeededRandomNumberGenerator) -> [Float] {
        (0..<count).map { _ in Float.random(in: -1...1, using: &generator) }
    }

    /// Row counts around the block size and a programme-sized one.
    static let shapes: [(rows: Int, columns: Int, inner: Int)] = [
        (1, 3, 2), (2_047, 17, 9), (2_048, 5, 40), (2_049, 31, 31), (6_150, 64, 72), (20_000, 138, 138),
    ]

    @Test(arguments: shapes.indices)
    func triangularProductsGiveTheBitsOfOneCall(shape: Int) {
        let (m, n, _) = Self.shapes[shape]
        var generator = SeededRandomNumberGenerator(seed: UInt64(100 + shape))
        let b = Self.random(m * n, &generator)
        var t = Self.random(n * n, &generator)
        for i in 0..<n { t[i * n + i] += 2 }
        var whole = b, blocks = b
        BLASThreading.withSingleThreadedBLAS {
            LinearAlgebra.multiplyRightUpperTriangular(m: m, n: n, t: t, ldt: n, b: &whole, ldb: n)
            LinearAlgebra.multiplyRightUpperTriangularByRowBlocks(m: m, n: n, t: t, ldt: n, b: &blocks, ldb: n)
        }
        let differing = zip(whole, blocks).filter { $0.bitPattern != $1.bitPattern }.count
        #expect(differing == 0, "m \(m) n \(n): \(differing) elements differ from one strmm call")
        // B·T with T's strict lower triangle ignored, naively in Double, on a few rows.
        for i in stride(from: 0, to: m, by: max(1, m / 7)) {
            for j in 0..<n {
                var sum = 0.0
                for p in 0...j { sum += Double(b[i * n + p]) * Double(t[p * n + j]) }
                #expect(abs(Double(blocks[i * n + j]) - sum) <= 1e-4 * Double(n))
            }
        }
    }

    @Test func blocksCoverTheRowsInOrder() {
        for rows in [0, 1, 2_047, 2_048, 2_049, 46_200] {
            let blocks = LinearAlgebra.tallRowBlocks(rows: rows)
            #expect(blocks.map(\.count).reduce(0, +) == rows)
            #expect(zip(blocks, blocks.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
            #expect(blocks.allSatisfy { $0.count <= LinearAlgebra.tallRowBlock && !$0.isEmpty })
        }
    }
}
