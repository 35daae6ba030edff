import Foundation
import Testing
@testable import MissionMatch
import MissionMatchEvaluation

/// The three figures of the match-quality table, on hand-computed examples.
struct QualityMetricsTests {
    static let truth = GroundTruth([
        .init(participant: "a", partner: "x", relevance: 3),
        .init(participant: "a", partner: "y", relevance: 1),
        .init(participant: "a", partner: "bad1", relevance: 0),
        .init(participant: "a", partner: "bad2", relevance: 0),
        .init(participant: "b", partner: "z", relevance: 2),
    ])

    @Test func badPartnersAreKeptFromRowsOfZero() {
        #expect(Self.truth.badPartners["a"] == ["bad1", "bad2"])
        #expect(Self.truth.relevance(participant: "a", partner: "bad1") == 0)
        #expect(Self.truth.participants == ["a", "b"])
    }

    @Test func exactValues() {
        // a: x first, bad1 second, y third, bad2 last → one of two bad pairs above y (the weakest gold).
        // b: z at position 7 (outside the top 5).
        let orderings = [
            "a": ["x", "bad1", "y", "q", "bad2"],
            "b": ["q1", "q2", "q3", "q4", "q5", "q6", "z"],
        ]
        let metrics = QualityMetrics(orderings: orderings, truth: Self.truth)
        #expect(metrics.participants == 2)
        #expect(metrics.badPairs == 2)
        #expect(metrics.badAboveWeakestGold == 0.5)
        #expect(abs(metrics.recallAt5 - 0.5) < 1e-12)            // a: 2/2, b: 0/1
        // a: DCG = 7/log2(2) + 1/log2(4) = 7.5, IDCG = 7 + 1/log2(3); b: (2²−1)/log2(8) = 1, IDCG 3.
        let ndcgA = 7.5 / (7 + 1 / log2(3.0))
        let ndcgB = 1.0 / 3
        #expect(abs(metrics.ndcgAt10 - (ndcgA + ndcgB) / 2) < 1e-12)
    }

    @Test func aMissingPartnerCountsAsLast() {
        let metrics = QualityMetrics(orderings: ["a": ["bad1", "x"]], truth: Self.truth)
        // y is missing (ranked last): both bad pairs are above it (bad2 is missing too: not above).
        #expect(metrics.badAboveWeakestGold == 0.5)
    }

    @Test func noJudgedBadPairsGivesNoShare() {
        let truth = GroundTruth([.init(participant: "a", partner: "x", relevance: 2)])
        #expect(QualityMetrics(orderings: ["a": ["x"]], truth: truth).badAboveWeakestGold == nil)
    }
}
