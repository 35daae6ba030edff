import MatchCore
@testable import MissionMatch
import Testing

/// A ranking's statistics, recomputed from its lists the plain way, on a
/// market large enough that the engine splits the work over the cores: the
/// same numbers (the sums run in list order either way).
struct RankingStatisticsTests {
    typealias F = MatchingFixtures

    @Test func statisticsAreTheListsSummedInOrder() throws {
        let participants = KernelAgreementTests.randomMarket(seed: 21, consortium: 600, counterparts: 700)
        let ranking = try MatchingEngine(reference: F.reference).rank(mission: F.mission(topK: 4), participants: participants)
        let index = Dictionary(uniqueKeysWithValues: participants.indices.map { (participants[$0].id, $0) })
        let profiles = ranking.model.encoding.profiles
        var exposure = [Int](repeating: 0, count: participants.count)
        var similarity = 0.0, pairs = 0, scores = 0.0, count = 0
        for list in ranking.recommendations {
            let partners = list.compactMap { index[$0.partner] }
            for partner in partners { exposure[partner] += 1 }
            for i in partners.indices {
                for j in (i + 1)..<partners.count {
                    similarity += Double(profiles.dotRow(partners[i], with: profiles, row: partners[j]))
                    pairs += 1
                }
            }
            scores += list.reduce(0) { $0 + $1.score }
            count += list.count
        }
        let statistics = ranking.statistics
        #expect(ranking.recommendations.count >= 1_024)  // more than one chunk
        #expect(statistics.recommendations == count)
        #expect(statistics.distinctPartners == exposure.filter { $0 > 0 }.count)
        #expect(statistics.maximumExposure == exposure.max())
        #expect(statistics.lists == ranking.recommendations.filter { !$0.isEmpty }.count)
        #expect(pairs > 0)
        #expect(statistics.meanIntraListSimilarity == similarity / Double(pairs))
        #expect(statistics.meanScore == scores / Double(count))
    }
}
