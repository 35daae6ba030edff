/// An element that a ``TopK`` can rank: a score (higher is better) and an
/// index that breaks ties (lower wins).
public protocol TopKRankable: Sendable {
    /// The ranking score; higher is better. NaN never enters a ``TopK``.
    var rankScore: Float { get }
    /// The tie-breaker: among equal scores, the lower index wins.
    var rankIndex: Int { get }
}

extension TopKRankable {
    /// Whether `self` ranks strictly before `other`: a higher score, or an
    /// equal score and a lower index.
    @inlinable @inline(__always)
    public func ranksBefore(_ other: Self) -> Bool {
        rankScore > other.rankScore || (rankScore == other.rankScore && rankIndex < other.rankIndex)
    }
}

/// A fixed-capacity selection of the best elements seen so far.
///
/// Elements are ordered by score (descending), ties by index (ascending), so
/// the selection is a pure function of the *set* of elements offered: the
/// order of insertion, and how the input was split between partial
/// selections later ``merge(_:)``d, do not change the result.
///
/// ```swift
/// var best = TopK<ScoredIndex>(capacity: 2)
/// best.insert(ScoredIndex(index: 4, score: 0.5))
/// best.insert(ScoredIndex(index: 1, score: 0.9))
/// best.insert(ScoredIndex(index: 0, score: 0.5))   // ties with 4; index 0 wins
/// best.sorted()   // [(1, 0.9), (0, 0.5)]
/// ```
///
/// Internally a binary min-heap whose root is the worst kept element.
public struct TopK<Element: TopKRankable>: Sendable {
    /// The most elements kept.
    public let capacity: Int
    @usableFromInline var heap: [Element]

    /// Creates an empty selection keeping at most `capacity` elements.
    ///
    /// - Precondition: `capacity >= 0`.
    @inlinable
    public init(capacity: Int) {
        precondition(capacity >= 0, "TopK capacity must be non-negative")
        self.capacity = capacity
        self.heap = []
        heap.reserveCapacity(capacity)
    }

    /// The number of elements kept.
    @inlinable public var count: Int { heap.count }

    /// Whether no element is kept.
    @inlinable public var isEmpty: Bool { heap.isEmpty }

    /// Whether `capacity` elements are kept.
    @inlinable public var isFull: Bool { heap.count >= capacity }

    /// The worst kept element when full, `nil` otherwise.
    @inlinable public var worst: Element? { isFull ? heap.first : nil }

    /// The score an element must reach to be able to enter: the worst kept
    /// score when full (an equal score enters only with a lower index),
    /// `-infinity` when not full, `+infinity` when the capacity is 0.
    @inlinable
    public var threshold: Float {
        if capacity == 0 { return .infinity }
        guard isFull else { return -.infinity }
        return heap[0].rankScore
    }

    /// Offers an element; keeps it if it ranks among the best `capacity`.
    ///
    /// - Returns: `true` if the element was kept.
    /// - Complexity: O(log *k*).
    @inlinable
    @discardableResult
    public mutating func insert(_ element: Element) -> Bool {
        guard !element.rankScore.isNaN, capacity > 0 else { return false }
        if heap.count < capacity {
            heap.append(element)
            let last = heap.count - 1
            heap.withUnsafeMutableBufferPointer { buffer in
                if let base = buffer.baseAddress { BoundedHeap.siftUp(base, from: last) }
            }
            return true
        }
        guard element.ranksBefore(heap[0]) else { return false }
        heap[0] = element
        heap.withUnsafeMutableBufferPointer { buffer in
            if let base = buffer.baseAddress { BoundedHeap.siftDown(base, count: buffer.count) }
        }
        return true
    }

    /// Offers every element of `other` (a partial selection of the same
    /// capacity computed over another part of the input).
    ///
    /// - Complexity: O(*m* log *k*) for *m* elements in `other`.
    @inlinable
    public mutating func merge(_ other: TopK<Element>) {
        for element in other.heap { insert(element) }
    }

    /// The kept elements, best first.
    ///
    /// - Complexity: O(*k* log *k*).
    @inlinable
    public func sorted() -> [Element] {
        heap.sorted { $0.ranksBefore($1) }
    }
}

/// A score attached to an index: the simplest ``TopKRankable``.
public struct ScoredIndex: TopKRankable, Hashable {
    /// The index of the scored item.
    public var index: Int
    /// Its score; higher is better.
    public var score: Float

    /// Creates a scored index.
    @inlinable
    public init(index: Int, score: Float) {
        self.index = index
        self.score = score
    }

    @inlinable public var rankScore: Float { score }
    @inlinable public var rankIndex: Int { index }
}

extension Sequence {
    /// The `count` best elements by `score` (ties: lower position wins),
    /// best first, without sorting the whole sequence.
    ///
    /// ```swift
    /// [0.2, 0.9, 0.5].topK(2) { $0 }   // [ScoredIndex(1, 0.9), ScoredIndex(2, 0.5)]
    /// ```
    ///
    /// - Complexity: O(*n* log *k*).
    @inlinable
    public func topK(_ count: Int, score: (Element) throws -> Float) rethrows -> [ScoredIndex] {
        var selection = TopK<ScoredIndex>(capacity: count)
        for (position, element) in enumerated() {
            let s = try score(element)
            if s >= selection.threshold || !selection.isFull {
                selection.insert(ScoredIndex(index: position, score: s))
            }
        }
        return selection.sorted()
    }
}
