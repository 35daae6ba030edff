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
