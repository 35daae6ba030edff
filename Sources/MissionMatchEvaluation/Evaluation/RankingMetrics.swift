import Foundation
import MissionMatch

/// How well rankings recover a `GroundTruth`: NDCG@k, recall@k and MRR@k,
/// averaged over the participants that have at least one relevant partner.
///
/// For one participant with ranked partners p₁, p₂, … (duplicates after the
/// first occurrence count as irrelevant) and grades rel(pᵢ) from the truth:
///
/// * **NDCG@k** = DCG@k / IDCG@k with DCG@k = Σᵢ₌₁ᵏ (2^rel(pᵢ) − 1) / log₂(i + 1);
///   IDCG@k is the DCG of the truth's own best k grades, so 1 is a perfect list.
/// * **recall@k** = |relevant ∩ top k| / |relevant|, where *relevant* means a
///   grade ≥ ``relevanceThreshold`` (default 2: reciprocal matches). When a
///   participant has more than k relevant partners, 1 is out of reach.
/// * **MRR@k**: 1 / rank of the first relevant partner in the top k, 0 when none.
///
/// The average runs over the truth's participants that have at least one
/// partner of grade ≥ ``relevanceThreshold``, in the truth's order; one with
/// no ranking counts as an empty list (all three 0). Rankings of participants
/// the truth does not list (the other side's lists) are ignored.
///
/// ```swift
/// let metrics = RankingMetrics(rankings: ["eu-01": ["cp-02", "cp-07"]], truth: truth, k: 10)
/// metrics.ndcg      // 0.7… : cp-07 (grade 3) should have come first
/// metrics.recall    // 1.0 : the one reciprocal partner is in the top 10
/// metrics.mrr       // 0.5 : found at rank 2
/// ```
public struct RankingMetrics: Sendable, Hashable, Codable {
    /// The cut-off k.
    public var k: Int
    /// The lowest grade that counts as relevant for recall and MRR.
    public var relevanceThreshold: Int
    /// Mean NDCG@k.
    public var ndcg: Double
    /// Mean recall@k.
    public var recall: Double
    /// Mean reciprocal rank of the first relevant partner within the top k.
    public var mrr: Double
    /// The participants averaged over.
    public var participantsEvaluated: Int

    /// Scores rankings against a truth.
    ///
    /// - Parameters:
    ///   - rankings: Each participant's partners, the best first.
    ///   - truth: The graded truth.
    ///   - k: The cut-off, ≥ 1 (default 10).
    ///   - relevanceThreshold: The lowest grade that counts as relevant, ≥ 1 (default 2).
    /// - Precondition: `k ≥ 1` and `relevanceThreshold ≥ 1`.
    /// - Complexity: O(*p* (*k* log *r* + *r*)) for *p* participants with *r* relevant partners each.
    public init(rankings: [String: [String]], truth: GroundTruth, k: Int = 10, relevanceThreshold: Int = 2) {
        precondition(k >= 1, "k must be ≥ 1")
        precondition(relevanceThreshold >= 1, "the relevance threshold must be ≥ 1")
        self.k = k
        self.relevanceThreshold = relevanceThreshold
        var ndcgSum = 0.0, recallSum = 0.0, mrrSum = 0.0
        var evaluated = 0
        for participant in truth.participants {
            let ideal = truth.relevant(for: participant).map(\.relevance)
            let relevantCount = ideal.count(where: { $0 >= relevanceThreshold })
            guard relevantCount > 0 else { continue }
            evaluated += 1
            let grades = Self.grades(of: rankings[participant] ?? [], participant: participant, truth: truth, k: k)
            ndcgSum += Self.ndcg(grades: grades, idealGrades: ideal, k: k)
            recallSum += Double(grades.count(where: { $0 >= relevanceThreshold })) / Double(relevantCount)
            mrrSum += Self.reciprocalRank(grades: grades, threshold: relevanceThreshold)
        }
        self.participantsEvaluated = evaluated
        let n = Double(max(evaluated, 1))
        self.ndcg = ndcgSum / n
        self.recall = recallSum / n
        self.mrr = mrrSum / n
    }

    /// The grades of the first k partners of a ranking; a partner repeated is graded 0.
    ///
    /// - Parameters:
    ///   - ranking: Partners, the best first.
    ///   - participant: Whose ranking it is.
    ///   - truth: The truth.
    ///   - k: The cut-off.
    /// - Returns: At most k grades.
    public static func grades(of ranking: [String], participant: String, truth: GroundTruth, k: Int) -> [Int] {
        var seen: Set<String> = []
        return ranking.prefix(k).map { partner in
            seen.insert(partner).inserted ? truth.relevance(participant: participant, partner: partner) : 0
        }
    }

    /// DCG@k of grades in ranked order: Σ (2^g − 1) / log₂(i + 1), i from 1.
    ///
    /// - Parameters:
    ///   - grades: Grades in ranked order.
    ///   - k: The cut-off.
    /// - Returns: The discounted cumulative gain.
    public static func dcg(grades: [Int], k: Int) -> Double {
        var sum = 0.0
        for (i, grade) in grades.prefix(k).enumerated() where grade > 0 {
            sum += (pow(2, Double(grade)) - 1) / log2(Double(i + 2))
        }
        return sum
    }

    /// NDCG@k: the DCG of the ranking over the DCG of the best possible one.
    ///
    /// - Parameters:
    ///   - grades: Grades of the ranking, in ranked order.
    ///   - idealGrades: Every positive grade of the truth for this participant, any order.
    ///   - k: The cut-off.
    /// - Returns: A value in [0, 1]; 0 when the truth has no relevant partner.
    public static func ndcg(grades: [Int], idealGrades: [Int], k: Int) -> Double {
        let ideal = dcg(grades: idealGrades.sorted(by: >), k: k)
        return ideal > 0 ? dcg(grades: grades, k: k) / ideal : 0
    }

    /// 1 / the position of the first grade ≥ threshold, or 0.
    ///
    /// - Parameters:
    ///   - grades: Grades in ranked order.
    ///   - threshold: The lowest relevant grade.
    /// - Returns: The reciprocal rank.
    public static func reciprocalRank(grades: [Int], threshold: Int) -> Double {
        grades.firstIndex { $0 >= threshold }.map { 1 / Double($0 + 1) } ?? 0
    }
}
