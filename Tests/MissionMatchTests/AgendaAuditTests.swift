@testable import MissionMatch
import Testing

/// The planner's own audit (run on every agenda in debug builds) flags what
/// it must: here an agenda that is feasible with free tables but not when the
/// consortium keeps its tables for the session (issue 14's minimal case).
struct AgendaAuditTests {
    @Test func auditFlagsFixedTablesOverflow() throws {
        var mission = AgendaFixtures.mission(.bipartite, slots: 2, tables: 1)
        mission.maxMeetings = nil
        let people = [AgendaFixtures.participant("a1", side: "consortium"), AgendaFixtures.participant("a2", side: "consortium"),
                      AgendaFixtures.participant("b1", side: "counterpart"), AgendaFixtures.participant("b2", side: "counterpart")]
        let candidates = [AgendaCandidate("a1", "b1", score: 0.9), AgendaCandidate("a2", "b2", score: 0.8)]
        let free = try AgendaPlanner().plan(mission: mission, participants: people, requests: [], candidates: candidates)
        #expect(free.agenda.stats.meetings == 2)
        let problem = PlanningProblem(mission: mission, participants: people, requests: [], candidates: candidates)
        #expect(AgendaAudit(problem: problem, fixedSide: nil).violations(free.agenda).isEmpty)
        let violations = AgendaAudit(problem: problem, fixedSide: 0).violations(free.agenda)
        #expect(violations.contains("session 0: fixed-side participants hold 2 tables of 1"), "\(violations)")

        let fixed = try AgendaPlanner(options: .init(fixedTableSide: "consortium"))
            .plan(mission: mission, participants: people, requests: [], candidates: candidates)
        #expect(fixed.agenda.meetings.map(\.participantA) == ["a1"])
        #expect(fixed.agenda.stats.totalScore == 0.9)
        #expect(AgendaAudit(problem: problem, fixedSide: 0).violations(fixed.agenda).isEmpty)
        #expect(AgendaFeasibilityChecker.violations(fixed.agenda, mission: mission, participants: people, candidates: candidates,
                                                    fixedTableSide: "consortium").isEmpty)
    }
}
