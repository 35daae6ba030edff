import Foundation
import MatchCore
import Testing
@testable import MissionMatch

/// The fused kernel's candidate lists against the score computed pair by pair.
struct KernelAgreementTests {
    typealias F = MatchingFixtures

    static let phrases = [
        "compostable food packaging", "PLA films", "distributor", "importer in Ontario", "craft cider",
        "alcohol-free beer", "protective atmosphere packaging", "crème fraîche", "cold chain logistics",
        "route planning software", "private label", "bottling line", "fresh produce", "polylactic acid film",
    ]

    static func randomMarket(seed: UInt64, consortium: Int, counterparts: Int) -> [Participant] {
        var generator = SeededRandomNumberGenerator(seed: seed)
        let countries = ["DE", "CZ", "BE", "CA", "CN", "US"]
        let sectors = ["packaging", "biopolymers", "food", "beverages", "logistics", "ict"]
        func text() -> String {
            (0..<Int.random(in: 0...3, using: &generator)).map { _ in phrases.randomElement(using: &generator)! }
                .joined(separator: ", ")
        }
        return (0..<(consortium + counterparts)).map { index in
            let side = index < consortium ? "consortium" : "counterpart"
            var p = F.participant(
                "p\(index)", side: side, country: countries.randomElement(using: &generator)!,
                sectors: Array(sectors.shuffled(using: &generator).prefix(Int.random(in: 0...2, using: &generator))),
                offers: text(), needs: text(),
                targets: Array((countries + ["EU"]).shuffled(using: &generator).prefix(Int.random(in: 0...2, using: &generator))),
                cooperation: Array(CooperationType.allCases.shuffled(using: &generator).prefix(Int.random(in: 0...3, using: &generator))))
            if p.offers.isEmpty && p.needs.isEmpty { p.needs = phrases[index % phrases.count] }
            return p
        }
    }

    @Test(arguments: [(Pairing.bipartite, UInt64(1)), (.bipartite, 2), (.bipartite, 3), (.open, 4), (.open, 5)])
    func candidatesMatchExplicitScores(pairing: Pairing, seed: UInt64) throws {
        let participants = Self.randomMarket(seed: seed, consortium: 14, counterparts: 17)
        let mission = F.mission(pairing: pairing, rules: MatchingRules(excludeSameCountry: seed % 2 == 0), topK: 40)
        let engine = MatchingEngine(reference: F.reference,
                                    rankingOptions: RankingOptions(candidatesPerParticipant: 40, congestion: 0, diversity: 0, workers: 2))
        let ranking = try engine.rank(mission: mission, participants: participants)
        let exclusions = PairExclusions(participants: participants, rules: mission.rules, requests: [])
        for (owner, list) in ranking.candidates.enumerated() {
            let partners = participants.indices.filter { other in
                let acrossSides = pairing == .open || participants[other].side != participants[owner].side
                return acrossSides && !exclusions.excludes(owner, other)
            }
            let expected = partners.map { (partner: $0, score: ranking.model.rawScore(owner, $0)) }
                .sorted { $0.score != $1.score ? $0.score > $1.score : $0.partner < $1.partner }
            #expect(list.count == expected.count)
            for (got, want) in zip(list, expected) {
                #expect(abs(got.score - want.score) < 1e-4, "participant \(owner): \(got) vs \(want)")
            }
            #expect(Set(list.map(\.partner)) == Set(expected.map(\.partner)))
            // Recommendations report the same scores, clamped to [0, 1].
            for recommendation in ranking.recommendations[owner] {
                let partner = participants.firstIndex { $0.id == recommendation.partner }!
                #expect(abs(recommendation.score - Double(min(1, max(0, ranking.model.rawScore(owner, partner))))) < 1e-4)
            }
        }
    }
}

/// What the finish stage reads from the kernel instead of computing again.
struct CandidateDirectionTests {
    typealias F = MatchingFixtures

    /// Every candidate carries the kernel's two direction cosines: the model's c₁ and c₂ of the pair
    /// seen from the list's owner (up to the last bits: the kernel sums in another order), lexical-only
    /// and with sentence vectors, both pairings; every recommendation's components are the model's.
    @Test(arguments: [(Pairing.bipartite, UInt64(11), false), (.bipartite, 12, true), (.open, 13, false), (.open, 14, true)])
    func candidatesCarryTheModelsDirections(pairing: Pairing, seed: UInt64, semantic: Bool) throws {
        let participants = KernelAgreementTests.randomMarket(seed: seed, consortium: 16, counterparts: 19)
        let mission = F.mission(pairing: pairing, rules: MatchingRules(), topK: 6)
        let engine = MatchingEngine(reference: F.reference, rankingOptions: RankingOptions(workers: 2))
        let vectors = semantic ? SemanticScoringTests.randomVectors(participants, dimensions: 24, seed: seed) : nil
        let ranking = try engine.rank(mission: mission, participants: participants, semantic: vectors)
        var checked = 0
        for (owner, list) in ranking.candidates.enumerated() {
            for candidate in list {
                let (c1, c2) = ranking.model.directions(owner, candidate.partner)
                #expect(abs(max(0, candidate.offerToNeed) - c1) < 1e-5, "\(owner) → \(candidate.partner)")
                #expect(abs(max(0, candidate.needFromOffer) - c2) < 1e-5, "\(owner) → \(candidate.partner)")
                checked += 1
            }
            for recommendation in ranking.recommendations[owner] {
                let partner = try #require(participants.firstIndex { $0.id == recommendation.partner })
                let expected = ranking.model.components(owner, partner), got = recommendation.components
                for (x, y) in [(got.offerToNeed, expected.offerToNeed), (got.needFromOffer, expected.needFromOffer),
                               (got.complementarity, expected.complementarity)] {
                    #expect(abs(x - y) < 1e-5)
                }
                #expect(got.similarity == expected.similarity && got.competition == expected.competition)
                #expect(got.sector == expected.sector && got.country == expected.country && got.cooperation == expected.cooperation)
            }
        }
        #expect(checked > 100)
        // Some pairs have a semantic direction of their own, so the test sees the semantic block's share.
        if semantic { #expect(ranking.model.semanticShare > 0) }
    }
}

/// What congestion control and diversity change, on a market built to need them.
struct RankingEffectTests {
    typealias F = MatchingFixtures

    /// Thirty packaging SMEs that all need a distributor; one star distributor
    /// that fits everyone best, three near-identical good ones and two different ones.
    /// The SMEs word their needs in three ways, as real ones do: thirty clones
    /// would all switch partners at the same price, and no price could split them.
    static func congestedMarket() -> [Participant] {
        let needs = ["distributor, importer in Ontario", "importer in Ontario for retail chains",
                     "distributor and importer, Ontario and Quebec"]
        var participants = (0..<30).map { index in
            F.participant("eu\(index)", country: index % 2 == 0 ? "DE" : "CZ", sectors: ["packaging"],
                          offers: "compostable food packaging and PLA films", needs: needs[index % 3],
                          targets: ["CA"], cooperation: [.distribution])
        }
        participants.append(F.participant("ca-star", side: "counterpart", country: "CA", sectors: ["logistics"],
                                          offers: "distributor and importer in Ontario",
                                          needs: "compostable food packaging and PLA films", targets: ["EU"],
                                          cooperation: [.distribution]))
        let others = [
            ("importer in Ontario", "compostable food packaging"), ("importer in Ontario", "compostable food packaging"),
            ("importer in Ontario", "compostable food packaging"),
            ("distributor for cold chain logistics", "PLA films"), ("cold chain logistics and bottling line", "PLA films"),
        ]
        for (index, (offer, need)) in others.enumerated() {
            participants.append(F.participant("ca\(index)", side: "counterpart", country: "CA", sectors: ["logistics"],
                                              offers: offer, needs: need, targets: ["EU"]))
        }
        for index in 0..<participants.count { participants[index].maxMeetings = 2 }
        return participants
    }

    private func rank(congestion: Double, diversity: Double) throws -> MissionRanking {
        let engine = MatchingEngine(reference: F.reference,
                                    rankingOptions: RankingOptions(congestion: congestion, diversity: diversity, workers: 2))
        return try engine.rank(mission: F.mission(topK: 3), participants: Self.congestedMarket())
    }

    private func exposure(of id: String, in ranking: MissionRanking) -> Int {
        ranking.recommendations.flatMap { $0 }.filter { $0.partner == id }.count
    }

    @Test func congestionSpreadsAnOverPopularPartner() throws {
        let plain = try rank(congestion: 0, diversity: 0)
        let spread = try rank(congestion: 1, diversity: 0)
        #expect(exposure(of: "ca-star", in: plain) == 30)
        // 30 lists × 3 over 6 partners: allowance max(2 × 2, 1.5 × 90/6 = 22.5).
        #expect(exposure(of: "ca-star", in: spread) < 30)
        #expect(exposure(of: "ca-star", in: spread) <= 23)
        #expect(exposure(of: "ca2", in: spread) > exposure(of: "ca2", in: plain))
        // Scores are reported unchanged: only the order moves.
        #expect(spread.statistics.meanScore <= plain.statistics.meanScore)
    }

    @Test func diversityAvoidsNearDuplicatePartners() throws {
        let plain = try rank(congestion: 0, diversity: 0)
        // The three duplicates score 0.68 after a 0.85 star; a different partner 0.50.
        let diverse = try rank(congestion: 0, diversity: 0.5)
        #expect(diverse.statistics.meanIntraListSimilarity < plain.statistics.meanIntraListSimilarity)
        let duplicates = Set(["ca0", "ca1", "ca2"])
        let plainDuplicates = plain.recommendations[0].filter { duplicates.contains($0.partner) }.count
        let diverseDuplicates = diverse.recommendations[0].filter { duplicates.contains($0.partner) }.count
        #expect(diverseDuplicates < plainDuplicates)
    }

    @Test func giniOfExposure() {
        #expect(RankingStatistics.gini([1, 1, 1, 1]) == 0)
        #expect(abs(RankingStatistics.gini([0, 0, 0, 4]) - 0.75) < 1e-12)
        #expect(RankingStatistics.gini([]) == 0)
    }
}
