// The agenda planner on a generated event, and the upper bound on a large candidate graph.
//
//   cd Benchmarks && swift package benchmark --target AgendaPlanning
//   MISSIONMATCH_BENCH_SCALE=ci swift package benchmark --target AgendaPlanning
//
// Full size: an event of 2,000 participants (800 consortium × 1,200
// counterparts), 24 slots in 3 sessions, 60 tables, max 10 meetings, 30
// candidates per participant, a quarter of them available in two sessions
// only; and the b-matching bound of a 3,100 × 20,000 graph where every
// participant lists K = 30 partners (≈ 0.69 M distinct edges; ×2 for
// K = 60 from the large side, ≈ 1.4 M). Targets: plan ≤ 2 s with gap ≤ 2 %;
// bound ≤ 10 s. "gap (×10⁴)" is 1 − total ÷ bound in basis points.
//
// Two harder variants of the same event: 400 tables (9,600 places for at
// most 8,000 meetings, so tables do not bind and the per-participant limits
// and slots decide), and 400 tables with min_meetings 3 for everyone (the
// minimums are served first, which the bound does not pay for). The CI scale
// uses the same ratios (100 tables).

import Benchmark
import Foundation
import MatchCore
import MissionMatch

struct Scale {
    let consortium: Int, counterparts: Int, slotsPerSession: Int, tables: Int, k: Int
    let boundLeft: Int, boundRight: Int, boundK: Int

    /// The same event with another number of tables.
    func with(tables: Int) -> Scale {
        Scale(consortium: consortium, counterparts: counterparts, slotsPerSession: slotsPerSession, tables: tables, k: k,
              boundLeft: boundLeft, boundRight: boundRight, boundK: boundK)
    }

    /// Tables enough that they never bind (more places than the smaller side's meetings).
    var unboundTables: Int { (consortium * 10 + 3 * slotsPerSession - 1) / (3 * slotsPerSession) * 6 / 5 }

    static var current: Scale {
        if ProcessInfo.processInfo.environment["MISSIONMATCH_BENCH_SCALE"] == "ci" {
            return Scale(consortium: 200, counterparts: 300, slotsPerSession: 8, tables: 15, k: 30, boundLeft: 600, boundRight: 4_000, boundK: 30)
        }
        return Scale(consortium: 800, counterparts: 1_200, slotsPerSession: 8, tables: 60, k: 30, boundLeft: 3_100, boundRight: 20_000, boundK: 30)
    }
}

/// A generated bipartite event with seeded candidates: score = a shared
/// "attractiveness" of each side plus pair noise, clamped to [0, 1].
func makeEvent(_ scale: Scale, minMeetings: Int = 0) -> (Mission, [Participant], [AgendaCandidate]) {
    var random = SeededRandomNumberGenerator(seed: 2024)
    let days = (17...19).map { LocalDate(year: 2019, month: 6, day: $0)! }
    let sessions = days.map { Session(date: $0, start: LocalTime(hour: 9, minute: 0)!, end: LocalTime(minutesSinceMidnight: 540 + 25 * scale.slotsPerSession)!) }
    let mission = Mission(id: "generated-2000", name: "Generated", timeZone: TimeZone(identifier: "Europe/Brussels")!, participantsPath: "p.csv",
                          pairing: .bipartite, sides: ["consortium", "counterpart"], sessions: sessions, meetingMinutes: 20, breakMinutes: 5,
                          tables: scale.tables, maxMeetings: 10, minMeetings: minMeetings)
    let total = scale.consortium + scale.counterparts
    let participants = (0..<total).map { i -> Participant in
        var p = Participant(id: String(format: "p%05d", i), name: "Org \(i)", country: "BE")
        p.side = i < scale.consortium ? "consortium" : "counterpart"
        p.offers = "x"
        if Int.random(in: 0..<4, using: &random) == 0 {
            p.availability = sessions.dropFirst(Int.random(in: 0...1, using: &random)).prefix(2).map(\.range)
        }
        return p
    }
    let appeal = (0..<total).map { _ in Double.random(in: 0...1, using: &random) }
    var seen = Set<Int>()
    var candidates: [AgendaCandidate] = []
    func add(_ a: Int, _ b: Int) {
        guard seen.insert(a * total + b).inserted else { return }
        let score = min(1, max(0, 0.3 * appeal[a] + 0.3 * appeal[b] + 0.4 * Double.random(in: 0...1, using: &random)))
        candidates.append(AgendaCandidate(participants[a].id, participants[b].id, score: score))
    }
    for a in 0..<scale.consortium { for _ in 0..<scale.k { add(a, scale.consortium + Int.random(in: 0..<scale.counterparts, using: &random)) } }
    for b in scale.consortium..<total { for _ in 0..<scale.k { add(Int.random(in: 0..<scale.consortium, using: &random), b) } }
    return (mission, participants, candidates)
}

/// A 3,100 × 20,000 b-matching instance: each participant lists `k` random partners.
func makeGraph(left: Int, right: Int, k: Int, rightK: Int) -> BipartiteBMatching {
    var random = SeededRandomNumberGenerator(seed: 7)
    let appealLeft = (0..<left).map { _ in Double.random(in: 0...1, using: &random) }
    let appealRight = (0..<right).map { _ in Double.random(in: 0...1, using: &random) }
    var seen = Set<Int>()
    var edges: [BipartiteBMatching.Edge] = []
    func add(_ u: Int, _ v: Int) {
        guard seen.insert(u * right + v).inserted else { return }
        edges.append(.init(left: u, right: v, weight: min(1, 0.35 * appealLeft[u] + 0.35 * appealRight[v] + 0.3 * Double.random(in: 0...1, using: &random))))
    }
    for u in 0..<left { for _ in 0..<k { add(u, Int.random(in: 0..<right, using: &random)) } }
    for v in 0..<right { for _ in 0..<rightK { add(Int.random(in: 0..<left, using: &random), v) } }
    return BipartiteBMatching(leftCapacities: Array(repeating: 10, count: left), rightCapacities: Array(repeating: 10, count: right), edges: edges)
}

let gapMetric = BenchmarkMetric.custom("gap (×10⁴)", polarity: .prefersSmaller, useScalingFactor: false)
let edgeMetric = BenchmarkMetric.custom("edges (k)", polarity: .prefersLarger, useScalingFactor: false)

let benchmarks: @Sendable () -> Void = {
    let scale = Scale.current
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(60), maxIterations: 5)

    for (variant, minimum) in [(scale, 0), (scale.with(tables: scale.unboundTables), 0), (scale.with(tables: scale.unboundTables), 3)] {
        let (mission, participants, candidates) = makeEvent(variant, minMeetings: minimum)
        Benchmark("Plan \(participants.count) participants, \(mission.slots.count) slots, \(variant.tables) tables"
                  + (minimum > 0 ? ", min \(minimum)" : "") + ", \(candidates.count) candidates",
                  configuration: .init(metrics: [.wallClock, .peakMemoryResident, gapMetric])) { benchmark in
            let plan = try AgendaPlanner().plan(mission: mission, participants: participants, requests: [], candidates: candidates)
            benchmark.measurement(gapMetric, Int((plan.agenda.stats.gap * 10_000).rounded()))
            blackHole(plan)
        }
    }

    for rightK in [scale.boundK, 2 * scale.boundK] {
        let graph = makeGraph(left: scale.boundLeft, right: scale.boundRight, k: scale.boundK, rightK: rightK)
        Benchmark("Bound \(scale.boundLeft)×\(scale.boundRight) K \(scale.boundK)/\(rightK), \(graph.edges.count / 1000)k edges",
                  configuration: .init(metrics: [.wallClock, .peakMemoryResident, edgeMetric])) { benchmark in
            blackHole(graph.solve())
            benchmark.measurement(edgeMetric, graph.edges.count / 1000)
        }
    }
}
