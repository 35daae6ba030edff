import Foundation
import MissionMatch
@testable import MissionMatchIO
import Testing

/// The planner's gap to its upper bound on a bundled mission, planned from the
/// engine's own candidates (as `missionmatch schedule` does without `--scores`).
struct AgendaGapTests {
    @Test func torontoGapWithinTwoPercent() throws {
        let folder = BundledDataTests.folder
        let reference = try ReferenceDataLoader.load(from: folder).value
        let loaded = try MissionLoader(referenceData: reference)
            .load(contentsOf: folder.appendingPathComponent("missions/toronto-2019.yaml")).value
        let candidates = try MatchingEngine(reference: reference)
            .rank(mission: loaded.mission, participants: loaded.participants, requests: loaded.requests)
            .agendaCandidates(limit: 30)
        let plan = try AgendaPlanner().plan(mission: loaded.mission, participants: loaded.participants,
                                        requests: loaded.requests, candidates: candidates)
        let stats = plan.agenda.stats
        #expect(stats.gap <= 0.02, "gap \(stats.gap)")
        #expect(stats.upperBound >= stats.totalScore)
        // The priorities are kept: every must request met, nobody below min_meetings.
        #expect(stats.unmetMustRequests.isEmpty)
        #expect(stats.unmetMinMeetings.isEmpty)
        #expect(plan.agenda.participants.allSatisfy { $0.meetings.count >= $0.minMeetings })
    }
}
