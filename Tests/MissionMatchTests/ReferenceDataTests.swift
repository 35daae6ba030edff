import Foundation
import MissionMatch
import Testing

/// Lookups that forgive how organisers write names.
struct ReferenceDataTests {
    static let countries = CountryTable([
        Country(alpha2: "CZ", alpha3: "CZE", name: "Czechia", aliases: ["Czech Republic"], groups: ["EU", "EEA"]),
        Country(alpha2: "NO", alpha3: "NOR", name: "Norway", groups: ["EEA"]),
        Country(alpha2: "TR", alpha3: "TUR", name: "Türkiye", aliases: ["Turkey"]),
        Country(alpha2: "US", alpha3: "USA", name: "United States", aliases: ["United States of America", "U.S."]),
    ])

    @Test(arguments: [("cz", "CZ"), ("CZE", "CZ"), ("czech  republic", "CZ"), ("Czech-Republic", "CZ"), ("TURKIYE", "TR"),
                      ("türkiye", "TR"), ("turkey", "TR"), ("U.S.A.", "US"), ("united states of america", "US"), ("US", "US")])
    func countriesAreFoundByCodeNameOrAlias(_ text: String, _ code: String) {
        #expect(Self.countries.country(matching: text)?.alpha2 == code)
    }

    @Test func unknownCountriesAreNil() {
        #expect(Self.countries.country(matching: "Czechoslovakia") == nil)
        #expect(Self.countries.country(matching: "") == nil)
    }

    @Test func groupsExpand() {
        #expect(Self.countries.groups == ["EU", "EEA", "ANY"])
        #expect(Self.countries.group(matching: "eea") == "EEA")
        #expect(Self.countries.members(of: "EEA").map(\.alpha2) == ["CZ", "NO"])
        #expect(Self.countries.expand(["EU", "US"]) == ["CZ", "US"])
        #expect(Self.countries.expand(["ANY"]).count == 4)
    }

    static let taxonomy = SectorTaxonomy(
        sectors: [Sector(code: "packaging", name: "Packaging", aliases: ["packing"]),
                  Sector(code: "food", name: "Food and drink", aliases: ["food & drink", "agrifood"]),
                  Sector(code: "nanotech", name: "Nanotechnologies", aliases: ["nano"])],
        affinities: [SectorAffinity(sectorA: "food", sectorB: "packaging", affinity: 0.9, why: "Food needs packaging."),
                     SectorAffinity(sectorA: "nanotech", sectorB: "ghost", affinity: 0.5)])

    @Test func sectorAffinityIsSymmetricWithOneOnTheDiagonal() {
        let t = Self.taxonomy
        #expect(t.affinity(between: "packaging", and: "food") == 0.9)
        #expect(t.affinity(between: "food", and: "packaging") == 0.9)
        #expect(t.affinity(between: "nanotech", and: "nanotech") == 1)
        #expect(t.affinity(between: "nanotech", and: "food") == 0)
        #expect(t.affinity(between: "space tech", and: "space tech") == 1)
        #expect(t.affinity(between: "space tech", and: "food") == 0)
        #expect(t.affinityMatrix == [1, 0.9, 0, 0.9, 1, 0, 0, 0, 1])
        #expect(t.reason(between: "packaging", and: "food") == "Food needs packaging.")
    }

    @Test func sectorsAreFoundByCodeNameOrAlias() {
        #expect(Self.taxonomy.sector(matching: "Food & Drink")?.code == "food")
        #expect(Self.taxonomy.sector(matching: "NANO")?.code == "nanotech")
        #expect(Self.taxonomy.sector(matching: "space") == nil)
    }

    @Test func thesaurusFindsConceptsByIdLabelOrSynonym() {
        let thesaurus = Thesaurus([
            Concept(id: "pla-film", label: "PLA film", sector: "plastics", synonyms: ["polylactic acid foil", "compostable biopolymer film"]),
        ])
        for text in ["pla-film", "PLA  Film", "Polylactic-acid foil", "compostable biopolymer film"] {
            #expect(thesaurus.concept(matching: text)?.id == "pla-film", "\(text)")
        }
        #expect(thesaurus.concept(matching: "film") == nil)
        #expect(thesaurus.terms.map(\.term).contains("pla film"))
    }
}
