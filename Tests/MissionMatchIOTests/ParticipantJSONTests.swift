import Foundation
import MissionMatch
@testable import MissionMatchIO
import Testing

/// Participants in JSON: the same field names, positions as record and field.
struct ParticipantJSONTests {
    private func read(_ json: String) -> (participants: [Participant], errors: [String]) {
        do {
            let result = try ParticipantReader(referenceData: Fixtures.reference, mission: Fixtures.mission)
                .readJSON(Data(json.utf8), displayName: "participants.json")
            return (result.value, [])
        } catch {
            return ([], error.diagnostics.errorLines)
        }
    }

    @Test func recordsAreReadWithListsAsArraysOrCells() throws {
        let result = read("""
            [
              {"id": "cz-01", "name": "Nanoprogress Films", "country": "Czechia", "side": "consortium",
               "offers": "Barrier coatings", "sectors": ["nano", "Packaging"], "target_countries": "CN|EU",
               "max_meetings": 6, "representatives": "2", "Booth": "A4", "available": ["2019-06-17 09:00-12:30"]}
            ]
            """)
        #expect(result.errors == [])
        let participant = try #require(result.participants.first)
        #expect(participant.country == "CZ")
        #expect(participant.sectors == ["nanotech", "packaging"])
        #expect(participant.targetCountries == ["CN", "EU"])
        #expect(participant.maxMeetings == 6)
        #expect(participant.representatives == 2)
        #expect(participant.extraFields == [ExtraField(name: "Booth", value: "A4")])
        #expect(participant.source?.line == 2)
    }

    @Test func errorsNameTheRecordAndField() {
        #expect(read("""
            [
              {"id": "a", "name": "A", "country": "CZ", "side": "consortium", "offers": "x"},
              {"id": "b", "name": "B", "side": "consortium", "offers": "x",
               "country": "Czechoslovakia"},
              {"id": "a", "name": "C", "country": "CZ", "side": "consortium", "offers": "x", "sectors": {"x": 1}}
            ]
            """).errors == [
            "participants.json:4: record 2, field 'country': 'Czechoslovakia' is not a known country (use an ISO code such as CZ or SK)",
            "participants.json:5: record 3, field 'sectors': the value is a mapping of keys (write an array of strings)",
        ])
        #expect(read("[{\"id\": \"a\"}, {\"id\": \"a\", \"name\": \"A\", \"country\": \"CZ\", \"side\": \"counterpart\", \"offers\": \"x\"}]").errors.contains(
            "participants.json:1: record 2, field 'id': 'a' is already the id of record 1 (give each participant a unique id)"))
    }

    @Test func syntaxErrorsHaveLineAndCharacter() {
        #expect(read("[\n  {\"id\": \"a\",}\n]").errors == [
            "participants.json:2:14: expected a key in double quotes (fix the JSON syntax)",
        ])
        #expect(read("{\"id\": \"a\"}").errors == [
            "participants.json:1: the document is a mapping of keys, not a list of participants (write a JSON array of objects, one per participant)",
        ])
        #expect(read(String(repeating: "[", count: 500)).errors == [
            "participants.json:1:101: nesting deeper than 100 levels (fix the JSON syntax)",
        ])
        #expect(read("[]").errors == [
            "participants.json:1: the file holds no participants (add one object per organisation to the array)",
        ])
    }

    @Test func codableOutputReadsBackEqual() throws {
        let csv = try ParticipantReader(referenceData: Fixtures.reference, mission: Fixtures.mission)
            .read(contentsOf: Fixtures.url("participants/shanghai-mini.csv")).value
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted]
        let json = try encoder.encode(csv)
        let back = try ParticipantReader(referenceData: Fixtures.reference, mission: Fixtures.mission)
            .readJSON(json, displayName: "p.json").value
        #expect(back.map(\.withoutSource) == csv.map(\.withoutSource))
        #expect(try JSONDecoder().decode([Participant].self, from: json).map(\.withoutSource) == csv.map(\.withoutSource))
    }
}

extension Participant {
    /// The participant without its source location, for comparing what was read from different files.
    var withoutSource: Participant {
        var copy = self
        copy.source = nil
        return copy
    }
}
