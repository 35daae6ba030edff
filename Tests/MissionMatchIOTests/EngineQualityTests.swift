import Foundation
import MatchCore
import MissionMatch
@testable import MissionMatchIO
import Testing

/// The engine against the planted truth of a generated programme, and against
/// the two baselines a reciprocal matcher must beat.
struct EngineQualityTests {
    struct Setup {
        var reference: ReferenceData
        var programme: SyntheticProgramme
        var consortium: [Int]
        var counterparts: [Int]
    }

    /// The generated programme; a failure here fails the test (never a silent skip).
    static func makeSetup() throws -> Setup {
        try #require(BundledDataTests.hasReference, "the bundled Data/ folder is missing")
        let reference = try ReferenceDataLoader.load(from: BundledDataTests.folder).value
        let programme = try SyntheticProgrammeGenerator.generate(
            SyntheticProgrammeOptions(consortium: 150, counterparts: 600, seed: 1), referenceData: reference)
        let sides = programme.mission.sides
        let participants = programme.participants
        return Setup(reference: reference, programme: programme,
                     consortium: participants.indices.filter { participants[$0].side == sides.first },
                     counterparts: participants.indices.filter { participants[$0].side == sides.last })
    }

    private func metrics(_ lists: [Int: [Int]], _ setup: Setup) -> RankingMetrics {
        let ids = setup.programme.participants.map(\.id)
        let rankings = Dictionary(uniqueKeysWithValues: lists.map { (ids[$0.key], $0.value.map { ids[$0] }) })
        return RankingMetrics(rankings: rankings, truth: setup.programme.truth, k: 10)
    }

    /// Top 10 counterparts of every consortium participant by a pair score.
    private func topTen(_ setup: Setup, score: (Int, Int) -> Float) -> [Int: [Int]] {
        var lists: [Int: [Int]] = [:]
        for a in setup.consortium {
            lists[a] = setup.counterparts.map { (partner: $0, score: score(a, $0)) }
                .sorted { $0.score != $1.score ? $0.score > $1.score : $0.partner < $1.partner }
                .prefix(10).map(\.partner)
        }
        return lists
    }

    @Test func engineBeatsConcatenatedTextAndOneDirectionalScores() throws {
        let setup = try Self.makeSetup()
        let participants = setup.programme.participants
        let engine = MatchingEngine(reference: setup.reference, rankingOptions: RankingOptions(congestion: 0, diversity: 0))
        let ranking = try engine.rank(mission: setup.programme.mission, participants: participants)
        let index = Dictionary(uniqueKeysWithValues: participants.enumerated().map { ($1.id, $0) })
        var engineLists: [Int: [Int]] = [:]
        for a in setup.consortium { engineLists[a] = ranking.recommendations[a].compactMap { index[$0.partner] } }
        let engineMetrics = metrics(engineLists, setup)

        // Baseline 1: plain TF-IDF cosine of each participant's concatenated offers and needs.
        let analyses = ranking.model.encoding.analyses
        let documents = analyses.map { analysis -> AnalyzedText in
            var text = analysis.offers
            text.append(analysis.needs)
            return text
        }
        let weighting = TermWeighting(fittingOn: documents, conceptBoost: 1)
        let vectors = documents.map { Dictionary(uniqueKeysWithValues: weighting.vector(of: $0).map { ($0.column, $0.value) }) }
        let concatenated = metrics(topTen(setup) { a, b in
            vectors[a].reduce(Float(0)) { $0 + $1.value * (vectors[b][$1.key] ?? 0) }
        }, setup)

        // Baseline 2: one direction only — what b offers against what a needs, in the engine's own LSA space.
        let encoding = ranking.model.encoding
        let oneWay = metrics(topTen(setup) { a, b in
            zip(encoding.needs.row(a), encoding.offers.row(b)).reduce(Float(0)) { $0 + $1.0 * $1.1 }
        }, setup)

        print("NDCG@10 engine \(engineMetrics.ndcg), concatenated TF-IDF \(concatenated.ndcg), one-directional \(oneWay.ndcg)")
        #expect(engineMetrics.ndcg >= concatenated.ndcg + 0.05)
        #expect(engineMetrics.ndcg >= oneWay.ndcg + 0.05)
        #expect(engineMetrics.recall >= concatenated.recall)
        #expect(engineMetrics.mrr >= oneWay.mrr)
    }
}
