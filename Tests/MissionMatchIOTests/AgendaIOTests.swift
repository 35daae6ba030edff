import Foundation
import MissionMatch
@testable import MissionMatchIO
import Testing

/// agenda.csv and agenda.json as the file-format specification (FileFormats §4) defines them, and reading them back for `--keep`.
struct AgendaIOTests {
    static let mission = Mission(
        id: "io-test", name: "IO", timeZone: TimeZone(identifier: "Asia/Shanghai")!, participantsPath: "p.csv", pairing: .bipartite,
        sides: ["consortium", "counterpart"],
        sessions: [Session(date: LocalDate(year: 2019, month: 6, day: 17)!, start: LocalTime(hour: 9, minute: 0)!, end: LocalTime(hour: 10, minute: 0)!)],
        meetingMinutes: 20, breakMinutes: 5, tables: 3, maxMeetings: 2, minMeetings: 1)

    static let agenda: Agenda = {
        let meetings = [
            ScheduledMeeting(id: MeetingID.make(mission: "io-test", "eu01", "cn07"), slot: 0, table: 1, participantA: "eu01", participantB: "cn07",
                             score: 0.71235, reasons: "offers films ↔ needs \"barrier\", packaging"),
            ScheduledMeeting(id: MeetingID.make(mission: "io-test", "eu02", "cn07"), slot: 1, table: 2, participantA: "eu02", participantB: "cn07",
                             score: 0.5, reasons: "=cmd()", locked: true),
        ]
        return Agenda(
            mission: "io-test", generator: "missionmatch 0.1.0", slots: mission.slots, meetings: meetings,
            cancelled: [CancelledMeeting(id: "m-0000000000000001", participantA: "eu03", participantB: "cn07", reason: "eu03 withdrew")],
            participants: [AgendaParticipant(id: "eu01", name: "Films a.s.", meetings: [meetings[0].id], minMeetings: 1),
                           AgendaParticipant(id: "cn08", name: "Tea", meetings: [], minMeetings: 1, unmetReason: "no candidate is free in their 2 available slots")],
            stats: AgendaStats(meetings: 2, totalScore: 1.21235, upperBound: 1.3, gap: 1 - 1.21235 / 1.3, participantsWithMeetings: 3, participants: 4,
                               meetingsPerParticipant: .init(min: 0, median: 1, max: 2), unmetMinMeetings: ["cn08"], unmetMustRequests: [["eu01", "cn08"]]))
    }()

    @Test func csvColumnsOrderAndSafety() {
        let csv = AgendaCSVWriter().csv(for: Self.agenda)
        let lines = csv.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "meeting_id,date,start,end,table,participant_a,participant_b,score,reasons")
        #expect(lines[1] == "\(Self.agenda.meetings[0].id),2019-06-17,09:00,09:20,1,eu01,cn07,0.7124,\"offers films ↔ needs \"\"barrier\"\", packaging\"")
        #expect(lines[2] == "\(Self.agenda.meetings[1].id),2019-06-17,09:25,09:45,2,eu02,cn07,0.5000,'=cmd()")
        #expect(lines.count == 4 && lines[3] == "")
    }

    @Test func jsonShapeAndKeyOrder() throws {
        let json = AgendaJSONWriter().json(for: Self.agenda, findings: ["add 3 tables"])
        let keys = ["\"mission\"", "\"generator\"", "\"slots\"", "\"meetings\"", "\"cancelled\"", "\"participants\"", "\"stats\"", "\"findings\""]
        let positions = keys.compactMap { json.range(of: "\n  " + $0)?.lowerBound }
        #expect(positions.count == keys.count && positions == positions.sorted())
        #expect(json.contains(#"{"index": 0, "date": "2019-06-17", "start": "09:00", "end": "09:20"}"#))
        #expect(json.contains(#""table": 1, "participant_a": "eu01", "participant_b": "cn07", "score": 0.7124, "reasons": "offers films ↔ needs \"barrier\", packaging", "status": "scheduled", "locked": false}"#))
        #expect(json.contains(#""min_meetings": 1, "unmet_reason": null}"#))
        #expect(json.contains(#""gap": 0.0674"#) && json.contains(#""total_score": 1.2124"#) && json.contains(#""upper_bound": 1.3,"#))
        #expect(json.contains(#""meetings_per_participant": {"min": 0, "median": 1, "max": 2}"#))
        #expect(json.contains(#""unmet_must_requests": [["eu01", "cn08"]]"#))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((object["meetings"] as? [Any])?.count == 2)
        #expect(json == AgendaJSONWriter().json(for: Self.agenda, findings: ["add 3 tables"]))
    }

    /// The format's one definition: what the writer writes, the reader reads back
    /// into the same agenda (numbers at the writer's four decimals).
    @Test func readsWhatItWritesIntoTheSameAgenda() throws {
        let writer = AgendaJSONWriter()
        func rounded(_ value: Double) throws -> Double { try #require(Double(writer.number(value))) }
        var expected = Self.agenda
        expected.meetings = try expected.meetings.map { meeting in
            var meeting = meeting
            meeting.score = try rounded(meeting.score)
            return meeting
        }
        expected.stats.totalScore = try rounded(expected.stats.totalScore)
        expected.stats.gap = try rounded(expected.stats.gap)
        let json = writer.json(for: Self.agenda, findings: ["add 3 tables"])
        let read = try AgendaReader(mission: Self.mission).readJSON(Data(json.utf8), displayName: "agenda.json").value
        #expect(read == expected)
        #expect(writer.json(for: read, findings: ["add 3 tables"]) == json)
        let kept = read.keptMeetings
        #expect(kept.map(\.meeting.id) == expected.meetings.map(\.id))
        #expect(kept.first?.date.description == "2019-06-17" && kept.first?.start.description == "09:00")
        #expect(kept.last?.start.description == "09:25" && kept.last?.meeting.locked == true)
    }

    /// A hand-trimmed agenda (meetings only) still re-plans: slots come from the meetings' times.
    @Test func readsAMeetingsOnlyAgenda() throws {
        let json = #"{"mission": "io-test", "meetings": [{"id": "m-2", "date": "2019-06-17", "start": "09:25", "end": "09:45", "table": 2, "participant_a": "b", "participant_b": "c"}, {"id": "m-1", "date": "2019-06-17", "start": "09:00", "table": 1, "participant_a": "a", "participant_b": "c", "score": 0.5}]}"#
        let read = try AgendaReader(mission: Self.mission).readJSON(Data(json.utf8), displayName: "agenda.json").value
        #expect(read.slots.map(\.startText) == ["09:00", "09:25"] && read.slots.map(\.endText) == ["09:00", "09:45"])
        #expect(read.meetings.map(\.slot) == [1, 0])
        #expect(read.stats.meetings == 2 && read.stats.totalScore == 0.5)
        #expect(read.keptMeetings.map(\.start.description) == ["09:25", "09:00"])
    }

    @Test func readerErrorsNameLineAndField() {
        func errors(_ text: String) -> [String] {
            do {
                _ = try AgendaReader().readJSON(Data(text.utf8), displayName: "agenda.json")
                return []
            } catch {
                return error.diagnostics.errorLines
            }
        }
        #expect(errors("{\"mission\": \"x\",\n \"meetings\": [}") == ["agenda.json:2:15: unexpected character; expected a value (give an agenda.json in the format MissionMatch writes)"])
        let bad = """
            {"mission": "x", "meetings": [
              {"id": "m-1", "date": "2019-06-17", "start": "09:00", "table": "x", "participant_a": "a", "participant_b": "b"},
              {"id": "m-2", "date": "2019-13-01", "start": "09:00", "table": 1, "participant_b": "b"},
              {"id": "m-3", "date": "2019-06-17", "start": "09:00", "table": 2, "participant_a": "a", "participant_b": "b"},
              {"id": "m-4", "date": "2019-06-17", "start": "09:00", "table": 2, "participant_a": "c", "participant_b": "d"}
            ]}
            """
        #expect(errors(bad) == [
            "agenda.json:2: record 1, field 'table': 'x' is not a table number (tables are numbered from 1)",
            "agenda.json:3: record 2, field 'participant_a': required key is missing (add \"participant_a\")",
            "agenda.json:3: record 2, field 'date': '2019-13-01' is not a date (write YYYY-MM-DD)",
            "agenda.json:5: record 4, field 'table': 2019-06-17 09:00 table 2 is also used by the meeting on line 4 (give each meeting of a slot its own table)",
        ])
        #expect(errors("[1]").first?.contains("not an agenda") == true)
    }
}
