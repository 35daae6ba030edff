import MissionMatch
import MissionMatchEvaluation
import Testing

/// Ground truth lookups and the ranking metrics on hand-computed cases.
struct RankingMetricsTests {
    /// eu-01: cp-a 3, cp-b 2, cp-c 1; eu-02: cp-d 1; eu-03: cp-e 2.
    static let truth = GroundTruth([
        .init(participant: "eu-01", partner: "cp-c", relevance: 1),
        .init(participant: "eu-01", partner: "cp-a", relevance: 3),
        .init(participant: "eu-02", partner: "cp-d", relevance: 1),
        .init(participant: "eu-01", partner: "cp-b", relevance: 2),
        .init(participant: "eu-01", partner: "cp-z", relevance: 0),
        .init(participant: "eu-03", partner: "cp-e", relevance: 2),
    ])

    static let rankings = [
        "eu-01": ["cp-c", "cp-a", "cp-x", "cp-b"],
        "eu-02": ["cp-d"],
        "cp-a": ["eu-01"],            // the other side's list: ignored
    ]

    @Test func truthLooksUpGradesAndOrdersPartners() {
        let truth = Self.truth
        #expect(truth.participants == ["eu-01", "eu-02", "eu-03"])
        #expect(truth.count == 5)
        #expect(truth.relevance(participant: "eu-01", partner: "cp-a") == 3)
        #expect(truth.relevance(participant: "eu-01", partner: "cp-c") == 1)
        #expect(truth.relevance(participant: "eu-01", partner: "cp-z") == 0)
        #expect(truth.relevance(participant: "eu-01", partner: "cp-d") == 0)
        #expect(truth.relevance(participant: "nobody", partner: "cp-a") == 0)
        #expect(truth.relevant(for: "eu-01").map(\.partner) == ["cp-a", "cp-b", "cp-c"])
        #expect(truth.relevant(for: "eu-01").map(\.relevance) == [3, 2, 1])
        #expect(truth.relevant(for: "nobody").isEmpty)
        #expect(truth.judgements.map(\.partner) == ["cp-a", "cp-b", "cp-c", "cp-d", "cp-e"])
    }

    @Test func aPairJudgedTwiceKeepsTheHigherGrade() {
        let truth = GroundTruth([.init(participant: "a", partner: "b", relevance: 1),
                                 .init(participant: "a", partner: "b", relevance: 2)])
        #expect(truth.relevance(participant: "a", partner: "b") == 2)
        #expect(truth.count == 1)
    }

    @Test func dcgAndNDCGByHand() {
        // DCG of [1, 3, 0] = 1/log2(2) + 7/log2(3) = 5.41650827…; ideal [3, 2, 1] = 7 + 3/log2(3) + 1/2 = 9.39278926…
        #expect(abs(RankingMetrics.dcg(grades: [1, 3, 0], k: 3) - 5.4165082750002025) < 1e-12)
        #expect(abs(RankingMetrics.dcg(grades: [3, 2, 1], k: 3) - 9.392789260714373) < 1e-12)
        #expect(abs(RankingMetrics.ndcg(grades: [1, 3, 0], idealGrades: [1, 2, 3], k: 3) - 0.5766666455144387) < 1e-12)
        #expect(RankingMetrics.ndcg(grades: [3, 2, 1], idealGrades: [2, 1, 3], k: 3) == 1)
        #expect(RankingMetrics.ndcg(grades: [], idealGrades: [], k: 3) == 0)
        #expect(RankingMetrics.dcg(grades: [3, 3, 3, 3], k: 1) == 7)
        #expect(RankingMetrics.reciprocalRank(grades: [1, 0, 2], threshold: 2) == 1.0 / 3)
        #expect(RankingMetrics.reciprocalRank(grades: [1, 0, 1], threshold: 2) == 0)
    }

    @Test func averagesOverParticipantsWithARelevantPartner() {
        // Threshold 2: eu-01 (NDCG 0.5767, recall 1/2, RR 1/2) and eu-03 (no list: 0, 0, 0); eu-02 has nothing ≥ 2.
        let m = RankingMetrics(rankings: Self.rankings, truth: Self.truth, k: 3, relevanceThreshold: 2)
        #expect(m.participantsEvaluated == 2)
        #expect(abs(m.ndcg - 0.28833332275721935) < 1e-12)
        #expect(abs(m.recall - 0.25) < 1e-12)
        #expect(abs(m.mrr - 0.25) < 1e-12)
    }

    @Test func thresholdOneCountsOneDirectionalPartners() {
        // eu-01: NDCG 0.5767, recall 2/3 (cp-c, cp-a of a, b, c), RR 1; eu-02: 1, 1, 1; eu-03: 0, 0, 0.
        let m = RankingMetrics(rankings: Self.rankings, truth: Self.truth, k: 3, relevanceThreshold: 1)
        #expect(m.participantsEvaluated == 3)
        #expect(abs(m.ndcg - 0.5255555485048129) < 1e-12)
        #expect(abs(m.recall - 0.5555555555555555) < 1e-12)
        #expect(abs(m.mrr - 0.6666666666666666) < 1e-12)
    }

    @Test func aRepeatedPartnerGainsOnce() {
        let grades = RankingMetrics.grades(of: ["cp-a", "cp-a", "cp-b"], participant: "eu-01", truth: Self.truth, k: 10)
        #expect(grades == [3, 0, 2])
        let perfect = RankingMetrics(rankings: ["eu-01": ["cp-a", "cp-b", "cp-c"]], truth: Self.truth, k: 3,
                                     relevanceThreshold: 1)
        #expect(perfect.participantsEvaluated == 3)
        #expect(abs(perfect.ndcg - 1.0 / 3) < 1e-12)          // eu-01 perfect; eu-02 and eu-03 have no list
    }

    @Test func recallIsCappedByKWhenThereAreMoreRelevantPartners() {
        let truth = GroundTruth((1...4).map { .init(participant: "p", partner: "q\($0)", relevance: 2) })
        let m = RankingMetrics(rankings: ["p": ["q1", "q2", "q3", "q4"]], truth: truth, k: 2)
        #expect(m.recall == 0.5)
        #expect(m.ndcg == 1)
        #expect(m.mrr == 1)
    }
}
