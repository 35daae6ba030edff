/// Picks a list that is not ten near-identical partners: maximal marginal
/// relevance (Carbonell & Goldstein 1998) over the profile vectors.
///
/// Candidates are taken one at a time; each time the one with the highest
///
///     value(j) = adjusted score(j) − diversity · max(0, max over chosen c of cos(profile_j, profile_c))
///
/// wins (ties: higher adjusted score, then lower index). With `diversity` 0
/// this is the plain order by adjusted score.
enum DiverseSelection {
    /// Selects `k` candidates.
    ///
    /// - Parameters:
    ///   - k: How many to select.
    ///   - candidates: The candidates with their adjusted scores.
    ///   - diversity: The weight of redundancy.
    ///   - similarity: The profile cosine of two candidates, by their indices in `candidates`.
    /// - Returns: The indices in `candidates` of the selected ones, in selection order.
    /// - Complexity: O(k · c) calls of `similarity` for c candidates, plus O(c log c).
    static func select(
        _ k: Int, from candidates: [Candidate], diversity: Float, similarity: (Int, Int) -> Float
    ) -> [Int] {
        let order = candidates.indices.sorted { Candidate.precedes(candidates[$0], candidates[$1]) }
        guard diversity > 0, order.count > 1 else { return Array(order.prefix(max(0, k))) }
        var redundancy = [Float](repeating: 0, count: order.count)
        var taken = [Bool](repeating: false, count: order.count)
        var selected: [Int] = []
        while selected.count < min(k, order.count) {
            var best = -1
            var bestValue = -Float.infinity
            for (position, index) in order.enumerated() where !taken[position] {
                let value = candidates[index].score - diversity * redundancy[position]
                if value > bestValue { best = position; bestValue = value }
            }
            taken[best] = true
            selected.append(order[best])
            for (position, index) in order.enumerated() where !taken[position] {
                redundancy[position] = max(redundancy[position], similarity(order[best], index))
            }
        }
        return selected
    }
}
