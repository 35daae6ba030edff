import Foundation
import MissionMatch
@testable import MissionMatchIO
import Testing

struct ExportCalendarTests {
    private func calendar(_ id: String, previous: Agenda? = ExportFixture.previous) throws -> String {
        let calendars = CalendarWriter(previous: previous)
            .calendars(for: ExportFixture.agenda, mission: ExportFixture.mission, participants: ExportFixture.participants)
        return try #require(calendars.first { $0.participant == id }?.text)
    }

    /// The VEVENT blocks of a calendar, unfolded.
    private func events(_ text: String) -> [String] {
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        return unfolded.components(separatedBy: "BEGIN:VEVENT\r\n").dropFirst().map { $0.components(separatedBy: "END:VEVENT")[0] }
    }

    @Test func textIsEscaped() {
        #expect(ICalendarText.escaped("a\\b;c,d\r\ne\nf\rg\u{1}h\u{7F}\ti") == "a\\\\b\\;c\\,d\\ne\\nf\\ng" + "h\ti")
    }

    @Test func longLinesAreFoldedAt75OctetsBetweenScalars() throws {
        let value = String(repeating: "é€😀a", count: 40)
        let folded = ICalendarText.folded("DESCRIPTION:" + value)
        #expect(folded.hasSuffix("\r\n"))
        let physical = Array(folded.utf8).split(separator: UInt8(ascii: "\n")).map { Array($0.dropLast()) }
        for line in physical {
            #expect(line.count <= 75)
            #expect(String(validating: line, as: UTF8.self) != nil, "a fold split a UTF-8 sequence")
        }
        #expect(physical.dropFirst().allSatisfy { $0.first == UInt8(ascii: " ") })
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == "DESCRIPTION:" + value + "\r\n")
        #expect(ICalendarText.folded("SHORT:x") == "SHORT:x\r\n")
    }

    @Test func exactly75OctetsStayOnOneLine() {
        let line = "X:" + String(repeating: "a", count: 73)
        #expect(ICalendarText.folded(line) == line + "\r\n")
        #expect(ICalendarText.folded(line + "b") == line + "\r\n b\r\n")
    }

    struct ZoneCase: Sendable, CustomTestStringConvertible {
        var zone: String
        var date: (Int, Int, Int)
        /// (kind, onset, from, to) observances expected around the date.
        var expected: [String]
        var testDescription: String { zone }
    }

    @Test(arguments: [
        ZoneCase(zone: "America/Toronto", date: (2019, 6, 17), expected: [
            "STANDARD 20181104T020000 -0400 -0500", "DAYLIGHT 20190310T020000 -0500 -0400",
            "STANDARD 20191103T020000 -0400 -0500", "DAYLIGHT 20200308T020000 -0500 -0400",
        ]),
        ZoneCase(zone: "America/New_York", date: (2019, 11, 4), expected: [
            "DAYLIGHT 20190310T020000 -0500 -0400", "STANDARD 20191103T020000 -0400 -0500",
        ]),
        ZoneCase(zone: "Europe/Brussels", date: (2019, 10, 1), expected: [
            "DAYLIGHT 20190331T020000 +0100 +0200", "STANDARD 20191027T030000 +0200 +0100",
        ]),
        ZoneCase(zone: "Asia/Shanghai", date: (2019, 6, 17), expected: ["STANDARD 19700101T000000 +0800 +0800"]),
    ])
    func timeZoneObservancesFollowTheZone(_ zoneCase: ZoneCase) throws {
        let zone = try #require(TimeZone(identifier: zoneCase.zone))
        let day = try #require(LocalDate(year: zoneCase.date.0, month: zoneCase.date.1, day: zoneCase.date.2))
        let mission = Mission(id: "m", name: "m", timeZone: zone, participantsPath: "", pairing: .open, sessions: [],
                              meetingMinutes: 20, tables: 1)
        let instant = mission.instant(day, try #require(LocalTime(hour: 9, minute: 0)))
        let component = ICalendarTimeZone(zone, covering: instant...instant)
        let observed = component.observances.map {
            "\($0.isDaylight ? "DAYLIGHT" : "STANDARD") \($0.onset) \(ICalendarTimeZone.offsetText($0.offsetFrom)) \(ICalendarTimeZone.offsetText($0.offsetTo))"
        }
        for expected in zoneCase.expected {
            #expect(observed.contains(expected), "\(zoneCase.zone): missing \(expected) in \(observed)")
        }
        if zoneCase.zone != "Asia/Shanghai" {
            #expect(component.observances.allSatisfy { $0.offsetFrom != $0.offsetTo })
        }
        #expect(component.observances.map(\.onset) == component.observances.map(\.onset).sorted())
    }

    @Test(arguments: [(-14_400, "-0400"), (28_800, "+0800"), (19_800, "+0530"), (-12_600, "-0330"), (0, "+0000"), (-20_925, "-054845")])
    func offsetsAreWrittenAsRFC5545Asks(seconds: Int, text: String) {
        #expect(ICalendarTimeZone.offsetText(seconds) == text)
    }

    @Test func eventsCarryLocalTimesStableUIDsAndAStampFromTheInputs() throws {
        let text = try calendar("eu-01")
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//MissionMatch//Agenda calendar//EN\r\n"))
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "bare LF")
        let events = events(text)
        #expect(events.count == 2)
        let first = try #require(events.first)
        let uid = MeetingID.make(mission: ExportFixture.missionID, "ca-01", "eu-01") + "@missionmatch"
        #expect(first.contains("UID:\(uid)\r\n"))
        #expect(first.contains("DTSTART;TZID=America/Toronto:20191101T090000\r\n"))
        #expect(first.contains("DTEND;TZID=America/Toronto:20191101T092000\r\n"))
        // 09:00 EDT on the first slot is 13:00 UTC.
        #expect(first.contains("DTSTAMP:20191101T130000Z\r\n"))
        #expect(first.contains("SUMMARY:Meeting with =HYPERLINK(\"http://x\") (CA)\r\n"))
        #expect(first.contains("LOCATION:Table 1\\, Toronto\r\n"))
        #expect(first.contains("Why you meet: offers biodegradable films ↔ needs compostable packaging\\; sectors: food\\, cosmetics"))
        // After the fall-back change the same wall-clock rules apply: 14:00 local on Monday 4 November.
        #expect(events[1].contains("DTSTART;TZID=America/Toronto:20191104T140000\r\n"))
    }

    @Test func movedMeetingsGetANewSequence() throws {
        let moved = try #require(events(try calendar("eu-01")).first)
        #expect(moved.contains("SEQUENCE:1\r\n"), "eu-01 × ca-01 moved from slot 1 table 2 to slot 0 table 1")
        let unchanged = try #require(events(try calendar("../../x")).first)
        #expect(unchanged.contains("SEQUENCE:0\r\n"))
        let firstPlan = try #require(events(try calendar("eu-01", previous: nil)).first)
        #expect(firstPlan.contains("SEQUENCE:0\r\n"))
    }

    @Test func cancelledMeetingsAreSentCancelledAtTheirFormerTime() throws {
        let events = events(try calendar("ca-03"))
        #expect(events.count == 1)
        let cancelled = try #require(events.first)
        #expect(cancelled.contains("UID:\(MeetingID.make(mission: ExportFixture.missionID, "eu-03", "ca-03"))@missionmatch\r\n"))
        #expect(cancelled.contains("STATUS:CANCELLED\r\n"))
        #expect(cancelled.contains("SEQUENCE:1\r\n"))
        #expect(cancelled.contains("DTSTART;TZID=America/Toronto:20191104T140000\r\n"), "slot 2 of the previous agenda")
        #expect(cancelled.contains("LOCATION:Table 2\\, Toronto\r\n"))
        #expect(cancelled.contains("This meeting was cancelled: ca-03 withdrew\\; its flight was cancelled"))
        // Without the previous agenda the former time is unknown: the first slot stands in.
        let withoutPrevious = try #require(self.events(try calendar("ca-03", previous: nil)).first)
        #expect(withoutPrevious.contains("STATUS:CANCELLED\r\n"))
        #expect(withoutPrevious.contains("DTSTART;TZID=America/Toronto:20191101T090000\r\n"))
    }

    @Test func onlyParticipantsWithMeetingsOrCancellationsGetACalendar() {
        let calendars = CalendarWriter().calendars(for: ExportFixture.agenda, mission: ExportFixture.mission,
                                                   participants: ExportFixture.participants)
        #expect(calendars.map(\.participant) == ExportFixture.participants.map(\.id))
        var agenda = ExportFixture.agenda
        agenda.cancelled = []
        let withoutCancellation = CalendarWriter().calendars(for: agenda, mission: ExportFixture.mission,
                                                             participants: ExportFixture.participants)
        #expect(!withoutCancellation.map(\.participant).contains("ca-03"))
    }

    @Test func shanghaiCalendarHasAFixedOffsetZone() throws {
        var mission = ExportFixture.mission
        mission.timeZone = try #require(TimeZone(identifier: "Asia/Shanghai"))
        var agenda = ExportFixture.agenda
        agenda.slots = mission.slots
        let text = try #require(CalendarWriter().calendars(for: agenda, mission: mission, participants: ExportFixture.participants)
            .first { $0.participant == "eu-01" }?.text)
        #expect(text.contains("BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
            + "TZOFFSETFROM:+0800\r\nTZOFFSETTO:+0800\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"))
        #expect(text.contains("DTSTART;TZID=Asia/Shanghai:20191101T090000\r\n"))
        #expect(text.contains("DTSTAMP:20191101T010000Z\r\n"))
    }
}
