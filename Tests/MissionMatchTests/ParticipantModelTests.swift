import Foundation
import MissionMatch
import Testing

/// The participant model, its `Codable` form and the mission summary.
struct ParticipantModelTests {
    static func participant(_ id: String, side: Side, max: Int? = nil, min: Int? = nil, sectors: [String] = ["packaging"]) -> Participant {
        var p = Participant(id: id, name: id.uppercased(), country: side == "consortium" ? "CZ" : "CN")
        p.side = side
        p.offers = "Barrier films"
        p.maxMeetings = max
        p.minMeetings = min
        p.sectors = sectors
        return p
    }

    @Test func codableUsesTheFormatsFieldNames() throws {
        var p = Self.participant("cz-01", side: "consortium", max: 6)
        p.cooperation = [.jointVenture]
        p.availability = [TimeRange(parsing: "2019-06-17 09:00-12:30")!]
        p.extraFields = [ExtraField(name: "Booth", value: "A4")]
        p.source = SourceLocation(file: "participants.csv", line: 2)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(p), as: UTF8.self)
        #expect(json.contains(#""cooperation":["joint_venture"]"#))
        #expect(json.contains(#""max_meetings":6"#))
        #expect(json.contains(#""available":["2019-06-17 09:00-12:30"]"#))
        #expect(!json.contains("source"))
        var decoded = try JSONDecoder().decode(Participant.self, from: Data(json.utf8))
        decoded.source = p.source
        #expect(decoded == p)
    }

    @Test func hasContentNeedsOffersNeedsOrTags() {
        var p = Participant(id: "a", name: "A", country: "CZ")
        #expect(!p.hasContent)
        p.needTags = ["PLA film"]
        #expect(p.hasContent)
    }

    @Test func summaryCountsAndCapacity() throws {
        var mission = try MissionTests.mission(sessions: [("2019-06-17", "09:00", "12:30")])
        mission.tables = 2
        mission.maxMeetings = 4
        mission.minMeetings = 1
        let participants = [
            Self.participant("eu1", side: "consortium", sectors: ["packaging", "food"]),
            Self.participant("eu2", side: "consortium", max: 8),
            Self.participant("eu3", side: "consortium", max: 2, min: 2),
            Self.participant("cn1", side: "counterpart", max: 20),
        ]
        let summary = MissionSummary(mission: mission, participants: participants,
                                     requests: [MeetingRequest(from: "eu1", to: "cn1", priority: .must)])
        #expect(summary.participants == 4)
        #expect(summary.bySide.map(\.count) == [3, 1])
        #expect(summary.byCountry.first?.label == "CZ")
        #expect(summary.bySector.map(\.label) == ["packaging", "food"])
        #expect(summary.capacity.slots == 8)
        #expect(summary.capacity.tableSlots == 16)
        // max: eu1 4 (mission), eu2 8, eu3 2, cn1 8 (capped by 8 slots): 22 / 2.
        #expect(summary.capacity.meetingsWanted == 11)
        #expect(summary.capacity.meetingsWantedBySmallerSide == 8)
        #expect(summary.capacity.minimumMeetingsNeeded == 2)
        #expect(summary.requests.map(\.count) == [1, 0, 0])
        #expect(summary.findings == [])
        mission.tables = 1
        mission.minMeetings = 8
        // min_meetings 8 from the mission, eu3 keeps its own 2: (8 + 8 + 2 + 8) / 2 = 13 meetings for 8 × 1 places.
        let tight = MissionSummary(mission: mission, participants: participants)
        #expect(tight.findings.first == .tablesBelowMinimum(tableSlots: 8, meetingsNeeded: 13))
        #expect(tight.findings.first?.description
            == "The tables cannot hold the minimum meetings: 8 table slots for 13 meetings needed; add tables or sessions, or lower min_meetings.")
    }

    @Test func summaryFindingsNameEveryParticipantAndEncodeAsSentences() throws {
        var mission = try MissionTests.mission(sessions: [("2019-06-17", "09:00", "10:00")])
        mission.tables = 10
        let otherDay = try #require(TimeRange(parsing: "2019-06-18 09:00-10:00"))
        let absent = (1...12).map { index in
            var participant = Self.participant(String(format: "eu%02d", index), side: "consortium")
            participant.availability = [otherDay]
            return participant
        }
        let summary = MissionSummary(mission: mission, participants: absent)
        #expect(summary.findings.contains(.emptySide(Side("counterpart"))))
        #expect(summary.findings.contains(.availableInNoSlot(absent.map(\.id))))
        let sentence = MissionSummary.Finding.availableInNoSlot(absent.map(\.id)).description
        #expect(sentence == "12 participant(s) are available in no slot: eu01, eu02, eu03, eu04, eu05, eu06, eu07, eu08, eu09, eu10 and 2 more.")
        let json = String(decoding: try JSONEncoder().encode(summary.findings), as: UTF8.self)
        #expect(json.contains("\"No participant is on side counterpart; a bipartite mission needs both sides.\""))
    }
}
