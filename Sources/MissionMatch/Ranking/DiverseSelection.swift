import MatchCore

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
    ///   - profiles: The profile vectors (rows by participant index, normalised).
    ///   - diversity: The weight of redundancy.
    /// - Returns: The selected candidates in selection order.
    /// - Complexity: O(k · c · p) for c candidates of dimension p.
    static func select(_ k: Int, from candidates: [Candidate], profiles: Matrix, diversity: Float) -> [Candidate] {
        let ordered = candidates.sorted(by: Candidate.precedes)
        guard diversity > 0, ordered.count > 1 else { return Array(ordered.prefix(k)) }
        var redundancy = [Float](repeating: 0, count: ordered.count)
        var taken = [Bool](repeating: false, count: ordered.count)
        var selected: [Candidate] = []
        let width = profiles.columns
        profiles.withUnsafeBufferPointer { vectors in
            while selected.count < min(k, ordered.count) {
                var best = -1
                var bestValue = -Float.infinity
                for (index, candidate) in ordered.enumerated() where !taken[index] {
                    let value = candidate.score - diversity * redundancy[index]
                    if value > bestValue { best = index; bestValue = value }
                }
                taken[best] = true
                selected.append(ordered[best])
                let chosen = ordered[best].partner * width
                for (index, candidate) in ordered.enumerated() where !taken[index] {
                    let other = candidate.partner * width
                    var cosine: Float = 0
                    for d in 0..<width { cosine += vectors[chosen + d] * vectors[other + d] }
                    redundancy[index] = max(redundancy[index], cosine)
                }
            }
        }
        return selected
    }
}
