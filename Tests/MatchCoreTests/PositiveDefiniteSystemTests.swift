import MatchCore
import Testing

/// `dposv` against Gaussian elimination on random symmetric positive definite systems.
struct PositiveDefiniteSystemTests {
    /// Solves by Gaussian elimination with partial pivoting: the plain reference.
    static func eliminate(_ a: [Double], _ b: [Double], order n: Int) -> [Double] {
        var m = a, x = b
        for column in 0..<n {
            let pivot = (column..<n).max { abs(m[$0 * n + column]) < abs(m[$1 * n + column]) } ?? column
            if pivot != column {
                for k in 0..<n { m.swapAt(column * n + k, pivot * n + k) }
                x.swapAt(column, pivot)
            }
            for row in (column + 1)..<n {
                let factor = m[row * n + column] / m[column * n + column]
                for k in column..<n { m[row * n + k] -= factor * m[column * n + k] }
                x[row] -= factor * x[column]
            }
        }
        for row in stride(from: n - 1, through: 0, by: -1) {
            var sum = x[row]
            for k in (row + 1)..<n { sum -= m[row * n + k] * x[k] }
            x[row] = sum / m[row * n + row]
        }
        return x
    }

    @Test func exactSmallSystem() throws {
        let x = try PositiveDefiniteSystem.solve([4, 1, 1, 3], [1, 2], order: 2)
        #expect(abs(x[0] - 1.0 / 11) < 1e-12)
        #expect(abs(x[1] - 7.0 / 11) < 1e-12)
    }

    @Test(arguments: 0..<40) func agreesWithEliminationOnRandomSystems(seed: Int) throws {
        var generator = SeededRandomNumberGenerator(seed: UInt64(seed))
        let n = 1 + seed % 9
        // A = Mᵀ·M + n·I is symmetric positive definite.
        let m = (0..<(n * n)).map { _ in Double.random(in: -1...1, using: &generator) }
        var a = [Double](repeating: 0, count: n * n)
        for i in 0..<n { for j in 0..<n { for k in 0..<n { a[i * n + j] += m[k * n + i] * m[k * n + j] } } }
        for i in 0..<n { a[i * n + i] += Double(n) }
        let b = (0..<n).map { _ in Double.random(in: -5...5, using: &generator) }
        let solved = try PositiveDefiniteSystem.solve(a, b, order: n)
        let reference = Self.eliminate(a, b, order: n)
        for (x, y) in zip(solved, reference) { #expect(abs(x - y) < 1e-9 * max(1, abs(y))) }
    }

    @Test func refusesAnIndefiniteMatrix() {
        #expect(throws: LinearAlgebraError.self) { try PositiveDefiniteSystem.solve([1, 2, 2, 1], [1, 1], order: 2) }
    }
}
