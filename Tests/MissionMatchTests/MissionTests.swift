import Foundation
import MissionMatch
import Testing

/// Missions: slots, time zones, defaults and their `Codable` form.
struct MissionTests {
    static func day(_ text: String) -> LocalDate { LocalDate(parsing: text) ?? LocalDate(year: 2000, month: 1, day: 1)! }
    static func time(_ text: String) -> LocalTime { LocalTime(parsing: text) ?? LocalTime(minutesSinceMidnight: 0)! }

    static func mission(zone: String = "Asia/Shanghai", sessions: [(String, String, String)], meeting: Int = 20,
                        pause: Int = 5) throws -> Mission {
        Mission(id: "shanghai-2019", name: "AdPack² business mission to Shanghai",
                timeZone: try #require(TimeZone(identifier: zone)), participantsPath: "p.csv", pairing: .bipartite,
                sides: ["consortium", "counterpart"],
                sessions: sessions.map { Session(date: day($0.0), start: time($0.1), end: time($0.2)) },
                meetingMinutes: meeting, breakMinutes: pause, tables: 25)
    }

    @Test func slotsFollowEveryMeetingPlusBreakAndDropTheOverrun() throws {
        let mission = try Self.mission(sessions: [("2019-06-17", "09:00", "12:30"), ("2019-06-18", "14:00", "17:30")])
        let slots = mission.slots
        #expect(slots.count == 16)
        #expect(slots.prefix(3).map(\.startText) == ["09:00", "09:25", "09:50"])
        #expect(slots[7].startText == "11:55")
        #expect(slots[7].endText == "12:15")
        #expect(slots[8].dateText == "2019-06-18")
        #expect(slots[8].startText == "14:00")
        #expect(slots.map(\.index) == Array(0..<16))
        #expect(mission.slotsPerSession == [8, 8])
    }

    @Test func slotThatEndsExactlyAtTheSessionEndIsKept() throws {
        let mission = try Self.mission(sessions: [("2019-06-17", "09:00", "10:05")])
        #expect(mission.slots.map(\.endText) == ["09:20", "09:45"])
        let exact = try Self.mission(sessions: [("2019-06-17", "09:00", "10:10")])
        #expect(exact.slots.map(\.endText) == ["09:20", "09:45", "10:10"])
    }

    @Test func slotsAreInChronologicalOrderWhateverTheSessionOrder() throws {
        let mission = try Self.mission(sessions: [("2019-06-18", "14:00", "14:30"), ("2019-06-17", "09:00", "09:30")])
        #expect(mission.slots.map(\.dateText) == ["2019-06-17", "2019-06-18"])
        #expect(mission.slots.map(\.session) == [1, 0])
    }

    @Test func instantsUseTheMissionsTimeZone() throws {
        let shanghai = try Self.mission(sessions: [("2019-06-17", "09:00", "12:30")])
        let utc = ISO8601DateFormatter()
        #expect(utc.string(from: shanghai.slots[0].startDate) == "2019-06-17T01:00:00Z")
        #expect(utc.string(from: shanghai.slots[0].endDate) == "2019-06-17T01:20:00Z")
        let toronto = try Self.mission(zone: "America/Toronto", sessions: [("2019-06-03", "09:00", "10:00")])
        #expect(utc.string(from: toronto.slots[0].startDate) == "2019-06-03T13:00:00Z")
        let brusselsWinter = try Self.mission(zone: "Europe/Brussels", sessions: [("2019-11-20", "10:00", "11:00")])
        #expect(utc.string(from: brusselsWinter.slots[0].startDate) == "2019-11-20T09:00:00Z")
    }

    @Test func daylightSavingChangeIsHandled() throws {
        // Europe/Brussels moved from +01:00 to +02:00 at 02:00 on 2019-03-31.
        let mission = try Self.mission(zone: "Europe/Brussels", sessions: [("2019-03-31", "01:00", "04:00")], meeting: 60, pause: 0)
        let utc = ISO8601DateFormatter()
        #expect(mission.slots.map { utc.string(from: $0.startDate) } == ["2019-03-31T00:00:00Z", "2019-03-31T01:00:00Z", "2019-03-31T01:00:00Z"])
    }

    @Test func defaultWeightsSumToOne() {
        #expect(abs(ScoringWeights.defaults.total - 1) < 1e-12)
    }
}
