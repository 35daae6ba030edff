import Foundation
import MatchCore
@testable import MissionMatch
@testable import MissionMatchIO
import Testing

/// Where the planner's gap comes from, printed (the figures are for people;
/// the invariants every plan must keep are asserted: a total within its
/// bound, a gap in [0, 1], no more meetings than places): each bundled
/// mission planned from the engine's candidates with each priority relaxed in
/// turn, and the b-matching optimum when `must` requests are forced and
/// minimums served first; and the benchmark's generated event with unbound
/// tables. Opt-in (about a minute in a debug build):
/// `GAP_DIAG=1 swift test --skip-build --filter AgendaGapDecomposition`.
struct AgendaGapDecomposition {
    static let isEnabled = ProcessInfo.processInfo.environment["GAP_DIAG"] != nil

    @Test(.enabled(if: isEnabled && BundledDataTests.hasReference)) func decompose() throws {
        let folder = BundledDataTests.folder
        let reference = try ReferenceDataLoader.load(from: folder).value
        for id in ["toronto-2019", "shanghai-2019", "washington-philadelphia-2019", "escp4i-matchmaking-2019"] {
            let loaded = try MissionLoader(referenceData: reference).load(contentsOf: folder.appendingPathComponent("missions/\(id).yaml")).value
            let ranking = try MatchingEngine(reference: reference).rank(mission: loaded.mission, participants: loaded.participants, requests: loaded.requests)
            let candidates = ranking.agendaCandidates(limit: 30)
            func run(_ label: String, mission: Mission, participants: [Participant], requests: [MeetingRequest]) throws {
                let plan = try AgendaPlanner().plan(mission: mission, participants: participants, requests: requests, candidates: candidates)
                let s = plan.agenda.stats
                #expect(s.totalScore <= s.upperBound + 1e-6, "\(id) \(label): total \(s.totalScore) above its bound \(s.upperBound)")
                #expect(s.gap >= -1e-9 && s.gap <= 1, "\(id) \(label): gap \(s.gap)")
                #expect(s.meetings <= mission.slots.count * mission.tables, "\(id) \(label): more meetings than places")
                let coverage = plan.agenda.participants.reduce(0) { $0 + min($1.meetings.count, $1.minMeetings) }
                print(String(format: "%@ %@: meetings %d total %.3f bound %.3f gap %.2f%% coverage %d unmetMin %d unmetMust %d", id, label, s.meetings, s.totalScore, s.upperBound, 100 * s.gap, coverage, s.unmetMinMeetings.count, s.unmetMustRequests.count))
            }
            do {
                let problem = PlanningProblem(mission: loaded.mission, participants: loaded.participants, requests: loaded.requests, candidates: candidates)
                var timetable = Timetable(problem: problem, fixedSide: nil)
                var mustScore = 0.0
                for edge in problem.edges.indices where problem.edges[edge].mustRequest != nil {
                    if timetable.placeWithRepair(edge, chainAttempts: 400) { mustScore += problem.edges[edge].score }
                }
                let lambda = 1000.0
                let lex = AgendaPlanner.residualBMatching(problem, timetable: timetable, priorityBonus: lambda)
                let maxCoverage = problem.participants.indices.reduce(0) { $0 + min(timetable.meetingCount[$1], problem.minMeetings[$1]) }
                #expect(lex.covered <= Double(problem.minMeetings.reduce(0, +)) + 1e-9, "\(id): covers more minimums than there are")
                print(String(format: "%@ b-matching with musts forced, max coverage: %.3f (coverage %.0f + %d by musts; λ = 1000 is lexicographic here: total score < 1000)", id, mustScore + lex.bound - lambda * lex.covered, lex.covered, maxCoverage))
                let empty = Timetable(problem: problem, fixedSide: nil)
                let lexOnly = AgendaPlanner.residualBMatching(problem, timetable: empty, priorityBonus: lambda)
                print(String(format: "%@ b-matching with max coverage (musts free): %.3f (coverage %.0f)", id, lexOnly.bound - lambda * lexOnly.covered, lexOnly.covered))
            }
            let musts = loaded.requests.filter { $0.priority == .must }.count
            print("\(id): \(loaded.participants.count) participants, \(loaded.mission.slots.count) slots, \(loaded.mission.tables) tables, \(musts) musts, \(candidates.count) candidates, with availability \(loaded.participants.filter { !$0.availability.isEmpty }.count), reps>1 \(loaded.participants.filter { $0.representatives > 1 }.count)")
            try run("baseline", mission: loaded.mission, participants: loaded.participants, requests: loaded.requests)
            var noMin = loaded.mission; noMin.minMeetings = 0
            let noMinPeople = loaded.participants.map { var p = $0; p.minMeetings = nil; return p }
            try run("no-min", mission: noMin, participants: noMinPeople, requests: loaded.requests)
            let noMust = loaded.requests.filter { $0.priority != .must }
            try run("no-must", mission: loaded.mission, participants: loaded.participants, requests: noMust)
            try run("no-min-no-must", mission: noMin, participants: noMinPeople, requests: noMust)
            let noAvail = noMinPeople.map { var p = $0; p.availability = []; return p }
            try run("no-min-no-must-no-avail", mission: noMin, participants: noAvail, requests: noMust)
            var bigTables = noMin; bigTables.tables = 1000
            try run("no-min-no-must-no-avail-1000tables", mission: bigTables, participants: noAvail, requests: noMust)
            try run("no-min-no-must-1000tables", mission: bigTables, participants: noMinPeople, requests: noMust)
        }
    }
}

extension AgendaGapDecomposition {
    @Test(.enabled(if: isEnabled), arguments: [(400, 0), (400, 3), (200, 3)])
    func generated(tables: Int, minimum: Int) throws {
        var random = SeededRandomNumberGenerator(seed: 2024)
        let consortium = 800, counterparts = 1_200, slotsPerSession = 8, k = 30
        let days = (17...19).map { LocalDate(year: 2019, month: 6, day: $0)! }
        let sessions = days.map { Session(date: $0, start: LocalTime(hour: 9, minute: 0)!, end: LocalTime(minutesSinceMidnight: 540 + 25 * slotsPerSession)!) }
        let mission = Mission(id: "generated-2000", name: "Generated", timeZone: TimeZone(identifier: "Europe/Brussels")!, participantsPath: "p.csv",
                              pairing: .bipartite, sides: ["consortium", "counterpart"], sessions: sessions, meetingMinutes: 20, breakMinutes: 5,
                              tables: tables, maxMeetings: 10, minMeetings: minimum)
        let total = consortium + counterparts
        let participants = (0..<total).map { i -> Participant in
            var p = Participant(id: String(format: "p%05d", i), name: "Org \(i)", country: "BE")
            p.side = i < consortium ? "consortium" : "counterpart"
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
        for a in 0..<consortium { for _ in 0..<k { add(a, consortium + Int.random(in: 0..<counterparts, using: &random)) } }
        for b in consortium..<total { for _ in 0..<k { add(Int.random(in: 0..<consortium, using: &random), b) } }
        if minimum > 0 {
            let problem = PlanningProblem(mission: mission, participants: participants, requests: [], candidates: candidates)
            let timetable = Timetable(problem: problem, fixedSide: nil)
            let lambda = 100_000.0
            let lex = AgendaPlanner.residualBMatching(problem, timetable: timetable, priorityBonus: lambda)
            print(String(format: "generated tables %d min %d: lexicographic b-matching %.3f coverage %.0f of %d", tables, minimum, lex.bound - lambda * lex.covered, lex.covered, problem.minMeetings.reduce(0, +)))
        }
        let clock = ContinuousClock()
        let start = clock.now
        let plan = try AgendaPlanner().plan(mission: mission, participants: participants, requests: [], candidates: candidates)
        let s = plan.agenda.stats
        #expect(s.totalScore <= s.upperBound + 1e-6 && s.gap >= -1e-9 && s.gap <= 1, "generated \(tables)/\(minimum): \(s)")
        #expect(s.meetings <= mission.slots.count * tables)
        print(String(format: "generated tables %d min %d: meetings %d total %.3f bound %.3f gap %.2f%% unmet %d ", tables, minimum, s.meetings, s.totalScore, s.upperBound, 100 * s.gap, s.unmetMinMeetings.count) + "\(clock.now - start)")
    }
}
