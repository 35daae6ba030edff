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
        let count = pool.count, width = profiles.columns
        var result = [Float](repeating: 0, count: count * count)
        profiles.withUnsafeBufferPointer { vectors in
            for i in 0..<count {
                let a = pool[i].partner * width
                for j in (i + 1)..<count {
                    let b = pool[j].partner * width
                    var cosine: Float = 0
                    for d in 0..<width { cosine += vectors[a + d] * vectors[b + d] }
                    result[i * count + j] = cosine
                    result[j * count + i] = cosine
                }
            }
        }
        return result
    }

    /// The members of one list, linked ones first, each tier in selection order.
    ///
    /// - Parameters:
    ///   - pool: The candidates.
    ///   - linked: Per candidate, whether it is linked (missing entries: not linked).
    ///   - cosines: ``cosines(of:)`` of the pool (may be empty when ``diversity`` is 0).
    ///   - price: Every participant's price, subtracted from its scores.
    /// - Returns: Positions in `pool`, and how many of them (the first) are linked.
    /// - Complexity: O(k · c + c log c) for c candidates.
    func members(of pool: [Candidate], linked: [Bool], cosines: [Float], price: [Float]) -> (positions: [Int], linked: Int) {
        var chosen: [Int] = []
        var linkedCount = 0
        for tierIsLinked in [true, false] where chosen.count < k {
            let tier = pool.indices.filter { ($0 < linked.count && linked[$0]) == tierIsLinked }
            let adjusted = tier.map { Candidate(partner: pool[$0].partner, score: pool[$0].score - price[pool[$0].partner]) }
            let count = pool.count
            let picked = DiverseSelection.select(k - chosen.count, from: adjusted, diversity: cosines.isEmpty ? 0 : diversity) {
                cosines[tier[$0] * count + tier[$1]]
            }
            chosen += picked.map { tier[$0] }
            if tierIsLinked { linkedCount = chosen.count }
        }
        return (chosen, linkedCount)
    }
}
