import Foundation
import Testing
@testable import MissionMatch

/// The engine refuses contradictions that validation catches, with a typed error, instead of guessing.
struct RankingInputErrorTests {
    typealias F = MatchingFixtures

    private func rankingError(_ participants: [Participant], mission: Mission = F.mission(topK: 3)) -> RankingInputError? {
        do {
            _ = try MatchingEngine(reference: F.reference).rank(mission: mission, participants: participants)
            return nil
        } catch let error as RankingInputError {
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
        #expect(RankingInputError.duplicateID("x").description.contains("unique id"))
    }
}
