import MatchCore

/// How a participant's list is drawn from its candidate pool: partners with an
/// offer↔need link first, then the others, each tier by maximal marginal
/// relevance over score − price (``DiverseSelection``). Congestion pricing
/// steers by the lists this draws, round after round, and the ranking lists
/// what it draws, so the exposure the prices react to is the one the lists have.
struct ListDraw: Sendable {
    /// The list length.
    var k: Int
    /// The participants' profile vectors (rows by participant index, normalised).
    var profiles: Matrix
    /// The weight of redundancy (0: plain order by score − price).
    var diversity: Float

    /// The profile cosines between a pool's candidates, c × c row-major by
    /// their positions in `pool` (empty without diversity): computed once per
    /// pool, so that each round of congestion pricing draws a list in O(k · c).
    ///
    /// - Complexity: O(c² · p) for profiles of dimension p.
    func cosines(of pool: [Candidate]) -> [Float] {
        guard diversity > 0, pool.count > 1 else { return [] }
        let count = pool.count
        var result = [Float](repeating: 0, count: count * count)
        for i in 0..<count {
            for j in (i + 1)..<count {
                let cosine = profiles.dotRow(pool[i].partner, with: profiles, row: pool[j].partner)
                result[i * count + j] = cosine
                result[j * count + i] = cosine
            }
        }
        return result
    }

    /// The members of one list, linked ones first, each tier in selection order.
    ///
    /// Each tier is ordered by score − price (ties: lower partner index), then
    /// taken by ``DiverseSelection``'s rule; the work is done in scratch
    /// buffers, because congestion pricing draws every list up to twenty times.
    ///
    /// - Parameters:
    ///   - pool: The candidates (distinct partners).
    ///   - linked: Per candidate, whether it is linked (missing entries: not linked).
    ///   - cosines: ``cosines(of:)`` of the pool (may be empty when ``diversity`` is 0).
    ///   - price: Every participant's price, subtracted from its scores.
    /// - Returns: Positions in `pool`, and how many of them (the first) are linked.
    /// - Complexity: O(k · c + c²) for c candidates (an insertion sort: pools hold tens of candidates).
    func members(of pool: [Candidate], linked: [Bool], cosines: [Float], price: [Float]) -> (positions: [Int], linked: Int) {
        let count = pool.count
        guard k > 0, count > 0 else { return ([], 0) }
        let weighsRedundancy = diversity > 0 && !cosines.isEmpty
        var chosen: [Int] = []
        chosen.reserveCapacity(min(k, count))
        var linkedCount = 0
        withUnsafeTemporaryAllocation(of: Float.self, capacity: count) { adjusted in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: count) { order in
                withUnsafeTemporaryAllocation(of: Float.self, capacity: count) { redundancy in
                    for position in 0..<count {
                        adjusted[position] = pool[position].score - price[pool[position].partner]
                    }
                    func precedes(_ x: Int, _ y: Int) -> Bool {
                        adjusted[x] != adjusted[y] ? adjusted[x] > adjusted[y] : pool[x].partner < pool[y].partner
                    }
                    for tierIsLinked in [true, false] where chosen.count < k {
                        var size = 0
                        for position in 0..<count where (position < linked.count && linked[position]) == tierIsLinked {
                            var slot = size
                            while slot > 0 && precedes(position, order[slot - 1]) { order[slot] = order[slot - 1]; slot -= 1 }
                            order[slot] = position
                            size += 1
                        }
                        let wanted = min(k - chosen.count, size)
                        if !weighsRedundancy || size < 2 {
                            for rank in 0..<wanted { chosen.append(order[rank]) }
                        } else {
                            // Maximal marginal relevance (DiverseSelection): a taken slot's redundancy is +∞.
                            for rank in 0..<size { redundancy[rank] = 0 }
                            for _ in 0..<wanted {
                                var best = -1
                                var bestValue = -Float.infinity
                                for rank in 0..<size where redundancy[rank] != .infinity {
                                    let value = adjusted[order[rank]] - diversity * redundancy[rank]
                                    if value > bestValue { best = rank; bestValue = value }
                                }
                                let picked = order[best]
                                redundancy[best] = .infinity
                                chosen.append(picked)
                                for rank in 0..<size where redundancy[rank] != .infinity {
                                    redundancy[rank] = max(redundancy[rank], cosines[picked * count + order[rank]])
                                }
                            }
                        }
                        if tierIsLinked { linkedCount = chosen.count }
                    }
                }
            }
        }
        return (chosen, linkedCount)
    }
}
