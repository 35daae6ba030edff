import MissionMatch

/// How well complete rankings agree with a judged `GroundTruth`: the three
/// figures the match-quality tables report (`docs/MatchQuality.md`).
///
/// For every participant of the truth with a relevant partner (grade ≥
/// ``relevanceThreshold``), given its whole ordering of candidate partners:
///
/// * **recall@5** = |relevant ∩ top 5| / min(5, |relevant|), so 1 is reachable
///   even with more than five relevant partners;
/// * **NDCG@10** as in ``RankingMetrics`` (graded gains 2^rel − 1);
/// * **bad above weakest gold**: of the pairs judged bad (relevance-0 rows,
///   `GroundTruth.badPartners`: competitors, same sector with nothing to
///   trade, the right words in the wrong role), the share ranked above the
///   participant's lowest-ranked relevant partner. 0 is a ranking that never
///   puts a look-alike before any partner an organiser wants.
///
/// ```swift
/// let metrics = QualityMetrics(orderings: ["eu-01": ["ca-02", "ca-07", "ca-03"]], truth: truth)
/// metrics.ndcgAt10
/// ```
public struct QualityMetrics: Sendable, Hashable, Codable {
    /// Mean recall@5.
    public var recallAt5: Double
    /// Mean NDCG@10.
    public var ndcgAt10: Double
    /// The share of judged bad pairs above the weakest relevant partner, or `nil` when the truth has none.
    public var badAboveWeakestGold: Double?
    /// The participants averaged over.
    public var participants: Int
    /// The judged bad pairs counted.
    public var badPairs: Int
    /// The lowest grade that counts as relevant.
    public var relevanceThreshold: Int

    /// Scores complete orderings.
    ///
    /// - Parameters:
    ///   - orderings: Each participant's candidate partners, best first (all of
    ///     them, so that partners below the top 10 are placed too). A partner
    ///     missing from an ordering counts as ranked last.
    ///   - truth: The judged truth.
    ///   - relevanceThreshold: The lowest grade that counts as relevant (default 1).
    /// - Complexity: O(Σ ordering lengths).
    public init(orderings: [String: [String]], truth: GroundTruth, relevanceThreshold: Int = 1) {
        precondition(relevanceThreshold >= 1, "the relevance threshold must be ≥ 1")
        self.relevanceThreshold = relevanceThreshold
        var recallSum = 0.0, ndcgSum = 0.0
        var evaluated = 0, bad = 0, badAbove = 0
        for participant in truth.participants {
            let relevant = truth.relevant(for: participant).filter { $0.relevance >= relevanceThreshold }
            guard !relevant.isEmpty else { continue }
            evaluated += 1
            let ordering = orderings[participant] ?? []
            var position: [String: Int] = [:]
            for (index, partner) in ordering.enumerated() where position[partner] == nil { position[partner] = index }
            let top5 = relevant.count(where: { (position[$0.partner] ?? Int.max) < 5 })
            recallSum += Double(top5) / Double(min(5, relevant.count))
            let grades = RankingMetrics.grades(of: ordering, participant: participant, truth: truth, k: 10)
            ndcgSum += RankingMetrics.ndcg(grades: grades, idealGrades: truth.relevant(for: participant).map(\.relevance), k: 10)
            let weakest = relevant.map { position[$0.partner] ?? Int.max }.max() ?? Int.max
            for partner in truth.badPartners[participant] ?? [] {
                bad += 1
                if (position[partner] ?? Int.max) < weakest { badAbove += 1 }
            }
        }
        let n = Double(max(1, evaluated))
        self.participants = evaluated
        self.recallAt5 = recallSum / n
        self.ndcgAt10 = ndcgSum / n
        self.badPairs = bad
        self.badAboveWeakestGold = bad > 0 ? Double(badAbove) / Double(bad) : nil
    }
}
