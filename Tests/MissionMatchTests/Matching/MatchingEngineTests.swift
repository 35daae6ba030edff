import Foundation
import MatchCore
import Testing
@testable import MissionMatch

struct MatchingEngineTests {
    typealias F = MatchingFixtures

    /// A packaging SME, a reciprocal partner, a one-directional one and a competitor.
    static let market: [Participant] = [
        F.participant("eu-pack", country: "DE", sectors: ["packaging"],
                      offers: "We produce compostable food packaging for fresh produce.",
                      needs: "We need a distributor for Canada.", targets: ["CA"], cooperation: [.distribution]),
        F.participant("eu-drinks", country: "BE", sectors: ["beverages"],
                      offers: "Low and no alcohol drinks and craft cider.", needs: "An importer in Ontario.",
                      targets: ["CA"], cooperation: [.commercial]),
        F.participant("ca-dist", side: "counterpart", country: "CA", sectors: ["logistics"],
                      offers: "Importer and distributor of grocery goods in Ontario.",
                      needs: "Compostable packs for our private label.", targets: ["EU"], cooperation: [.distribution]),
        F.participant("ca-oneway", side: "counterpart", country: "CA", sectors: ["logistics"],
                      offers: "Distributor for retail chains across Canada.", needs: "Software for route planning.",
                      targets: ["EU"], cooperation: [.distribution]),
        F.participant("ca-rival", side: "counterpart", country: "CA", sectors: ["packaging"],
                      offers: "Compostable food packaging made in Quebec.", needs: "PLA film suppliers.",
                      targets: ["EU"], cooperation: [.supplier]),
        F.participant("ca-bev", side: "counterpart", country: "CA", sectors: ["beverages"],
                      offers: "Importer of beers, wines and alcohol-free beer.", needs: "Craft cider from Europe.",
                      targets: ["BE", "DE"], cooperation: [.commercial]),
    ]

    private func engine(congestion: Double = 0, diversity: Double = 0) -> MatchingEngine {
        MatchingEngine(reference: F.reference, rankingOptions: RankingOptions(congestion: congestion, diversity: diversity, workers: 2))
    }

    private func list(_ ranking: MissionRanking, _ id: String) -> [Recommendation] {
        ranking.recommendations[ranking.participants.firstIndex { $0.id == id }!]
    }

    @Test func reciprocalMatchBeatsOneWayAndCompetitor() throws {
        let ranking = try engine().rank(mission: F.mission(topK: 4), participants: Self.market)
        let partners = list(ranking, "eu-pack").map(\.partner)
        #expect(partners.first == "ca-dist")
        let dist = try #require(list(ranking, "eu-pack").first { $0.partner == "ca-dist" })
        let oneWay = try #require(list(ranking, "eu-pack").first { $0.partner == "ca-oneway" })
        let rival = try #require(list(ranking, "eu-pack").first { $0.partner == "ca-rival" })
        #expect(dist.components.complementarity > oneWay.components.complementarity)
        #expect(dist.components.complementarity > rival.components.complementarity)
        // The competitor offers the very same thing, and still ranks below.
        #expect(rival.score < dist.score)
        #expect(list(ranking, "eu-drinks").first?.partner == "ca-bev")
    }

    @Test func reasonsNameTheConceptsOfEachDirection() throws {
        let ranking = try engine().rank(mission: F.mission(topK: 4), participants: Self.market)
        let dist = try #require(list(ranking, "eu-pack").first { $0.partner == "ca-dist" })
        #expect(dist.reasons == "offers compostable food packaging ↔ needs Compostable packs; needs distributor ↔ offers Importer; "
                + "each in the other's target market (Canada ↔ Germany)")
        // Seen from the other side, the directions swap.
        let back = try #require(list(ranking, "ca-dist").first { $0.partner == "eu-pack" })
        #expect(back.reasons.hasPrefix("offers Importer ↔ needs distributor; needs Compostable packs ↔ offers compostable food packaging"))
        #expect(abs(back.components.offerToNeed - dist.components.needFromOffer) < 1e-6)
        #expect(abs(back.score - dist.score) < 1e-6)
    }

    @Test func reasonsNeverCarryContactData() throws {
        var participants = Self.market
        participants[0].offers += " Mail sales@eupack.example or visit https://eupack.example for Compostable packs."
        participants[0].email = "anna.novak@eupack.example"
        participants[0].contact = "Anna Novak"
        participants[0].website = "https://eupack.example"
        let ranking = try engine().rank(mission: F.mission(topK: 4), participants: participants)
        for recommendation in ranking.recommendations.flatMap({ $0 }) {
            #expect(!recommendation.reasons.contains("@"))
            #expect(!recommendation.reasons.contains("eupack"))
            #expect(!recommendation.reasons.contains("Novak"))
        }
    }

    @Test func blocksRulesAndSameOrganisationAreNeverRecommended() throws {
        var participants = Self.market
        participants.append(F.participant("ca-pack-twin", side: "counterpart", country: "CA", sectors: ["packaging"],
                                          offers: "Distributor of compostable packs", needs: "Compostable food packaging",
                                          name: "ORG EU-PACK"))
        participants[2].cluster = "Packaging Cluster"
        participants[0].cluster = "packaging  cluster"
        let requests = [MeetingRequest(from: "eu-drinks", to: "ca-bev", priority: .block)]
        let ranking = try engine().rank(
            mission: F.mission(rules: MatchingRules(excludeSameCluster: true), topK: 5), participants: participants, requests: requests)
        #expect(!list(ranking, "eu-pack").contains { $0.partner == "ca-dist" })      // same cluster
        #expect(!list(ranking, "eu-pack").contains { $0.partner == "ca-pack-twin" })  // same organisation
        #expect(!list(ranking, "eu-drinks").contains { $0.partner == "ca-bev" })      // blocked
        #expect(!list(ranking, "ca-bev").contains { $0.partner == "eu-drinks" })
        #expect(list(ranking, "eu-pack").allSatisfy { $0.partner.hasPrefix("ca-") })   // across sides only
    }

    @Test func exclusionRulesExactly() {
        var people = [
            F.participant("a", country: "DE", cluster: "X", languages: ["de", "en"]),
            F.participant("b", country: "DE", cluster: "x", languages: ["fr"]),
            F.participant("c", country: "CA", languages: []),
            F.participant("d", country: "CA", cluster: nil, languages: ["en"], name: "org A"),
        ]
        people[0].name = "Org A"
        let none = PairExclusions(participants: people, rules: MatchingRules(), requests: [])
        #expect(!none.excludes(0, 1) && !none.excludes(0, 2))
        #expect(none.excludes(0, 0) && none.excludes(0, 3))  // self, and the same organisation name
        let strict = PairExclusions(
            participants: people,
            rules: MatchingRules(excludeSameCluster: true, excludeSameCountry: true, requireCommonLanguage: true),
            requests: [MeetingRequest(from: "c", to: "a", priority: .block)])
        #expect(strict.excludes(0, 1))            // same cluster (and country, and no common language)
        #expect(strict.excludes(2, 0) && strict.excludes(0, 2))  // blocked both ways
        #expect(!strict.excludes(1, 2))           // c states no language: assumed to find one
        #expect(strict.excludes(2, 3))            // same country
    }

    @Test func wishRaisesTheScoreByTheBonus() throws {
        let plain = try engine().rank(mission: F.mission(topK: 4), participants: Self.market)
        let wished = try engine().rank(
            mission: F.mission(topK: 4), participants: Self.market,
            requests: [MeetingRequest(from: "eu-drinks", to: "ca-rival", priority: .wish)])
        let before = try #require(list(plain, "eu-drinks").first { $0.partner == "ca-rival" })
        let after = try #require(list(wished, "eu-drinks").first { $0.partner == "ca-rival" })
        #expect(abs(after.score - min(1, before.score + 0.1)) < 1e-5)
        #expect(after.reasons.hasSuffix("meeting requested"))
        #expect(list(wished, "ca-rival").contains { $0.partner == "eu-drinks" })
    }

    @Test func sameInputsGiveTheSameRanking() throws {
        let first = try engine(congestion: 1, diversity: 0.08).rank(mission: F.mission(), participants: Self.market)
        let second = try engine(congestion: 1, diversity: 0.08).rank(mission: F.mission(), participants: Self.market)
        #expect(first.recommendations == second.recommendations)
    }
}
