/// Which pairs the scoring kernel must never return.
///
/// Two mechanisms, both consulted only for pairs whose score could enter a
/// top-k list (a few per row), so an expensive predicate costs little:
///
/// * ``excludedPairs`` — explicit `(row, column)` pairs (blocked requests,
///   the same organisation registered twice, …);
/// * `isExcluded` — any rule the caller supplies (same cluster, same country,
///   no common language, …).
///
/// In `open` pairing the kernel asks about each unordered pair once, as
/// `(i, j)` with `i < j`; explicit pairs are matched in either order.
///
/// ```swift
/// let clusters: [Int] = …
/// let mask = PairMask(excluding: [(0, 3)]) { a, b in clusters[a] == clusters[b] }
/// ```
public struct PairMask: Sendable {
    /// Explicitly excluded pairs, as `a << 32 | b` keys (see `key(_:_:)`):
    /// the storage behind ``excludedPairs`` and ``contains(row:column:)``.
    @usableFromInline
    private(set) var excludedKeys: Set<UInt64>
    /// A caller-supplied rule; `true` excludes the pair. The kernel calls it
    /// on its worker threads while it holds OpenBLAS at one thread, so the
    /// rule must not run MatchCore's SVD or `Matrix` products: they wait
    /// until the kernel has finished, which would never happen.
    public var isExcluded: (@Sendable (_ a: Int, _ b: Int) -> Bool)?

    /// A mask that excludes nothing.
    public static let none = PairMask()

    /// Creates a mask from explicit pairs and an optional rule.
    ///
    /// - Parameters:
    ///   - pairs: `(row of A, row of B)` pairs (in `open` pairing, either order).
    ///   - isExcluded: A rule returning `true` for pairs to exclude (see
    ///     ``isExcluded``: it must not call MatchCore's BLAS users).
    public init(excluding pairs: some Sequence<(Int, Int)> = [(Int, Int)](),
                where isExcluded: (@Sendable (_ a: Int, _ b: Int) -> Bool)? = nil) {
        self.excludedKeys = Set(pairs.map { Self.key($0.0, $0.1) })
        self.isExcluded = isExcluded
    }

    /// Adds an explicitly excluded pair.
    ///
    /// - Precondition: `0 ≤ a, b < 2³²`.
    public mutating func exclude(_ a: Int, _ b: Int) {
        excludedKeys.insert(Self.key(a, b))
    }

    /// The explicitly excluded pairs (not those of ``isExcluded``), each once,
    /// by row, then column.
    ///
    /// - Complexity: O(*p* log *p*) for *p* explicit pairs.
    public var excludedPairs: [(row: Int, column: Int)] {
        excludedKeys.sorted().map { (row: Int($0 >> 32), column: Int($0 & 0xFFFF_FFFF)) }
    }

    /// Whether `(row, column)` is an explicitly excluded pair, in that order
    /// (``isExcluded`` is not consulted; ``excludes(_:_:symmetric:)`` asks both).
    ///
    /// - Complexity: O(1).
    public func contains(row: Int, column: Int) -> Bool {
        guard row >= 0, column >= 0, row <= Int(UInt32.max), column <= Int(UInt32.max) else { return false }
        return excludedKeys.contains(Self.key(row, column))
    }

    /// The key of pair `(a, b)` in the explicit pairs: `a << 32 | b`, for
    /// sets of pairs inside the package. Callers outside it use
    /// ``contains(row:column:)`` and ``excludedPairs``.
    ///
    /// - Precondition: `0 ≤ a, b < 2³²`.
    @inlinable
    package static func key(_ a: Int, _ b: Int) -> UInt64 {
        precondition(a >= 0 && b >= 0 && a <= Int(UInt32.max) && b <= Int(UInt32.max), "Pair index out of range")
        return UInt64(a) << 32 | UInt64(b)
    }

    /// Whether the mask excludes no pair at all.
    @inlinable
    public var excludesNothing: Bool { excludedKeys.isEmpty && isExcluded == nil }

    /// Whether the kernel must skip pair `(a, b)`; in `open` pairing both
    /// orders of an explicit pair count.
    @inlinable
    public func excludes(_ a: Int, _ b: Int, symmetric: Bool) -> Bool {
        if excludesExplicitly(a, b, symmetric: symmetric) { return true }
        if let isExcluded, isExcluded(a, b) { return true }
        return false
    }

    /// ``excludes(_:_:symmetric:)`` without ``isExcluded``: whether `(a, b)`
    /// is an explicit pair (in `open` pairing, in either order). The kernel
    /// asks this and calls the rule it unwrapped once per batch of pairs:
    /// unwrapping the optional rule for each pair retained and released its
    /// closure context every time.
    @inlinable
    func excludesExplicitly(_ a: Int, _ b: Int, symmetric: Bool) -> Bool {
        guard !excludedKeys.isEmpty else { return false }
        return excludedKeys.contains(Self.key(a, b)) || (symmetric && excludedKeys.contains(Self.key(b, a)))
    }
}
