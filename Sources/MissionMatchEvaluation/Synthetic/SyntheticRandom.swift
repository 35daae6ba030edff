import MatchCore
import MissionMatch

/// The random choices of the synthetic generator, made only from the 64-bit
/// words of a `SeededRandomNumberGenerator`, so that a seed gives the same
/// programme whatever the standard library's range-mapping algorithms are.
struct SyntheticRandom {
    private var generator: SeededRandomNumberGenerator

    /// A stream of one seed: one per participant and purpose, so that changing
    /// one choice (a typo rate) leaves every other choice as it was.
    init(seed: UInt64, stream: UInt64) {
        generator = SeededRandomNumberGenerator(seed: seed, stream: stream)
    }

    /// A uniform integer in `0..<count` (multiply-high; bias below 2⁻⁴⁰ for the sizes used).
    mutating func index(_ count: Int) -> Int {
        precondition(count > 0, "cannot choose among zero items")
        return Int(generator.next().multipliedFullWidth(by: UInt64(count)).high)
    }

    /// A uniform number in [0, 1).
    mutating func unit() -> Double {
        Double(generator.next() >> 11) * 0x1p-53
    }

    /// `true` with probability `p`.
    mutating func chance(_ p: Double) -> Bool {
        unit() < p
    }

    /// A uniform element of a non-empty collection.
    mutating func element<C: RandomAccessCollection>(of items: C) -> C.Element where C.Index == Int {
        items[items.startIndex + index(items.count)]
    }

    /// An index drawn with probability proportional to its weight (weights ≥ 0, sum > 0).
    mutating func weightedIndex(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var x = unit() * total
        for (i, w) in weights.enumerated() {
            if x < w { return i }
            x -= w
        }
        return weights.lastIndex { $0 > 0 } ?? 0
    }

    /// Fisher–Yates shuffle.
    mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(i, index(i + 1))
        }
    }

    /// Up to `count` distinct elements, in the order drawn.
    mutating func sample<T>(_ count: Int, from items: [T]) -> [T] {
        var pool = items
        let n = min(count, pool.count)
        for i in 0..<n { pool.swapAt(i, i + index(pool.count - i)) }
        return Array(pool.prefix(n))
    }
}
