/// The heap operations shared by ``TopK`` and the kernel's ``HeapTable``:
/// a binary min-heap *on rank* over raw storage, whose root is the worst kept
/// element (lowest score; among equal scores, the highest index).
@usableFromInline
enum BoundedHeap {
    /// Offers `element` to the heap of `count` elements at `base` (room for
    /// `capacity`). Returns `true` if it was kept; `count` grows while not full.
    ///
    /// - Complexity: O(log `capacity`).
    @inlinable @inline(__always)
    static func insert<Element: TopKRankable>(
        _ element: Element, into base: UnsafeMutablePointer<Element>, count: inout Int, capacity: Int
    ) -> Bool {
        guard !element.rankScore.isNaN, capacity > 0 else { return false }
        if count < capacity {
            (base + count).initialize(to: element)
            count += 1
            siftUp(base, from: count - 1)
            return true
        }
        guard element.ranksBefore(base[0]) else { return false }
        base[0] = element
        siftDown(base, count: count)
        return true
    }

    /// The score an element must reach to be able to enter (see ``TopK/threshold``).
    @inlinable @inline(__always)
    static func threshold<Element: TopKRankable>(_ base: UnsafePointer<Element>, count: Int, capacity: Int) -> Float {
        if capacity == 0 { return .infinity }
        return count < capacity ? -.infinity : base[0].rankScore
    }

    @inlinable
    static func siftUp<Element: TopKRankable>(_ base: UnsafeMutablePointer<Element>, from start: Int) {
        var child = start
        let element = base[child]
        while child > 0 {
            let parent = (child - 1) / 2
            // A parent that ranks before the element moves down.
            guard base[parent].ranksBefore(element) else { break }
            base[child] = base[parent]
            child = parent
        }
        base[child] = element
    }

    @inlinable
    static func siftDown<Element: TopKRankable>(_ base: UnsafeMutablePointer<Element>, count: Int) {
        var parent = 0
        let element = base[0]
        while true {
            var worst = 2 * parent + 1
            guard worst < count else { break }
            let right = worst + 1
            if right < count, base[worst].ranksBefore(base[right]) { worst = right }
            // Move the worse child up while the element ranks before it.
            guard element.ranksBefore(base[worst]) else { break }
            base[parent] = base[worst]
            parent = worst
        }
        base[parent] = element
    }
}

/// Fixed-capacity top-k heaps for many rows in one flat allocation: the
/// kernel's per-worker state. No per-row arrays, so offering an element
/// costs no reference counting or exclusivity checks.
final class HeapTable: @unchecked Sendable {
    let rows: Int
    let capacity: Int
    private let entries: UnsafeMutablePointer<ScoredPartner>
    private let counts: UnsafeMutablePointer<Int>

    init(rows: Int, capacity: Int) {
        self.rows = rows
        self.capacity = capacity
        entries = .allocate(capacity: max(rows * capacity, 1))
        counts = .allocate(capacity: max(rows, 1))
        counts.initialize(repeating: 0, count: rows)
    }

    deinit {
        // ScoredPartner is trivial: no deinitialisation needed.
        entries.deallocate()
        counts.deallocate()
    }

    /// Offers `element` to row `row`'s heap and returns that heap's new
    /// entry threshold.
    @inline(__always)
    func insert(_ element: ScoredPartner, row: Int) -> Float {
        let base = entries + row * capacity
        _ = BoundedHeap.insert(element, into: base, count: &counts[row], capacity: capacity)
        return BoundedHeap.threshold(base, count: counts[row], capacity: capacity)
    }

    /// The elements kept for `row`, in heap order.
    func elements(row: Int) -> UnsafeBufferPointer<ScoredPartner> {
        UnsafeBufferPointer(start: entries + row * capacity, count: counts[row])
    }

    /// The best `capacity` elements of row `row` over several tables (the
    /// workers' partial results), best first.
    static func merged(_ tables: [HeapTable], row: Int) -> [ScoredPartner] {
        var all: [ScoredPartner] = []
        for table in tables { all.append(contentsOf: table.elements(row: row)) }
        all.sort { $0.ranksBefore($1) }
        return Array(all.prefix(tables.first?.capacity ?? 0))
    }
}
