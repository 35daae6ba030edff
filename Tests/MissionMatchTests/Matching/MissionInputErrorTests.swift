import Foundation
import Testing
@testable import MissionMatch

/// The engine refuses contradictions that validation catches, with a typed error, instead of guessing.
struct MissionInputErrorTests {
    typealias F = MatchingFixtures

    private func rankingError(_ participants: [Participant], mission: Mission = F.mission(topK: 3)) -> MissionInputError? {
        do {
            _ = try MatchingEngine(reference: F.reference).rank(mission: mission, participants: participants)
            return nil
        } catch let error as MissionInputError {
            return error
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    @Test func everyContradictionIsRefused() {
        let market = MatchingEngineTests.market
        #expect(rankingError(market) == nil)
        #expect(rankingError(market + [market[0]]) == .duplicateID("eu-pack"))
        var observer = market[2]
        observer.id = "ca-observer"
        observer.side = "observer"
        #expect(rankingError(market + [observer]) == .sideNotInMission(participant: "ca-observer", side: "observer"))
        var threeSided = F.mission(topK: 3)
        threeSided.sides.append("observer")
        #expect(rankingError(market, mission: threeSided) == .bipartiteMissionWithoutTwoSides(threeSided.sides))
        var nobody = market[1]
        nobody.representatives = 0
        #expect(rankingError([market[0], nobody] + market[2...]) == .noRepresentative(participant: "eu-drinks"))
        #expect(MissionInputError.duplicateID("x").description.contains("unique id"))
    }

    /// The planner refuses the same contradictions instead of dropping a third side's pairs.
    @Test func thePlannerRefusesThemToo() throws {
        let mission = AgendaFixtures.mission(.bipartite, slots: 4, tables: 2, max: 3)
        let people = [AgendaFixtures.participant("eu1", side: "consortium"), AgendaFixtures.participant("cn1", side: "counterpart")]
        let candidates = [AgendaCandidate("eu1", "cn1", score: 0.9)]
        #expect(try AgendaPlanner().plan(mission: mission, participants: people, requests: [], candidates: candidates)
            .agenda.meetings.count == 1)
        let observer = AgendaFixtures.participant("ob1", side: "observer")
        #expect(throws: MissionInputError.sideNotInMission(participant: "ob1", side: "observer")) {
            try AgendaPlanner().plan(mission: mission, participants: people + [observer], requests: [], candidates: candidates)
        }
        #expect(throws: MissionInputError.duplicateID("eu1")) {
            try AgendaPlanner().plan(mission: mission, participants: people + [people[0]], requests: [], candidates: candidates)
        }
    }
}
