import MatchCore

/// The recommendations of one mission: every participant's ranked partners
/// with scores, components and reasons, and the candidate pairs the agenda
/// planner draws on.
///
/// ```swift
/// let ranking = try MatchingEngine(reference: reference).rank(mission: mission, participants: participants)
/// for recommendation in ranking.recommendations[0] {
///     print(recommendation.rank, recommendation.partner, recommendation.score, recommendation.reasons)
/// }
/// ```
public struct MissionRanking: Sendable {
    /// The mission's participants, in file order; lists are indexed alike.
    public let participants: [Participant]
    /// Each participant's recommendations, rank 1 first.
    public let recommendations: [[Recommendation]]
    /// Each participant's candidate partners (indices), best score first,
    /// before congestion control and diversity: the planner's candidates.
    public let candidates: [[Candidate]]
    /// How the recommendations are spread.
    public let statistics: RankingStatistics
    /// The scoring model, for components of any pair.
    public let model: ScoringModel
    let explainer: Explainer

    /// The reasons sentence of any pair, from `a`'s point of view.
    ///
    /// - Parameters:
    ///   - a: A participant index.
    ///   - b: Another participant index.
    public func reasons(_ a: Int, _ b: Int) -> String { explainer.reasons(a, b) }

    /// Every candidate pair once (each unordered pair with its best score),
    /// from each participant's first `limit` candidates, ordered by participant indices.
    ///
    /// - Parameter limit: Candidates per participant considered.
    /// - Returns: `(a, b, score)` with `a < b` by index.
    public func candidatePairs(limit: Int) -> [(a: Int, b: Int, score: Float)] {
        var best: [IndexPair: Float] = [:]
        for (owner, list) in candidates.enumerated() {
            for candidate in list.prefix(limit) {
                let pair = IndexPair(a: min(owner, candidate.partner), b: max(owner, candidate.partner))
                best[pair] = max(best[pair] ?? -.infinity, candidate.score)
            }
        }
        return best.keys.sorted().map { pair in (a: pair.a, b: pair.b, score: best[pair] ?? 0) }
    }

    /// An unordered pair of participant indices, `a < b`, ordered by `a`, then `b`.
    private struct IndexPair: Hashable, Comparable {
        var a: Int
        var b: Int

        static func < (lhs: IndexPair, rhs: IndexPair) -> Bool { (lhs.a, lhs.b) < (rhs.a, rhs.b) }
    }
}
