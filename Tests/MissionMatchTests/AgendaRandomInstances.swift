import MatchCore
@testable import MissionMatch

/// Seeded random small planning instances covering every rule the planner
/// keeps: bipartite and open pairing, one or two sessions, availability
/// windows, representatives, mission and personal min/max meetings, `must`
/// and `block` requests, and (bipartite) a fixed-table side.
struct AgendaRandomInstance {
    var mission: Mission
    var participants: [Participant]
    var requests: [MeetingRequest]
    var candidates: [AgendaCandidate]
    var fixedTableSide: Side?

    /// The instance for `round` (the round picks the pairing and the fixed-table side).
    init(_ random: inout SeededRandomNumberGenerator, round: Int) {
        let pairing: Pairing = round % 2 == 0 ? .bipartite : .open
        let slots = Int.random(in: 1...4, using: &random)
        let split = slots >= 2 && Int.random(in: 0..<3, using: &random) == 0
        let people = Int.random(in: 4...8, using: &random)
        var mission = AgendaFixtures.mission(pairing, slots: slots, tables: Int.random(in: 1...3, using: &random),
                                             max: Bool.random(using: &random) ? Int.random(in: 1...slots + 1, using: &random) : nil,
                                             min: Int.random(in: 0...2, using: &random), split: split)
        if mission.slots.isEmpty { mission = AgendaFixtures.mission(pairing, slots: slots, tables: mission.tables) }
        let slotRanges = mission.slots.map(\.range)
        let windows = round % 3 != 0
        participants = (0..<people).map { i -> Participant in
            var available: [TimeRange] = []
            if windows && Bool.random(using: &random) {
                available = slotRanges.filter { _ in Bool.random(using: &random) }
                if available.isEmpty, let first = slotRanges.first { available = [first] }
            }
            return AgendaFixtures.participant(
                "p\(i)", side: pairing == .bipartite ? (i % 2 == 0 ? "consortium" : "counterpart") : nil,
                max: Int.random(in: 0..<4, using: &random) == 0 ? Int.random(in: 1...3, using: &random) : nil,
                min: Int.random(in: 0..<4, using: &random) == 0 ? Int.random(in: 0...3, using: &random) : nil,
                reps: Int.random(in: 0..<5, using: &random) == 0 ? 2 : 1, available: available)
        }
        // Keep the exhaustive reference cheap: fewer candidates when there are more slots.
        let edges = Int.random(in: 3...[11, 11, 10, 9, 8][min(slots, 4)], using: &random)
        var seen = Set<[Int]>()
        candidates = []
        for _ in 0..<edges * 4 where candidates.count < edges {
            let x = Int.random(in: 0..<people, using: &random), y = Int.random(in: 0..<people, using: &random)
            guard x != y, pairing == .open || x % 2 != y % 2, seen.insert([min(x, y), max(x, y)]).inserted else { continue }
            let score = Bool.random(using: &random) ? Double(Int.random(in: 1...4, using: &random)) / 4
                : Double.random(in: 0.05...1, using: &random)
            candidates.append(AgendaCandidate("p\(x)", "p\(y)", score: score))
        }
        requests = []
        for candidate in candidates.shuffled(using: &random).prefix(Int.random(in: 0...2, using: &random)) {
            requests.append(MeetingRequest(from: candidate.participantA, to: candidate.participantB, priority: .must))
        }
        if Int.random(in: 0..<4, using: &random) == 0, let candidate = candidates.randomElement(using: &random),
           !requests.contains(where: { [$0.from, $0.to].sorted() == [candidate.participantA, candidate.participantB].sorted() }) {
            requests.append(MeetingRequest(from: candidate.participantA, to: candidate.participantB, priority: .block))
        }
        fixedTableSide = pairing == .bipartite && round % 4 == 0 ? "consortium" : nil
        self.mission = mission
    }
}
