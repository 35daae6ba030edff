import Foundation
import Testing
@testable import MissionMatch

/// What the reasons say: real offer↔need links, competitors named, no link labelled, moves explained.
struct ReasonsTests {
    typealias F = MatchingFixtures

    static let participants = [
        F.participant("cider", sectors: ["beverages"], offers: "Craft cider and perry from Normandy orchards.",
                      needs: "An importer for our cider in Ontario."),
        F.participant("rival", sectors: ["beverages"], offers: "Craft cider from Breton orchards, dry and sweet.",
                      needs: "Importers and distributors for our cider."),
        F.participant("importer", side: "counterpart", country: "CA", sectors: ["beverages"],
                      offers: "Importer of European craft cider and beer for Ontario liquor stores.",
                      needs: "New craft cider brands from Europe."),
        F.participant("brewer", side: "counterpart", country: "CA", sectors: ["beverages"],
                      offers: "Craft cider and perry brewed in Ontario orchards.", needs: "Bottling line upgrade."),
        F.participant("bank", side: "counterpart", country: "CA", sectors: ["beverages"],
                      offers: "Loans for farms.", needs: "Agricultural clients."),
    ]

    static func ranking() throws -> MissionRanking {
        var mission = F.mission(topK: 3)
        mission.rules = MatchingRules()
        return try MatchingEngine(reference: F.reference).rank(mission: mission, participants: participants)
    }

    @Test func competitorsAreNamedAndPenalised() throws {
        let ranking = try Self.ranking()
        let brewer = try #require(ranking.recommendations[0].first { $0.partner == "brewer" })
        #expect(brewer.reasons.contains("competitors: "))
        #expect(brewer.components.competition >= 0.2)
        // The importer, who needs cider and offers what the cider maker needs, comes first.
        #expect(ranking.recommendations[0].first?.partner == "importer")
    }

    @Test func aPairWithoutOfferNeedLinkIsLabelledAndComesLast() throws {
        let ranking = try Self.ranking()
        let list = ranking.recommendations[0]
        let bank = try #require(list.first { $0.partner == "bank" })
        #expect(bank.reasons.hasPrefix("no offer↔need link found"))
        #expect(list.last?.partner == "bank")
    }

    @Test func aSingleSharedWordIsNoReason() throws {
        let participants = [
            F.participant("a", offers: "Secure payment terminals.", needs: "Partners."),
            F.participant("b", side: "counterpart", offers: "Banking.", needs: "A secure office building."),
        ]
        let ranking = try MatchingEngine(reference: F.reference).rank(mission: F.mission(topK: 1), participants: participants)
        let reasons = try #require(ranking.recommendations[0].first).reasons
        #expect(!reasons.contains("secure"))
        #expect(reasons.hasPrefix("no offer↔need link found"))
    }

    /// Shared words are quoted as the phrase the text writes: a common word between two
    /// specific ones bridges them ("Greater Toronto Area", where "Toronto" is in most texts),
    /// a shared word beside a run joins it, a word the text repeats is quoted once, and no
    /// phrase runs across the end of a sentence.
    @Test func sharedPhrasesAreQuotedWholeWithinASentence() throws {
        let participants = [
            F.participant("granola", offers: "Organic granola and muesli bars, infant nutrition. Ingredient blends for bakeries.",
                          needs: "A distribution partner active in the Greater Toronto Area."),
            F.participant("grocer", side: "counterpart", country: "CA",
                          offers: "Organic grocery stores across the Greater Toronto Area.",
                          needs: "Nutrition ingredient suppliers and organic muesli bars."),
            F.participant("plasma", offers: "Cold plasma for seeds. We also run plasma surface cleaning lines.",
                          needs: "Toronto partners."),
            F.participant("coater", side: "counterpart", country: "CA", offers: "Toronto office.",
                          needs: "Plasma surface cleaning for medical tubes."),
            F.participant("hotel", side: "counterpart", country: "CA", offers: "Rooms in Toronto.", needs: "Toronto guests."),
        ]
        let ranking = try MatchingEngine(reference: F.reference).rank(mission: F.mission(topK: 3), participants: participants)
        func reasons(_ owner: Int, _ partner: String) throws -> String {
            try #require(ranking.recommendations[owner].first { $0.partner == partner }).reasons
        }
        let granola = try reasons(0, "grocer")
        #expect(granola.contains("needs what they offer: Greater Toronto Area"), "\(granola)")
        #expect(granola.contains("offers what they need: muesli bars, nutrition"), "\(granola)")  // not "nutrition Ingredient"
        #expect(!granola.contains("nutrition Ingredient"))
        let plasma = try reasons(2, "coater")
        #expect(plasma.contains("offers what they need: plasma surface cleaning"), "\(plasma)")  // "plasma" once
    }

    @Test func partnersListedInPlaceOfHigherScoresSayWhy() {
        // Plain list 1, 2, 3; partner 2 is priced by congestion control, so 4 took its place.
        let priced = MatchingEngine.entries([1, 3, 4], plain: [1, 2, 3], prices: [0, 0, 0.3, 0, 0])
        #expect(priced == [nil, nil, "listed in place of a higher score: that partner is in demand in many lists"])
        // No price: diversity left 2 out.
        let diverse = MatchingEngine.entries([1, 3, 4], plain: [1, 2, 3], prices: [0, 0, 0, 0, 0])
        #expect(diverse == [nil, nil, "listed for variety: a higher score is much like a partner above"])
        // The plain list itself: nothing to say.
        #expect(MatchingEngine.entries([1, 2, 3], plain: [1, 2, 3], prices: [0, 0.5, 0.5, 0.5]) == [nil, nil, nil])
    }

    @Test func sectorAndMarketAloneNeverOutrankARealComplement() throws {
        // With the sector weighted far above complementarity, the same-sector pair without any
        // offer↔need link scores higher; the linked partner from another sector is still listed first.
        let participants = [
            F.participant("juice", sectors: ["food"], offers: "Cold pressed juice in glass bottles.",
                          needs: "An importer for our juice in Ontario."),
            F.participant("lender", side: "counterpart", country: "CA", sectors: ["food"],
                          offers: "Loans for farms.", needs: "Agricultural clients."),
            F.participant("importer", side: "counterpart", country: "CA", sectors: ["logistics"],
                          offers: "Importer of juice and soft drinks for Ontario.", needs: "Cold pressed juice brands."),
        ]
        var mission = F.mission(topK: 2)
        mission.weights = ScoringWeights(complementarity: 0.05, similarity: 0, competition: 0, sector: 1, country: 0,
                                         cooperation: 0, calibrated: false)
        let ranking = try MatchingEngine(reference: F.reference, rankingOptions: RankingOptions(congestion: 0, diversity: 0))
            .rank(mission: mission, participants: participants)
        let list = ranking.recommendations[0]
        #expect(list.map(\.partner) == ["importer", "lender"])
        #expect(try #require(list.last).score > (try #require(list.first).score))
        #expect(try #require(list.last).reasons.hasPrefix("no offer↔need link found"))
    }
}
