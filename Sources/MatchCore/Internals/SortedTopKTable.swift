import CPairScan
/// Fixed-capacity top-k lists for many rows in one flat allocation: the
/// kernel's partial results (row lists per worker, column lists shared).
///
/// Each row keeps its entries sorted best first as 64-bit keys — the score's
/// order-preserving bit pattern above the complemented partner index — so
/// "ranks before" (higher score; among equal scores, lower index) is one
/// unsigned comparison, and the components ride in a parallel array. An
/// insertion shifts the worse entries down one place: for k = 20 a short,
/// well-predicted loop over two cache lines of keys. It took fewer `perf`
/// samples per insertion than a binary heap of 24-byte elements, whose sift
/// steps branch unpredictably, and no more than a heap of keys.
final class SortedTopKTable: @unchecked Sendable {
    let rows: Int
    let capacity: Int
    /// `rows × capacity` keys, each row sorted descending (best first).
    private let keys: UnsafeMutablePointer<UInt64>
    /// The components of each entry, parallel to `keys`: (offer→need, need←offer, linear, 0).
    private let components: UnsafeMutablePointer<SIMD4<Float>>
    private let counts: UnsafeMutablePointer<Int32>
    /// The entry threshold the kernel's scan applies to each row: never below
    /// ``threshold(row:)``, above it while a seeded threshold holds or another
    /// worker's list of the row is higher. Starts at `-infinity` (`+infinity`
    /// when the capacity is 0).
    let scanThresholds: UnsafeMutablePointer<Float>

    /// Creates empty lists for `rows` rows of at most `capacity` entries.
    init(rows: Int, capacity: Int) {
        precondition(rows < Int(UInt32.max), "too many rows for 32-bit partner indices")
        self.rows = rows
        self.capacity = capacity
        keys = LargeAllocation.allocate(UInt64.self, count: rows * capacity)
        components = LargeAllocation.allocate(SIMD4<Float>.self, count: rows * capacity)
        counts = .allocate(capacity: max(rows, 1))
        counts.initialize(repeating: 0, count: max(rows, 1))
        scanThresholds = .allocate(capacity: max(rows, 1))
        scanThresholds.initialize(repeating: capacity == 0 ? .infinity : -.infinity, count: max(rows, 1))
    }

    deinit {
        LargeAllocation.deallocate(keys)
        LargeAllocation.deallocate(components)
        counts.deallocate()
        scanThresholds.deallocate()
    }

    /// The key of `score` for partner `partner`: larger keys rank first.
    /// `-0` is folded into `+0` so that equal scores compare equal.
    @inline(__always)
    static func key(score: Float, partner: Int) -> UInt64 {
        let bits = (score + 0).bitPattern
        let ordered = bits & 0x8000_0000 != 0 ? ~bits : bits | 0x8000_0000
        return UInt64(ordered) << 32 | UInt64(UInt32.max - UInt32(truncatingIfNeeded: partner))
    }

    /// The score encoded in `key`.
    @inline(__always)
    static func score(ofKey key: UInt64) -> Float {
        let ordered = UInt32(truncatingIfNeeded: key >> 32)
        return Float(bitPattern: ordered & 0x8000_0000 != 0 ? ordered & 0x7FFF_FFFF : ~ordered)
    }

    /// The partner encoded in `key`.
    @inline(__always)
    static func partner(ofKey key: UInt64) -> Int {
        Int(UInt32.max - UInt32(truncatingIfNeeded: key))
    }

    /// Offers an entry to row `row` and returns the row's new entry
    /// threshold: `-infinity` while the row has room, else the score of its
    /// worst entry (a score equal to it may still enter with a lower index).
    ///
    /// - Complexity: O(k) moves in the worst case, O(1) when rejected.
    @inline(__always)
    func insert(score: Float, partner: Int, components value: SIMD4<Float>, row: Int) -> Float {
        let base = keys + row * capacity
        let payload = components + row * capacity
        let key = Self.key(score: score, partner: partner)
        var count = Int(counts[row])
        if count == capacity {
            guard capacity > 0, key > base[count - 1] else { return threshold(row: row) }
            count -= 1  // the worst entry drops out
        }
        var position = count
        while position > 0, base[position - 1] < key {
            base[position] = base[position - 1]
            payload[position] = payload[position - 1]
            position -= 1
        }
        base[position] = key
        payload[position] = value
        counts[row] = Int32(count + 1)
        return count + 1 == capacity ? Self.score(ofKey: base[capacity - 1]) : -.infinity
    }

    /// Starts fetching row `row`'s keys and components into the cache (a
    /// hint: nothing changes).
    @inline(__always)
    func prefetch(row: Int) {
        mm_prefetch_for_write(keys + row * capacity, capacity * 8)
        mm_prefetch_for_write(components + row * capacity, capacity * 16)
    }

    /// The entry threshold of row `row` (see ``insert(score:partner:components:row:)``).
    func threshold(row: Int) -> Float {
        if capacity == 0 { return .infinity }
        let count = Int(counts[row])
        return count < capacity ? -.infinity : Self.score(ofKey: keys[row * capacity + count - 1])
    }

    /// Row `row`'s entries, best first.
    func entries(row: Int) -> [ScoredPartner] {
        let count = Int(counts[row])
        var result: [ScoredPartner] = []
        result.reserveCapacity(count)
        for slot in (row * capacity)..<(row * capacity + count) { result.append(entry(at: slot)) }
        return result
    }

    @inline(__always)
    private func entry(at slot: Int) -> ScoredPartner {
        let value = components[slot]
        return ScoredPartner(partner: Self.partner(ofKey: keys[slot]), score: Self.score(ofKey: keys[slot]),
                             offerToNeed: value[0], needFromOffer: value[1], linear: value[2])
    }

    /// The best `capacity` entries of row `row` over several tables (the
    /// workers' partial results, which never hold the same pair twice), best
    /// first: a merge of the tables' sorted rows.
    ///
    /// - Complexity: O(k · tables).
    static func merged(_ tables: [SortedTopKTable], row: Int) -> [ScoredPartner] {
        guard tables.count > 1 else { return tables.first?.entries(row: row) ?? [] }
        let capacity = tables[0].capacity
        var result: [ScoredPartner] = []
        result.reserveCapacity(capacity)
        withUnsafeTemporaryAllocation(of: Int.self, capacity: tables.count) { heads in
            heads.initialize(repeating: 0)
            while result.count < capacity {
                var best = -1, bestKey: UInt64 = 0
                for t in tables.indices where heads[t] < Int(tables[t].counts[row]) {
                    let key = tables[t].keys[row * capacity + heads[t]]
                    if best < 0 || key > bestKey { best = t; bestKey = key }
                }
                guard best >= 0 else { break }
                result.append(tables[best].entry(at: row * capacity + heads[best]))
                heads[best] += 1
            }
        }
        return result
    }
}
