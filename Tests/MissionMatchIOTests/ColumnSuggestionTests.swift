import Foundation
import MissionMatch
@testable import MissionMatchIO
import Testing

/// `ColumnSuggester`: three differently laid-out exports (an event platform's,
/// a French cluster member list, EEN partnering profiles), each as CSV and as
/// a workbook, get exactly the expected mapping — no wrong field at any
/// confidence — and the written `columns:` block reads back as a mapping.
struct ColumnSuggestionTests {
    static let folder = Fixtures.folder.appendingPathComponent("columns")

    /// What a proposal for one field should be.
    struct Expected: Equatable, CustomStringConvertible {
        var columns: [String]
        var separator: String?
        var confidence: ColumnSuggestion.Confidence
        var description: String { "\(columns) sep \(separator.map { "'\($0)'" } ?? "nil") \(confidence)" }
    }

    private func reference() throws -> ReferenceData { try ReferenceDataLoader.load(from: BundledDataTests.folder).value }

    /// The fixture as CSV, and the same rows written as a workbook.
    private func samples(_ name: String) throws -> [ColumnSample] {
        let csvURL = Self.folder.appendingPathComponent(name + ".csv")
        let csv = try ColumnSampleReader().read(contentsOf: csvURL, displayName: name + ".csv")
        let workbookURL = FileManager.default.temporaryDirectory.appendingPathComponent("mm-columns-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: workbookURL) }
        try TestWorkbook.table(csv.header, csv.rows, sheet: "Export").write(to: workbookURL)
        let workbook = try ColumnSampleReader().read(contentsOf: workbookURL, displayName: name + ".xlsx")
        #expect(workbook.sheet == "Export")
        #expect(workbook.header == csv.header)
        #expect(workbook.rows == csv.rows)
        return [csv, workbook]
    }

    private func check(_ suggestion: ColumnSuggestion, _ expected: [String: Expected]) {
        let got = Dictionary(uniqueKeysWithValues: suggestion.fields.map {
            ($0.field, Expected(columns: $0.columns, separator: $0.separator, confidence: $0.confidence))
        })
        #expect(Set(got.keys) == Set(expected.keys), "\(suggestion.fileName): fields \(got.keys.sorted())")
        for (field, want) in expected {
            #expect(got[field] == want, "\(suggestion.fileName): \(field) is \(got[field].map(\.description) ?? "missing")")
        }
        for field in suggestion.fields where field.confidence == .high {
            #expect(expected[field.field]?.columns == field.columns, "wrong field at high confidence: \(field.field)")
        }
    }

    /// The written block reads back as the mapping of the proposals at medium confidence and above.
    private func roundTrips(_ suggestion: ColumnSuggestion) throws -> ColumnMapping {
        let read = try ColumnMappingReader().read(Data(suggestion.yaml.utf8), displayName: "proposed.yaml").value
        let table = try #require(read.participants)
        let expected = suggestion.mapping()
        #expect(table.sheet == expected.sheet)
        #expect(table.groupBy == expected.groupBy)
        #expect(table.fields.map { FieldMapping(field: $0.field, columns: $0.columns, separator: $0.separator, values: $0.values) }
                == expected.fields)
        return read
    }

    @Test func anEventPlatformExportIsMapped() throws {
        let reference = try reference()
        for sample in try samples("event-platform") {
            let suggestion = ColumnSuggester(referenceData: reference).suggest(sample)
            check(suggestion, [
                "id": Expected(columns: ["Participant ID"], confidence: .high),
                "name": Expected(columns: ["Organization name"], confidence: .high),
                "country": Expected(columns: ["Country"], confidence: .high),
                "type": Expected(columns: ["Organization type"], confidence: .high),
                "sectors": Expected(columns: ["Areas of activities"], separator: ";", confidence: .high),
                "offers": Expected(columns: ["Organization description", "Marketplace offer"], confidence: .medium),
                "needs": Expected(columns: ["Marketplace request"], confidence: .high),
                "languages": Expected(columns: ["Languages"], separator: ";", confidence: .high),
                "contact": Expected(columns: ["Contact person"], confidence: .high),
                "email": Expected(columns: ["E-mail"], confidence: .high),
                "website": Expected(columns: ["Website"], confidence: .high),
            ])
            #expect(suggestion.groupBy == "id")
            #expect(suggestion.missingRequired.isEmpty)
            #expect(suggestion.unmapped == [.init(column: "City", kind: "text"), .init(column: "Registration date", kind: "date")])
            let type = try #require(suggestion.field("type"))
            #expect(type.values.map(\.label) == ["Large company", "R&D institution / University", "Cluster / Business network", "Public authority"])
            #expect(type.values.map(\.value) == ["large", "research", "cluster", "public"])
            #expect(type.unmatchedLabels.isEmpty)
            let languages = try #require(suggestion.field("languages"))
            #expect(languages.values.map(\.value) == ["en", "cs", "de", "fr", "nl", "fi"])
            let sectors = try #require(suggestion.field("sectors"))
            #expect(sectors.unknownSectors.map(\.name) == ["Agri-food industry", "Dairy"])
            #expect(sectors.unknownSectors.first?.nearest.contains("agrifood") == true)

            // The reviewed file reads the export: 8 rows become 6 participants.
            let mapping = try roundTrips(suggestion)
            let url = Self.folder.appendingPathComponent("event-platform.csv")
            let participants = try ParticipantReader(referenceData: reference, columns: mapping.participants)
                .read(contentsOf: url, displayName: "event-platform.csv")
            #expect(participants.value.map(\.id) == ["10231", "10245", "10252", "10260", "10266", "10271"])
            #expect(participants.value.first?.languages == ["en", "cs", "de"])
            #expect(participants.value.first { $0.id == "10252" }?.type == .research)
        }
    }

    @Test func aFrenchClusterMemberListIsMapped() throws {
        let reference = try reference()
        for sample in try samples("cluster-members-fr") {
            let suggestion = ColumnSuggester(referenceData: reference).suggest(sample)
            check(suggestion, [
                "id": Expected(columns: ["N° adhérent"], confidence: .high),
                "name": Expected(columns: ["Raison sociale"], confidence: .high),
                "country": Expected(columns: ["Pays"], confidence: .high),
                "type": Expected(columns: ["Type de structure"], confidence: .high),
                "sectors": Expected(columns: ["Secteur d'activité"], separator: ",", confidence: .high),
                "offers": Expected(columns: ["Offre / savoir-faire"], confidence: .high),
                "needs": Expected(columns: ["Besoins"], confidence: .high),
                "target_countries": Expected(columns: ["Marchés cibles"], separator: ";", confidence: .high),
                "website": Expected(columns: ["Site web"], confidence: .high),
                "email": Expected(columns: ["Courriel"], confidence: .high),
                "contact": Expected(columns: ["Interlocuteur"], confidence: .high),
            ])
            #expect(suggestion.groupBy == nil)
            #expect(suggestion.unmapped.map(\.column) == ["Ville", "Effectif", "Adhérent depuis"])
            #expect(suggestion.unmapped.map(\.kind) == ["text", "number", "date"])
            let type = try #require(suggestion.field("type"))
            #expect(type.values.map(\.value) == ["sme", "research", "large", "sme", "public"])
            let unknown = try #require(suggestion.field("sectors")).unknownSectors
            #expect(unknown.first { $0.name == "Plasturgie" }?.nearest.first == "plastics")
            #expect(unknown.first { $0.name == "Papier et carton" }?.nearest == ["paper"])
            #expect(unknown.first { $0.name == "Logistique" }?.nearest == ["logistics"])
            _ = try roundTrips(suggestion)
        }
    }

    @Test func partneringProfilesAreMapped() throws {
        let reference = try reference()
        for sample in try samples("een-profiles") {
            let suggestion = ColumnSuggester(referenceData: reference).suggest(sample)
            check(suggestion, [
                "id": Expected(columns: ["Profile reference"], confidence: .high),
                "name": Expected(columns: ["Organisation"], confidence: .high),
                "country": Expected(columns: ["Country of origin"], confidence: .high),
                "type": Expected(columns: ["Type and size of organisation"], confidence: .high),
                "offers": Expected(columns: ["Title", "Summary", "Description"], confidence: .medium),
                "offer_tags": Expected(columns: ["Technology keywords"], separator: ";", confidence: .medium),
                "cooperation": Expected(columns: ["Type of partnership sought"], separator: ";", confidence: .high),
                "email": Expected(columns: ["Contact e-mail"], confidence: .high),
            ])
            #expect(suggestion.unmapped.map(\.column) == ["Profile type", "Deadline"])
            let cooperation = try #require(suggestion.field("cooperation"))
            #expect(cooperation.values.map(\.value) == ["commercial", "licensing", "supplier", "research", "technical", "distribution",
                                                        "joint_venture", "outsourcing", "investment"])
            let type = try #require(suggestion.field("type"))
            #expect(type.values.map(\.value) == ["sme", "large", "research", "sme", "sme"])
            #expect(type.unmatchedLabels == ["Other"])
            _ = try roundTrips(suggestion)
        }
    }

    /// Headers alone (no values) in German, Spanish and Italian.
    @Test(arguments: [
        (["Firmenname", "Land", "Unternehmensart", "Branche", "Angebot", "Gesuch", "E-Mail", "Webseite", "Ansprechpartner", "Sprachen"],
         ["name", "country", "type", "sectors", "offers", "needs", "email", "website", "contact", "languages"]),
        (["Razón social", "País", "Tipo de entidad", "Sector de actividad", "Oferta", "Necesidades", "Correo electrónico", "Sitio web", "Idiomas"],
         ["name", "country", "type", "sectors", "offers", "needs", "email", "website", "languages"]),
        (["Ragione sociale", "Paese", "Tipo di organizzazione", "Settore", "Offerta", "Esigenze", "Posta elettronica", "Sito web", "Lingue",
          "Mercati target"],
         ["name", "country", "type", "sectors", "offers", "needs", "email", "website", "languages", "target_countries"]),
    ])
    func headersInOtherLanguagesAreRecognised(header: [String], fields: [String]) throws {
        let suggestion = ColumnSuggester(referenceData: try reference()).suggest(ColumnSample(fileName: "list.csv", header: header, rows: []))
        for (column, field) in zip(header, fields) {
            #expect(suggestion.field(field)?.columns == [column], "\(column) → \(field)")
            #expect(suggestion.field(field)?.confidence == .high, "\(column) → \(field)")
        }
        // No id column: the names serve as ids, at medium confidence.
        #expect(suggestion.field("id")?.columns == [header[0]])
        #expect(suggestion.field("id")?.confidence == .medium)
    }

    @Test func typosAndValuesAloneAreRecognisedAtLowerConfidence() throws {
        let sample = ColumnSample(fileName: "x.csv", header: ["Orgnization name", "Where", "Reach us", "Notes"], rows: [
            ["A", "Czech Republic", "a@a.example", "x"], ["B", "FR", "b@b.example", "y"], ["C", "Germany", "c@c.example", "z"],
        ])
        let suggestion = ColumnSuggester(referenceData: try reference()).suggest(sample)
        #expect(suggestion.field("name")?.columns == ["Orgnization name"])
        #expect(suggestion.field("name")?.confidence == .high)
        #expect(suggestion.field("country")?.columns == ["Where"])
        #expect(suggestion.field("country")?.confidence == .medium)
        #expect(suggestion.field("email")?.columns == ["Reach us"])
        #expect(suggestion.field("email")?.confidence == .medium)
        #expect(suggestion.unmapped.map(\.column) == ["Notes"])
    }

    @Test func valuesThatDoNotFitLowerTheConfidence() throws {
        let sample = ColumnSample(fileName: "x.csv", header: ["Country", "E-mail"], rows: [
            ["Atlantis", "none"], ["Narnia", "ask reception"], ["Mordor", "n/a"],
        ])
        let suggestion = ColumnSuggester(referenceData: try reference()).suggest(sample)
        #expect(suggestion.field("country")?.confidence == .medium)
        #expect(suggestion.field("email")?.confidence == .medium)
        #expect(suggestion.missingRequired == ["id", "name"])
    }

    /// Headers with quotes, backslashes and line breaks are written quoted and read back.
    @Test func awkwardHeadersRoundTrip() throws {
        let header = ["Organization \"legal\" name", "Country\\Region", "Offer\nline 2", "Contact: e-mail # main", "Web\u{85}site\u{2028}x"]
        let suggestion = ColumnSuggester(referenceData: try reference())
            .suggest(ColumnSample(fileName: "x\ny.csv", sheet: "A \"B\"", header: header, rows: [["A", "CZ", "films", "a@b.example", "www.a.example"]]))
        #expect(suggestion.fields.count >= 2)
        _ = try roundTrips(suggestion)
    }

    /// Nothing is guessed while reading: the export without a mapping is refused as before.
    @Test func anUnmappedExportIsStillRefused() throws {
        let url = Self.folder.appendingPathComponent("event-platform.csv")
        #expect(throws: ImportError.self) {
            try ParticipantReader(referenceData: try reference()).read(contentsOf: url, displayName: "event-platform.csv")
        }
    }

    @Test func unreadableSamplesAreErrors() throws {
        #expect(throws: ImportError.self) {
            try ColumnSampleReader().read(contentsOf: Self.folder.appendingPathComponent("missing.csv"))
        }
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("mm-empty-\(UUID().uuidString).csv")
        try Data().write(to: empty)
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect(throws: ImportError.self) { try ColumnSampleReader().read(contentsOf: empty) }
    }
}
