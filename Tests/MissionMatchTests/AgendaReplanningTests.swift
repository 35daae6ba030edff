import Foundation
import MatchCore
@testable import MissionMatch
import Testing

/// Re-planning with `--keep`: kept meetings stay byte-identical, withdrawn or
/// blocked ones are cancelled with a reason, only free capacity is planned.
struct AgendaReplanningTests {
    @Test func keptMeetingsStayAndLateRegistrationsFillFreeCapacity() throws {
        let mission = AgendaFixtures.mission(.bipartite, slots: 6, tables: 4, max: 4, split: true)
        var people = (0..<6).map { AgendaFixtures.participant("eu\($0)", side: "consortium") }
            + (0..<6).map { AgendaFixtures.participant("cn\($0)", side: "counterpart") }
        var random = SeededRandomNumberGenerator(seed: 3)
        var candidates: [AgendaCandidate] = []
        for a in 0..<6 {
            for b in 0..<6 where Bool.random(using: &random) {
                candidates.append(AgendaCandidate("eu\(a)", "cn\(b)", score: Double.random(in: 0.1...1, using: &random), reasons: "fit \(a)-\(b)"))
            }
        }
        let first = try AgendaPlanner().plan(mission: mission, participants: people, requests: [], candidates: candidates)
        let kept = first.agenda.meetings.map { meeting in
            KeptMeeting(meeting: meeting, date: first.agenda.slots[meeting.slot].date, start: first.agenda.slots[meeting.slot].start)
        }
        // eu0 withdraws, one pair is now blocked, a late registration arrives.
        let withdrawn = first.agenda.meetings.filter { $0.involves("eu0") }
        let blockedMeeting = first.agenda.meetings.first { !$0.involves("eu0") }
        #expect(blockedMeeting != nil)
        people.removeFirst()
        people.append(AgendaFixtures.participant("eu9", side: "consortium"))
        let late = (0..<6).map { AgendaCandidate("eu9", "cn\($0)", score: 0.95, reasons: "late") }
        let requests = blockedMeeting.map { [MeetingRequest(from: $0.participantA, to: $0.participantB, priority: .block)] } ?? []

        let second = try AgendaPlanner().plan(mission: mission, participants: people, requests: requests,
                                          candidates: candidates + late, keeping: kept)
        let stillKept = first.agenda.meetings.filter { m in !m.involves("eu0") && m.id != blockedMeeting?.id }.map { meeting -> ScheduledMeeting in
            var locked = meeting
            locked.locked = true
            return locked
        }
        let problems = AgendaFeasibilityChecker.violations(second.agenda, mission: mission, participants: people, requests: requests,
                                                           candidates: candidates + late, locked: stillKept)
        #expect(problems.isEmpty, "\(problems)")
        #expect(second.agenda.meetings.filter(\.locked).count == stillKept.count)
        #expect(Set(second.agenda.cancelled.map(\.id)) == Set(withdrawn.map(\.id) + [blockedMeeting?.id].compactMap { $0 }))
        #expect(second.agenda.cancelled.contains { $0.reason == "eu0 withdrew" })
        #expect(second.agenda.cancelled.contains { $0.reason == "the pair is now blocked by a request" })
        #expect(second.agenda.meetings.contains { $0.involves("eu9") })
        #expect(second.agenda.stats.upperBound >= second.agenda.stats.totalScore)
    }

    @Test func keptMeetingsThatNoLongerFitAreCancelledWithReasons() throws {
        let mission = AgendaFixtures.mission(.bipartite, slots: 3, tables: 2, max: 3)
        var eu = AgendaFixtures.participant("eu1", side: "consortium")
        eu.availability = [AgendaFixtures.slotRange(0), AgendaFixtures.slotRange(1)]
        let people = [eu, AgendaFixtures.participant("cn1", side: "counterpart"), AgendaFixtures.participant("cn2", side: "counterpart")]
        let day = AgendaFixtures.day
        func kept(_ b: String, slot: Int, table: Int, hour: Int = 9) -> KeptMeeting {
            KeptMeeting(meeting: ScheduledMeeting(id: MeetingID.make(mission: mission.id, "eu1", b), slot: slot, table: table,
                                                  participantA: "eu1", participantB: b, score: 0.5, reasons: "kept"),
                        date: day, start: LocalTime(minutesSinceMidnight: hour * 60 + 30 * slot)!)
        }
        let plan = try AgendaPlanner().plan(mission: mission, participants: people, requests: [], candidates: [],
                                        keeping: [kept("cn1", slot: 2, table: 1), kept("cn2", slot: 0, table: 5), kept("cn9", slot: 1, table: 1),
                                                  kept("cn2", slot: 0, table: 1, hour: 15)])
        #expect(plan.agenda.meetings.isEmpty)
        #expect(plan.agenda.cancelled.map(\.reason) == [
            "table 5 no longer exists (the mission has 2 tables)",
            "cn9 withdrew",
            "eu1 is no longer available at 2019-06-17 10:00",
            "its slot 2019-06-17 15:00 is no longer in the mission's sessions",
        ])
    }
}
