import MatchCore

/// How a participant's list is drawn from its candidate pool: partners with an
/// offer↔need link first, then the others, each tier by maximal marginal
/// relevance (Carbonell & Goldstein 1998) over score − price, so that a list
/// is not ten near-identical partners. Within a tier, candidates are taken
/// one at a time; each time the one with the highest
///
///     value(j) = (score(j) − price(j)) − diversity · max(0, max over taken c of cos(profile_j, profile_c))
///
/// wins (ties: higher score − price, then lower partner index; "taken" counts
/// the tier's own picks). With `diversity` 0 this is the plain order by
/// score − price. Congestion pricing steers by the lists this draws, round
/// after round, and the ranking lists what it draws, so the exposure the
/// prices react to is the one the lists have.
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
        return profiles.rowDots(among: pool.map(\.partner))
    }

    /// Whether a list drawn at the prices `before` is drawn the same at `after`,
    /// judged without drawing it: true when every candidate whose price moved
    /// (`moved`) is outside the draw and did not get cheaper.
    ///
    /// Exact, for any diversity: such a candidate's score − price does not
    /// rise, so its value in every pick of the rule above does not rise
    /// either (redundancy depends only on the picks, which stay the same by
    /// induction); it lost each pick before and loses each again, and the
    /// others' values, their order and the tiers do not change. A partner that
    /// got cheaper, or a listed one whose price rose, can change the list.
    ///
    /// - Parameters:
    ///   - drawn: The list's partners as drawn at `before`.
    ///   - pool: The candidates.
    ///   - moved: Per participant, whether its price differs between `before` and `after`.
    /// - Complexity: O(c · k) for c candidates.
    static func keeps(_ drawn: [Int], of pool: [Candidate], moved: [Bool], from before: [Float], to after: [Float]) -> Bool {
        pool.allSatisfy { candidate in
            let partner = candidate.partner
            return !moved[partner] || (after[partner] >= before[partner] && !drawn.contains(partner))
        }
    }

    /// The members of one list, linked ones first, each tier in selection order.
    ///
    /// Each tier is ordered by score − price (ties: lower partner index), then
    /// taken by the rule above; the work is done in scratch buffers, because
    /// congestion pricing draws every list up to twenty times.
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
        let weighsRedundancy = diversity > 0 && cosines.count == count * count
        var chosen: [Int] = []
        chosen.reserveCapacity(min(k, count))
        var linkedCount = 0
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 2 * count) { scratch in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * count) { indices in
                guard let floats = scratch.baseAddress, let integers = indices.baseAddress else { return }
                let adjusted = floats, redundancy = floats + count
                let order = integers, taken = integers + count
                for position in 0..<count {
                    adjusted[position] = pool[position].score - price[pool[position].partner]
                }
                func precedes(_ x: Int, _ y: Int) -> Bool {
                    adjusted[x] != adjusted[y] ? adjusted[x] > adjusted[y] : pool[x].partner < pool[y].partner
                }
                for tierIsLinked in [true, false] where chosen.count < k {
                    // The tier by score − price (an insertion sort: pools arrive nearly in that order).
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
                        pickByMarginalRelevance(
                            wanted, order: order, size: size, adjusted: adjusted, redundancy: redundancy, taken: taken,
                            cosines: cosines, count: count, into: &chosen)
                    }
                    if tierIsLinked { linkedCount = chosen.count }
                }
            }
        }
        return (chosen, linkedCount)
    }

    /// The rule above on one tier, `order[0 ..< size]` sorted by
    /// adjusted score: the candidate with the highest adjusted score −
    /// diversity · redundancy wins (ties: the earlier in `order`). Redundancy
    /// (the largest cosine with a candidate taken from this tier, by pool
    /// position) is updated after each pick from the pick's row of
    /// `cosines`, one contiguous read of `count` floats, and a round stops at
    /// the first candidate whose adjusted score cannot beat the best value so
    /// far (redundancy is never negative): the same picks as the full rule,
    /// with a few candidates looked at per pick instead of all of them.
    private func pickByMarginalRelevance(
        _ wanted: Int, order: UnsafeMutablePointer<Int>, size: Int, adjusted: UnsafeMutablePointer<Float>,
        redundancy: UnsafeMutablePointer<Float>, taken: UnsafeMutablePointer<Int>, cosines: [Float], count: Int,
        into chosen: inout [Int]
    ) {
        for position in 0..<count { redundancy[position] = 0 }
        for rank in 0..<size { taken[rank] = 0 }
        cosines.withUnsafeBufferPointer { rows in
            guard let matrix = rows.baseAddress, rows.count >= count * count else { return }
            for pick in 0..<wanted {
                var best = -1
                var bestValue = -Float.infinity
                for rank in 0..<size where taken[rank] == 0 {
                    let position = order[rank]
                    let score = adjusted[position]
                    if score <= bestValue { break }
                    let value = score - diversity * redundancy[position]
                    if value > bestValue { best = rank; bestValue = value }
                }
                guard best >= 0 else { return }  // only if scores are not numbers: the list stays shorter
                taken[best] = 1
                let chosenPosition = order[best]
                chosen.append(chosenPosition)
                guard pick + 1 < wanted else { return }
                let row = matrix + chosenPosition * count
                for position in 0..<count { redundancy[position] = max(redundancy[position], row[position]) }
            }
        }
    }
}
