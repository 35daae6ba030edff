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
        draw(pool, linked: linked, cosines: cosines, price: price, slack: nil)
    }

    /// ``members(of:linked:cosines:price:)``, with how far each candidate's
    /// price may move before the draw can change: the same list is drawn at
    /// any prices p′ with |p′ⱼ − pⱼ| < slack[j] for every candidate j (by pool
    /// position), all of them moving at once, up to rounding
    /// (``holds(slack:centres:of:at:rounding:)``). Congestion pricing keeps a
    /// list whose candidates' prices stayed within their slack instead of
    /// drawing it again.
    ///
    /// Each decision of the draw is made with a margin, and its midpoint
    /// bounds the candidates' moves: at a pick whose winner has value v and
    /// whose best rival at most r < v, the winner may lose less than
    /// (v − r) / 2 and each rival j of value vⱼ gain less than (v + r) / 2 − vⱼ,
    /// so the winner stays ahead (a price move of δ changes a value by δ;
    /// redundancy depends only on the picks, which stay the same by
    /// induction). In a tier taken by score − price alone (no diversity) the
    /// midpoint lies between the last taken and the first left. A candidate of
    /// a tier taken whole, or of a tier not drawn, has an infinite slack; a
    /// tie, or a score − price that is not finite, gives every candidate 0.
    ///
    /// - Returns: ``members(of:linked:cosines:price:)``'s result and a slack per pool position.
    /// - Complexity: O(k · c + c²) for c candidates, as ``members(of:linked:cosines:price:)``.
    func membersWithSlack(of pool: [Candidate], linked: [Bool], cosines: [Float], price: [Float])
        -> (positions: [Int], linked: Int, slack: [Float]) {
        var slack = [Float](repeating: .infinity, count: pool.count)
        let drawn = slack.withUnsafeMutableBufferPointer { slack in
            draw(pool, linked: linked, cosines: cosines, price: price, slack: slack.baseAddress)
        }
        return (drawn.positions, drawn.linked, slack)
    }

    /// Whether a list drawn at the prices `centres` (by pool position) with
    /// ``membersWithSlack(of:linked:cosines:price:)``'s `slack` is drawn the
    /// same at `price`: every candidate's price is within its slack of its
    /// centre, with `rounding` to spare.
    ///
    /// - Parameter rounding: A bound on the rounding of the draw's Float
    ///   arithmetic, ``rounding(largestScore:largestPrice:)``.
    /// - Complexity: O(c) for c candidates.
    static func holds(slack: [Float], centres: [Float], of pool: [Candidate], at price: [Float], rounding: Double) -> Bool {
        guard slack.count == pool.count, centres.count == pool.count else { return false }
        for position in pool.indices {
            let moved = abs(Double(price[pool[position].partner]) - Double(centres[position]))
            guard moved + rounding < Double(slack[position]) else { return false }
        }
        return true
    }

    /// A bound on the rounding of this draw's Float arithmetic (score − price,
    /// minus weighted redundancy, the midpoints and slacks) when no score or
    /// price is larger in magnitude than the given ones: eight units in the
    /// last place of the largest value a draw computes, where about three
    /// are needed (a value computed at two prices, and the slack).
    func rounding(largestScore: Float, largestPrice: Float) -> Double {
        (Double(largestScore) + Double(largestPrice) + Double(abs(diversity)) + 1) * 0x1p-20
    }

    private func draw(
        _ pool: [Candidate], linked: [Bool], cosines: [Float], price: [Float], slack requested: UnsafeMutablePointer<Float>?
    ) -> (positions: [Int], linked: Int) {
        let count = pool.count
        guard k > 0, count > 0 else { return ([], 0) }
        let weighsRedundancy = diversity > 0 && cosines.count == count * count
        var chosen: [Int] = []
        chosen.reserveCapacity(min(k, count))
        var linkedCount = 0
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 3 * count) { scratch in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * count) { indices in
                guard let floats = scratch.baseAddress, let integers = indices.baseAddress else { return }
                let adjusted = floats, redundancy = floats + count
                let order = integers, taken = integers + count
                for position in 0..<count {
                    adjusted[position] = pool[position].score - price[pool[position].partner]
                }
                // Slack for finite scores − prices and diversity only: then no room computed below is not a
                // number (redundancy, a running maximum from 0, stays a number). Otherwise 0: drawn again.
                var slack = requested
                if let given = slack, !(diversity.isFinite && (0..<count).allSatisfy({ adjusted[$0].isFinite })) {
                    for position in 0..<count { given[position] = 0 }
                    slack = nil
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
                        if let slack, wanted < size {  // the taken stay above the midpoint, the others below it
                            let midpoint = (adjusted[order[wanted - 1]] + adjusted[order[wanted]]) / 2
                            for rank in 0..<size {
                                let position = order[rank]
                                slack[position] = rank < wanted ? adjusted[position] - midpoint : midpoint - adjusted[position]
                            }
                        }
                    } else {
                        pickByMarginalRelevance(
                            wanted, order: order, size: size, adjusted: adjusted, redundancy: redundancy, taken: taken,
                            cosines: cosines, count: count, into: &chosen,
                            slack: wanted < size ? slack : nil, blocked: floats + 2 * count)
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
        into chosen: inout [Int], slack: UnsafeMutablePointer<Float>? = nil, blocked: UnsafeMutablePointer<Float>? = nil
    ) {
        for position in 0..<count { redundancy[position] = 0 }
        for rank in 0..<size { taken[rank] = 0 }
        var tracking = slack  // nil once a tie has set every slack to 0
        if slack != nil, let blocked {  // 0 for this tier's candidates not taken yet, infinity for the others
            for position in 0..<count { blocked[position] = .infinity }
            for rank in 0..<size { blocked[order[rank]] = 0 }
        }
        cosines.withUnsafeBufferPointer { rows in
            guard let matrix = rows.baseAddress, rows.count >= count * count else { return }
            for pick in 0..<wanted {
                var best = -1
                var bestValue = -Float.infinity
                var rival = -Float.infinity  // at least the best rival's value
                for rank in 0..<size where taken[rank] == 0 {
                    let position = order[rank]
                    let score = adjusted[position]
                    // The rest have values at most their adjusted scores, at most this one.
                    if score <= bestValue { rival = max(rival, score); break }
                    let value = score - diversity * redundancy[position]
                    if value > bestValue { rival = bestValue; best = rank; bestValue = value } else { rival = max(rival, value) }
                }
                guard best >= 0 else {  // only if scores are not numbers: the list stays shorter
                    if let tracking { for position in 0..<count { tracking[position] = 0 } }
                    return
                }
                if let slack = tracking, let blocked, rival > -Float.infinity {  // no rival: the pick is forced
                    // The winner may lose half the gap to its best rival, each rival gain up to the midpoint.
                    let midpoint = (bestValue + rival) / 2
                    let winner = order[best]
                    blocked[winner] = .infinity
                    for position in 0..<count {
                        slack[position] = min(slack[position], midpoint - (adjusted[position] - diversity * redundancy[position]) + blocked[position])
                    }
                    let own = bestValue - midpoint
                    slack[winner] = min(slack[winner], own)
                    if !(own > 0) {  // a tie: the list is drawn again
                        for position in 0..<count { slack[position] = 0 }
                        tracking = nil
                    }
                }
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
