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
        var best: [UInt64: Float] = [:]
        for (owner, list) in candidates.enumerated() {
            for candidate in list.prefix(limit) {
                let key = PairMask.key(min(owner, candidate.partner), max(owner, candidate.partner))
                best[key] = max(best[key] ?? -.infinity, candidate.score)
            }
        }
        return best.keys.sorted().map { key in
            (a: Int(key >> 32), b: Int(key & 0xFFFF_FFFF), score: best[key] ?? 0)
        }
    }
}
