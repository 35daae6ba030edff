import Foundation
import MatchCore
@testable import MissionMatch
import Testing

/// Seeded medium instances (60–200 participants, two sessions, availability
/// windows, minimums that bind, representatives, `must` requests): the
/// planner's priorities against its own level bounds, which prove how far
/// from the optimum it can be at most.
struct AgendaMediumInstances {
    /// One seeded instance.
    static func instance(_ random: inout SeededRandomNumberGenerator, pairing: Pairing, people: Int)
        -> (Mission, [Participant], [MeetingRequest], [AgendaCandidate]) {
        let slots = Int.random(in: 10...16, using: &random)
        var mission = AgendaFixtures.mission(pairing, slots: slots, tables: max(4, people / Int.random(in: 4...7, using: &random)),
                                             max: Int.random(in: 6...8, using: &random), min: Int.random(in: 2...4, using: &random),
                                             split: true)
        if mission.slots.isEmpty { mission = AgendaFixtures.mission(pairing, slots: slots, tables: 10) }
        let ranges = mission.slots.map(\.range)
        let participants = (0..<people).map { i -> Participant in
            var available: [TimeRange] = []
            if Int.random(in: 0..<3, using: &random) == 0 {
                let start = Int.random(in: 0..<ranges.count, using: &random)
                available = Array(ranges[start..<min(ranges.count, start + Int.random(in: 3...8, using: &random))])
            }
            return AgendaFixtures.participant("p\(i)", side: pairing == .bipartite ? (i % 2 == 0 ? "consortium" : "counterpart") : nil,
                                              reps: Int.random(in: 0..<10, using: &random) == 0 ? 2 : 1, available: available)
        }
        var candidates: [AgendaCandidate] = []
        var seen = Set<[Int]>()
        for x in 0..<people {
            for _ in 0..<6 {
                let y = Int.random(in: 0..<people, using: &random)
                guard x != y, pairing == .open || x % 2 != y % 2, seen.insert([min(x, y), max(x, y)]).inserted else { continue }
                candidates.append(AgendaCandidate("p\(x)", "p\(y)", score: Double.random(in: 0.2...0.9, using: &random)))
            }
        }
        let requests = candidates.shuffled(using: &random).prefix(people / 20)
            .map { MeetingRequest(from: $0.participantA, to: $0.participantB, priority: .must) }
        return (mission, participants, Array(requests), candidates)
    }

    /// Ten seeded medium instances: feasible, every `must` request and
    /// minimum served that the level bounds allow (so the lexicographic
    /// optimum's), and the score within 1 % of its bound given those
    /// priorities (0.00–0.48 % when written).
    @Test func mediumInstancesAreFeasibleAndCloseToTheirLevelBounds() throws {
        var random = SeededRandomNumberGenerator(seed: 6014)
        var lines: [String] = []
        for round in 0..<10 {
            let pairing: Pairing = round % 3 == 2 ? .open : .bipartite
            let people = [60, 90, 120, 160, 200][round % 5]
            let (mission, participants, requests, candidates) = Self.instance(&random, pairing: pairing, people: people)
            let plan = try AgendaPlanner().plan(mission: mission, participants: participants, requests: requests, candidates: candidates)
            let problems = AgendaFeasibilityChecker.violations(plan.agenda, mission: mission, participants: participants,
                                                               requests: requests, candidates: candidates)
            #expect(problems.isEmpty, "round \(round): \(problems)")
            let levels = try #require(plan.agenda.stats.priorities)
            #expect(levels.mustRequestsMet == levels.mustRequestsBound, "round \(round)")
            #expect(levels.minMeetingsServed == levels.minMeetingsServedBound, "round \(round)")
            #expect(levels.scoreGap <= 0.01, "round \(round): \(levels)")
            let servedGap = levels.minMeetingsServedBound > 0
                ? 1 - Double(levels.minMeetingsServed) / Double(levels.minMeetingsServedBound) : 0
            lines.append(String(format: "%@ %d: musts %d/%d, served %d/%d (%.2f %%), score %.3f / %.3f (gap %.2f %%), plain gap %.2f %%",
                                pairing.rawValue, people, levels.mustRequestsMet, levels.mustRequestsBound, levels.minMeetingsServed,
                                levels.minMeetingsServedBound, 100 * servedGap, plan.agenda.stats.totalScore, levels.scoreBound,
                                100 * levels.scoreGap, 100 * plan.agenda.stats.gap))
        }
        print("AgendaMediumInstances:\n" + lines.joined(separator: "\n"))
    }
}
