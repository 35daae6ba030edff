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
        #expect(MissionSummary(mission: mission, participants: participants).findings.first?
            .hasPrefix("The tables cannot hold the minimum meetings") == true)
    }
}
