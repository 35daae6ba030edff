import Foundation
@testable import MissionMatch

/// Small, exact reference data and missions for the matching tests.
enum MatchingFixtures {
    static let reference = ReferenceData(
        countries: CountryTable([
            Country(alpha2: "DE", alpha3: "DEU", name: "Germany", groups: ["EU", "EEA"]),
            Country(alpha2: "CZ", alpha3: "CZE", name: "Czechia", groups: ["EU", "EEA"]),
            Country(alpha2: "BE", alpha3: "BEL", name: "Belgium", groups: ["EU", "EEA"]),
            Country(alpha2: "CA", alpha3: "CAN", name: "Canada"),
            Country(alpha2: "CN", alpha3: "CHN", name: "China"),
            Country(alpha2: "US", alpha3: "USA", name: "United States of America", aliases: ["US", "United States"]),
        ]),
        sectors: SectorTaxonomy(
            sectors: [
                Sector(code: "packaging", name: "Packaging"), Sector(code: "biopolymers", name: "Biopolymers"),
                Sector(code: "food", name: "Food and drink"), Sector(code: "beverages", name: "Beverages"),
                Sector(code: "logistics", name: "Logistics"), Sector(code: "ict", name: "ICT"),
            ],
            affinities: [
                SectorAffinity(sectorA: "packaging", sectorB: "food", affinity: 0.8),
                SectorAffinity(sectorA: "packaging", sectorB: "biopolymers", affinity: 0.9),
                SectorAffinity(sectorA: "beverages", sectorB: "logistics", affinity: 0.6),
            ]),
        thesaurus: sampleThesaurus,
        programme: Programme())

    static func mission(pairing: Pairing = .bipartite, rules: MatchingRules = MatchingRules(), topK: Int = 3) -> Mission {
        Mission(
            id: "test-mission", name: "Test mission", timeZone: TimeZone(identifier: "America/Toronto") ?? .gmt,
            participantsPath: "participants.csv", pairing: pairing,
            sides: pairing == .bipartite ? ["consortium", "counterpart"] : [],
            sessions: [Session(date: LocalDate(year: 2019, month: 6, day: 4)!, start: LocalTime(hour: 9, minute: 0)!,
                               end: LocalTime(hour: 12, minute: 0)!)],
            meetingMinutes: 20, breakMinutes: 5, tables: 10, maxMeetings: 6, rules: rules, topK: topK)
    }

    static func participant(
        _ id: String, side: String? = "consortium", country: String = "DE", sectors: [String] = [],
        offers: String = "", needs: String = "", targets: [String] = [], cooperation: [CooperationType] = [],
        cluster: String? = nil, languages: [String] = [], name: String? = nil
    ) -> Participant {
        var p = Participant(id: id, name: name ?? "Org \(id)", country: country)
        p.side = side.map { Side(rawValue: $0) }
        p.sectors = sectors
        p.offers = offers
        p.needs = needs
        p.targetCountries = targets
        p.cooperation = cooperation
        p.cluster = cluster
        p.languages = languages
        return p
    }
}
