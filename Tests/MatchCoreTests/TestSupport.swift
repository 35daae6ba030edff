import MatchCore

/// MatchCore's portable seeded generator, with the helpers the tests use,
/// so randomized tests are repeatable on every platform.
struct SeededRandom: RandomNumberGenerator {
    private var generator: SeededRandomNumberGenerator
    init(seed: UInt64) { generator = SeededRandomNumberGenerator(seed: seed) }
    mutating func next() -> UInt64 { generator.next() }

    /// A uniform value in [-1, 1).
    mutating func signedUnit() -> Float { Float.random(in: -1..<1, using: &self) }

    /// A matrix of uniform values in [-1, 1).
    mutating func matrix(rows: Int, columns: Int) -> Matrix {
        Matrix(rows: rows, columns: columns, elements: (0..<(rows * columns)).map { _ in signedUnit() })
    }

    /// A matrix of multiples of 1/4 in [-1, 1]: with few columns, every dot
    /// product and score is exact in `Float`, so ties are real ties.
    mutating func dyadicMatrix(rows: Int, columns: Int) -> Matrix {
        Matrix(rows: rows, columns: columns,
               elements: (0..<(rows * columns)).map { _ in Float(Int.random(in: -4...4, using: &self)) / 4 })
    }
}
