import Foundation
@testable import MissionMatch
@testable import MissionMatchIO
import Testing

/// The planner's reproducers of issue 14 (`Fixtures/planner/`, copied from
/// the shared reproducers with their exact optima, found by an exact MILP):
/// each planned as `schedule … --scores scores.csv` does, with the exact
/// optimum in the planner's order of priorities (`must` requests, meetings
/// towards minimums, score) and bounds at or above it. Every agenda is also
/// audited for feasibility inside the planner (debug builds).
struct AgendaReproducerTests {
    struct Expected: Sendable, CustomStringConvertible {
        var folder: String
        var fixedTableSide: Side?
        var meetings: Int?
        var musts: Int
        var served: Int
        /// The optimum's score, and how it was rounded in the reproducers' README.
        var score: Double
        var tolerance: Double

        var description: String { folder }
    }

    static let cases: [Expected] = [
        // One session of 2 slots, 1 table, a1–b1 0.9 and a2–b2 0.8: a1 holds the only table all session.
        Expected(folder: "fixed-tables", fixedTableSide: "consortium", meetings: 1, musts: 0, served: 0, score: 0.9, tolerance: 1e-9),
        // 5 slots × 1 table, min 1: five meetings with ten different participants, the `must` among them.
        Expected(folder: "min-priority-s16", meetings: 5, musts: 1, served: 10, score: 3.54, tolerance: 0.005),
        // 4 slots × 2 tables, min 2: 4.792 at the most minimums.
        Expected(folder: "min-rounds-s306", musts: 0, served: 16, score: 4.792, tolerance: 0.0005),
        // 120 participants, min 4: 92.87 at the most minimums (328).
        Expected(folder: "c60", musts: 0, served: 328, score: 92.87, tolerance: 0.005),
    ]

    @Test(arguments: cases) func reproducerReachesTheExactOptimum(_ expected: Expected) throws {
        let folder = Fixtures.folder.appendingPathComponent("planner/\(expected.folder)")
        let loaded = try MissionLoader(referenceData: Fixtures.reference).load(contentsOf: folder.appendingPathComponent("mission.yaml")).value
        let scores = try PairScoreReader(participants: loaded.participants, mission: loaded.mission)
            .read(contentsOf: folder.appendingPathComponent("scores.csv")).value
        let planner = AgendaPlanner(options: .init(fixedTableSide: expected.fixedTableSide))
        let plan = try planner.plan(mission: loaded.mission, participants: loaded.participants, requests: loaded.requests,
                                candidates: scores.map { AgendaCandidate($0) })
        let stats = plan.agenda.stats
        let levels = try #require(stats.priorities)
        if let meetings = expected.meetings { #expect(stats.meetings == meetings) }
        #expect(levels.mustRequestsMet == expected.musts)
        #expect(levels.minMeetingsServed == expected.served)
        #expect(abs(stats.totalScore - expected.score) <= expected.tolerance, "score \(stats.totalScore)")
        #expect(levels.mustRequestsBound >= expected.musts && levels.minMeetingsServedBound >= expected.served)
        #expect(levels.scoreBound >= expected.score - expected.tolerance && levels.scoreBound <= stats.upperBound + 1e-9)
        if expected.fixedTableSide != nil {
            #expect(plan.agenda.meetings.allSatisfy { $0.table >= 1 && $0.table <= loaded.mission.tables })
        }
        print("\(expected.folder): meetings \(stats.meetings), score \(stats.totalScore), bound \(stats.upperBound), \(levels)")
    }
}
