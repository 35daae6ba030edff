/// One block of a ranking cut into `count` jobs: shard `index` (1 … `count`)
/// scores the mission's first side against the `index`-th block of its
/// second side (``block(of:)``).
///
/// ```swift
/// let shard = try ShardSpec(parsing: "3/7")
/// shard.block(of: 20_000)   // 5714..<8571
/// ```
public struct ShardSpec: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The shard's number, 1 … ``count``.
    public let index: Int
    /// The number of shards, 1 … `FormatLimits.maxShards`.
    public let count: Int

    /// A shard.
    ///
    /// - Throws: ``ShardSpecError`` unless 1 ≤ `index` ≤ `count` ≤ `FormatLimits.maxShards`.
    public init(index: Int, count: Int) throws(ShardSpecError) {
        guard count >= 1, count <= FormatLimits.maxShards else {
            throw ShardSpecError(text: "\(index)/\(count)", reason: "the number of shards must be 1 … \(FormatLimits.maxShards)")
        }
        guard index >= 1, index <= count else {
            throw ShardSpecError(text: "\(index)/\(count)", reason: "the shard number must be 1 … \(count) (shards count from 1)")
        }
        self.index = index
        self.count = count
    }

    /// Parses `I/N`, e.g. `3/7`.
    ///
    /// - Throws: ``ShardSpecError`` for anything else or numbers out of range.
    public init(parsing text: String) throws(ShardSpecError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else {
            throw ShardSpecError(text: text, reason: "write the shard as I/N, two whole numbers, e.g. 3/7")
        }
        // Numbers of more than 9 significant digits are out of range, and said so (no overflow, no trap).
        func number(_ digits: Substring) -> Int? {
            let significant = digits.drop { $0 == "0" }
            return significant.count <= 9 ? Int(significant.isEmpty ? "0" : significant) : nil
        }
        guard let count = number(parts[1]) else {
            throw ShardSpecError(text: text, reason: "the number of shards must be 1 … \(FormatLimits.maxShards)")
        }
        guard let index = number(parts[0]) else {
            throw ShardSpecError(text: text, reason: "the shard number must be 1 … \(count) (shards count from 1)")
        }
        try self.init(index: index, count: count)
    }

    /// This shard's positions among `columns` counterparts: balanced
    /// contiguous blocks (the first `columns % count` blocks one longer),
    /// covering `0..<columns` once in shard order.
    ///
    /// - Complexity: O(1); no arithmetic can overflow.
    public func block(of columns: Int) -> Range<Int> {
        let total = max(0, columns)
        let quotient = total / count, remainder = total % count
        let lower = quotient * (index - 1) + min(index - 1, remainder)
        return lower..<(lower + quotient + (index <= remainder ? 1 : 0))
    }

    /// `I/N`.
    public var description: String { "\(index)/\(count)" }
}

/// A shard given as something other than `I/N` with 1 ≤ I ≤ N ≤ `FormatLimits.maxShards`.
public struct ShardSpecError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text given.
    public var text: String
    /// What is wrong and what to write.
    public var reason: String

    /// `shard 'text': reason`.
    public var description: String { "shard '\(text)': \(reason)" }
}
