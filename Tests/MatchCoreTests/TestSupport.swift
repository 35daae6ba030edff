import MatchCore

/// A small, portable, seeded generator (SplitMix64) so randomized tests are
/// repeatable on every platform.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

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
