import Foundation
import MissionMatch
@testable import MissionMatchIO
import Testing

/// The engine on the bundled missions, with expectations checked by hand
/// against what the participants wrote.
struct BundledRankingTests {
    static let folder = BundledDataTests.folder

    private func rank(_ mission: String, top: Int? = nil) throws -> MissionRanking {
        let reference = try ReferenceDataLoader.load(from: Self.folder).value
        let loaded = try MissionLoader(referenceData: reference)
            .load(contentsOf: Self.folder.appendingPathComponent("missions/\(mission).yaml")).value
        return try MatchingEngine(reference: reference)
            .rank(mission: loaded.mission, participants: loaded.participants, requests: loaded.requests, top: top)
    }

    private func partners(_ ranking: MissionRanking, _ id: String, top: Int) -> [String] {
        let index = ranking.participants.firstIndex { $0.id == id }
        return index.map { ranking.recommendations[$0].prefix(top).map(\.partner) } ?? []
    }

    @Test func torontoHandChecked() throws {
        let ranking = try rank("toronto-2019")
        // tor-eu-003 Brasserie Lambert & Fils brews beer and cider, with a low and
        // no alcohol range, and needs "an importer who can help us launch our
        // products in Ontario". tor-ca-013 Niagara Gourmet Distribution is a fine
        // food importer and distributor in Ontario and Quebec; tor-ca-036 Bright
        // Harbour Coffee needs "Low and no alcohol drinks" (and alcohol-free wine).
        let brasserie = partners(ranking, "tor-eu-003", top: 3)
        #expect(brasserie.contains("tor-ca-013"))
        #expect(brasserie.contains("tor-ca-036"))
        // tor-eu-010 Vacucoat offers glass-like (SiOx) barrier coatings and needs
        // flexibles; tor-ca-028 Ridgeview Packaging needs "transparent barrier
        // layers" (tag siox-barrier-layers) and offers flexible packaging: a match
        // both ways, and its first recommendation.
        #expect(partners(ranking, "tor-eu-010", top: 1) == ["tor-ca-028"])
        let vacucoat = try #require(ranking.recommendations[ranking.participants.firstIndex { $0.id == "tor-eu-010" }!].first)
        #expect(vacucoat.reasons.contains("offers glass-like barrier coating ↔ needs transparent barrier layers"))
        #expect(vacucoat.reasons.contains("needs flexibles ↔ offers Flexible packaging"))  // the tag flexible-packaging, read as its label
        // And the other way: Ridgeview's list has Vacucoat near the top.
        #expect(partners(ranking, "tor-ca-028", top: 3).contains("tor-eu-010"))
    }

    /// Congestion control steers by the lists as the ranking draws them (partners
    /// with an offer↔need link first): on Shanghai's 120 × 42 market it takes the
    /// most recommended counterpart out of lists where a linked alternative can
    /// stand in (65 lists without it, 49 with it, diversity off, when written), and lists stay
    /// ordered by the scores they show.
    @Test func congestionSpreadsShanghaisMostRecommendedCounterpart() throws {
        let reference = try ReferenceDataLoader.load(from: Self.folder).value
        let loaded = try MissionLoader(referenceData: reference)
            .load(contentsOf: Self.folder.appendingPathComponent("missions/shanghai-2019.yaml")).value
        func ranking(congestion: Double) throws -> MissionRanking {
            try MatchingEngine(reference: reference, rankingOptions: RankingOptions(congestion: congestion, diversity: 0))
                .rank(mission: loaded.mission, participants: loaded.participants, requests: loaded.requests)
        }
        let plain = try ranking(congestion: 0), spread = try ranking(congestion: 1)
        #expect(spread.statistics.maximumExposure * 5 <= plain.statistics.maximumExposure * 4,
                "\(plain.statistics.maximumExposure) → \(spread.statistics.maximumExposure)")
        #expect(spread.statistics.meanScore >= plain.statistics.meanScore - 0.01)
        for list in spread.recommendations {
            let linked = list.map { !$0.reasons.hasPrefix("no offer↔need link found") }
            for (x, y) in zip(list.indices.dropLast(), list.indices.dropFirst()) where linked[x] == linked[y] {
                #expect(list[x].score >= list[y].score, "\(list[x].participant): ranks \(x + 1) and \(y + 1)")
            }
            #expect(linked == linked.sorted { $0 && !$1 })
        }
    }

    @Test func everyMissionRanksEveryoneWithinTheRules() throws {
        for mission in ["toronto-2019", "shanghai-2019", "washington-philadelphia-2019", "escp4i-matchmaking-2019"] {
            let ranking = try rank(mission)
            let byID = Dictionary(uniqueKeysWithValues: ranking.participants.map { ($0.id, $0) })
            for (participant, list) in zip(ranking.participants, ranking.recommendations) {
                #expect(list.count == 10, "\(mission) \(participant.id)")
                #expect(list.map(\.rank) == Array(1...list.count))
                #expect(Set(list.map(\.partner)).count == list.count)
                for recommendation in list {
                    let partner = try #require(byID[recommendation.partner])
                    #expect((0...1).contains(recommendation.score))
                    #expect(partner.id != participant.id)
                    if participant.side != nil { #expect(partner.side != participant.side) }
                    if let cluster = participant.cluster { #expect(partner.cluster != cluster) }  // exclude_same_cluster
                    #expect(!recommendation.reasons.isEmpty)
                    for contact in [partner.email, partner.website, participant.email, participant.website].compactMap({ $0 }) {
                        #expect(!recommendation.reasons.contains(contact))
                    }
                }
            }
        }
    }

    /// What `csvParts(for:emit:)` hands over, in the order it does.
    private func streamedParts(_ lists: [[Recommendation]]) -> [String] {
        var parts: [String] = []
        RecommendationsCSVWriter().csvParts(for: lists) { parts.append($0) }
        return parts
    }

    /// Streamed while being formatted on all cores, the parts are those of `csvParts(for:)`, in order:
    /// a programme-sized list (past the size below which one core formats everything) and an empty one.
    @Test func streamedCSVPartsAreTheFormattedParts() throws {
        let ranking = try rank("shanghai-2019", top: 3)
        let many = Array((0..<12).map { _ in ranking.recommendations }.joined())  // 12 × 98 lists
        #expect(many.count >= 1_000)
        let parts = streamedParts(many)
        #expect(parts == RecommendationsCSVWriter().csvParts(for: many))
        #expect(parts.count > 2)
        #expect(parts.joined() == RecommendationsCSVWriter().csv(for: many))
        #expect(streamedParts([]) == RecommendationsCSVWriter().csvParts(for: []))
    }

    @Test func recommendationsCSVHasTheDocumentedShape() throws {
        let ranking = try rank("shanghai-2019", top: 2)
        let text = RecommendationsCSVWriter().csv(for: ranking.recommendations)
        #expect(RecommendationsCSVWriter().csvParts(for: ranking.recommendations).joined() == text)
        #expect(streamedParts(ranking.recommendations) == RecommendationsCSVWriter().csvParts(for: ranking.recommendations))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "participant_id,rank,partner_id,score,complementarity,similarity,sector,country,cooperation,reasons,competition,met_before")
        #expect(lines.count == 1 + 2 * ranking.participants.count + 1)  // header, rows, final empty after the last \n
        let first = try #require(ranking.recommendations.first?.first)
        #expect(lines[1].hasPrefix("\(first.participant),1,\(first.partner),\(FixedPoint.format(first.score, digits: 4)),"))
    }
}
