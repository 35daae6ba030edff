import Foundation
import MatchCore
import MissionMatch
import MissionMatchIO

/// What can go wrong before MissionMatch is even called.
enum SetupError: Error, CustomStringConvertible {
    case invalidEventDate(String)

    var description: String {
        switch self {
        case .invalidEventDate(let what): "the event's \(what) is not a valid date or time"
        }
    }
}

/// A matchmaking day planned in memory: participants and the mission built in
/// code, validated, ranked and planned, re-planned after a withdrawal, and one
/// calendar rendered — no file read or written.
@main
struct EventBackend {
    static func main() throws {
        CoreTypeFix.restartIfNeeded()   // OpenBLAS at full speed, before any BLAS work

        // 1. The mission, built in code: no file path needed.
        guard let zone = TimeZone(identifier: "America/Toronto") else { throw SetupError.invalidEventDate("time zone") }
        guard let day = LocalDate(year: 2019, month: 6, day: 4),
              let opens = LocalTime(hour: 9, minute: 0), let closes = LocalTime(hour: 11, minute: 0)
        else { throw SetupError.invalidEventDate("session") }
        let mission = Mission(
            id: "toronto-b2b-day", name: "EU–Canada B2B day", hostCountry: "CA", city: "Toronto", timeZone: zone,
            pairing: .bipartite, sides: ["consortium", "counterpart"],
            sessions: [Session(date: day, start: opens, end: closes)],
            meetingMinutes: 20, breakMinutes: 5, tables: 4, maxMeetings: 3)

        // 2. Validate: the same rules as files; errors name the record and field.
        let reference = try ReferenceDataLoader.bundled()
        let validator = InputValidator(reference: reference)
        let input: ValidatedMission
        do {
            input = try validator.validate(mission: mission, participants: Registrations.participants).value
        } catch {
            for problem in error.diagnostics.errors { print("invalid registration:", problem) }
            throw error
        }

        // 3. Rank, plan and render everything in memory.
        let pipeline = MissionPipeline(reference: reference)
        let result = try pipeline.run(input)
        let stats = result.plan.agenda.stats
        let gap = (stats.gap * 1000).rounded() / 10
        print("\(mission.id): \(stats.meetings) meetings for \(input.participants.count) participants, \(gap)% from the best possible")
        for recommendation in result.ranking.recommendations(for: "eu-food-02").prefix(2) {
            print("  eu-food-02 → \(recommendation.partner): \(recommendation.reasons)")
        }

        // 4. A participant withdraws: re-plan, keeping every other meeting in place.
        let leaving = "ca-log-03"
        let remaining = try validator.validate(
            mission: mission, participants: input.participants.filter { $0.id != leaving }).value
        let replanned = try pipeline.run(remaining, replanning: result.plan.agenda)
        for cancelled in replanned.plan.agenda.cancelled {
            print("  cancelled \(cancelled.participantA)–\(cancelled.participantB): \(cancelled.reason)")
        }

        // 5. One participant's calendar, as the platform would e-mail it.
        guard let calendar = replanned.calendar(for: "eu-soft-03") else {
            print("eu-soft-03 has no meeting left")
            return
        }
        let events = calendar.components(separatedBy: "BEGIN:VEVENT").count - 1
        print("  eu-soft-03's calendar: \(events) event(s), \(calendar.utf8.count) bytes")
    }
}
