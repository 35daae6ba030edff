@testable import MissionMatch

/// The exact lexicographic optimum of a small planning instance, by branch
/// and bound over every candidate's slot (or none), written without the
/// planner's code: `must` requests met, then meetings towards minimums
/// (Σ min(meetings, min_meetings)), then total score. Rules: availability,
/// representatives per slot, tables per slot, maximum meetings, blocked and
/// same-side pairs, and with a fixed-table side, in each session the
/// representatives of that side's participants with meetings fit the tables.
enum AgendaExactReference {
    /// The value of an agenda in the planner's order of priorities.
    struct Value: Equatable, CustomStringConvertible {
        var musts: Int
        var served: Int
        var score: Double

        var description: String { "(musts \(musts), served \(served), score \(score))" }

        /// Whether `self` is lexicographically better than `other` (scores within 10⁻⁹ are equal).
        func beats(_ other: Value) -> Bool {
            if musts != other.musts { return musts > other.musts }
            if served != other.served { return served > other.served }
            return score > other.score + 1e-9
        }
    }

    /// The value of an agenda.
    static func value(_ agenda: Agenda, mission: Mission, participants: [Participant], requests: [MeetingRequest]) -> Value {
        func pair(_ x: String, _ y: String) -> String { x < y ? x + "|" + y : y + "|" + x }
        let pairs = Set(agenda.meetings.map { pair($0.participantA, $0.participantB) })
        let musts = Set(requests.filter { $0.priority == .must }.map { pair($0.from, $0.to) }).filter(pairs.contains).count
        var count = [String: Int]()
        for meeting in agenda.meetings {
            count[meeting.participantA, default: 0] += 1
            count[meeting.participantB, default: 0] += 1
        }
        let served = participants.reduce(0) { $0 + min(count[$1.id] ?? 0, max(0, $1.minimumMeetings(in: mission))) }
        return Value(musts: musts, served: served, score: agenda.meetings.reduce(0) { $0 + $1.score })
    }

    /// The best value of any feasible agenda.
    static func optimum(mission: Mission, participants: [Participant], requests: [MeetingRequest],
                        candidates: [AgendaCandidate], fixedTableSide: Side? = nil) -> Value {
        var search = Search(mission: mission, participants: participants, requests: requests,
                            candidates: candidates, fixedTableSide: fixedTableSide)
        search.run(0, current: Value(musts: 0, served: 0, score: 0))
        return search.best
    }

    private struct Edge { var a: Int, b: Int, score: Double, must: Bool }

    private struct Search {
        let slots: Int, tables: Int
        let edges: [Edge]
        let free: [[Bool]]
        let reps: [Int], limit: [Int], minimum: [Int]
        let sessionOf: [Int], sessions: Int
        let holderOf: [Int?]   // fixed-side participant of each edge
        var busy: [[Int]], count: [Int], load: [Int]
        var sessionMeetings: [[Int]], held: [Int]
        var best = Value(musts: 0, served: 0, score: 0)
        /// Optimistic gains of edges i… : musts, endpoints with a minimum, score.
        let suffixMusts: [Int], suffixEnds: [Int], suffixScore: [Double]

        init(mission: Mission, participants: [Participant], requests: [MeetingRequest], candidates: [AgendaCandidate],
             fixedTableSide: Side?) {
            let slotList = mission.slots
            slots = slotList.count
            tables = mission.tables
            var index = [String: Int]()
            for (i, p) in participants.enumerated() where index[p.id] == nil { index[p.id] = i }
            func key(_ x: Int, _ y: Int) -> Int { min(x, y) * participants.count + max(x, y) }
            var blocked = Set<Int>(), mustPairs = Set<Int>()
            for request in requests {
                guard let x = index[request.from], let y = index[request.to] else { continue }
                if request.priority == .block { blocked.insert(key(x, y)) }
                if request.priority == .must { mustPairs.insert(key(x, y)) }
            }
            func allowed(_ x: Int, _ y: Int) -> Bool {
                x != y && !blocked.contains(key(x, y))
                    && (mission.pairing == .open || participants[x].side != participants[y].side)
            }
            var scoreOf = [Int: Double](), ends = [Int: (Int, Int)]()
            for candidate in candidates {
                guard let x = index[candidate.participantA], let y = index[candidate.participantB], allowed(x, y) else { continue }
                scoreOf[key(x, y)] = max(scoreOf[key(x, y)] ?? 0, min(1, max(0, candidate.score)))
                ends[key(x, y)] = (x, y)
            }
            for request in requests where request.priority == .must {
                guard let x = index[request.from], let y = index[request.to], allowed(x, y), scoreOf[key(x, y)] == nil else { continue }
                scoreOf[key(x, y)] = 0
                ends[key(x, y)] = (x, y)
            }
            free = participants.map { p in
                slotList.map { slot in p.availability.isEmpty || p.availability.contains { $0.contains(slot.range) } }
            }
            reps = participants.map { max(1, $0.representatives) }
            limit = participants.map { $0.maximumMeetings(in: mission) ?? Int.max }
            let minimumList = participants.map { max(0, $0.minimumMeetings(in: mission)) }
            minimum = minimumList
            var list = scoreOf.keys.sorted().compactMap { k -> Edge? in
                guard let (x, y) = ends[k], let score = scoreOf[k] else { return nil }
                return Edge(a: x, b: y, score: score, must: mustPairs.contains(k))
            }
            list.sort { ($0.must ? 1 : 0, $0.score) > ($1.must ? 1 : 0, $1.score) }
            edges = list
            var sessionIndex = [Int: Int]()
            sessionOf = slotList.map { slot in
                if let known = sessionIndex[slot.session] { return known }
                sessionIndex[slot.session] = sessionIndex.count
                return sessionIndex.count - 1
            }
            sessions = max(1, sessionIndex.count)
            holderOf = list.map { edge in
                guard let fixedTableSide, mission.pairing == .bipartite, mission.sides.contains(fixedTableSide) else { return nil }
                return participants[edge.a].side == fixedTableSide ? edge.a : edge.b
            }
            busy = Array(repeating: Array(repeating: 0, count: slots), count: participants.count)
            count = Array(repeating: 0, count: participants.count)
            load = Array(repeating: 0, count: slots)
            sessionMeetings = Array(repeating: Array(repeating: 0, count: sessions), count: participants.count)
            held = Array(repeating: 0, count: sessions)
            var musts = [Int](repeating: 0, count: list.count + 1), endsWithMin = musts
            var score = [Double](repeating: 0, count: list.count + 1)
            for i in stride(from: list.count - 1, through: 0, by: -1) {
                musts[i] = musts[i + 1] + (list[i].must ? 1 : 0)
                endsWithMin[i] = endsWithMin[i + 1] + [list[i].a, list[i].b].filter { minimumList[$0] > 0 }.count
                score[i] = score[i + 1] + list[i].score
            }
            suffixMusts = musts
            suffixEnds = endsWithMin
            suffixScore = score
        }

        /// Whether the edge fits slot `s` now.
        func fits(_ i: Int, _ s: Int) -> Bool {
            let e = edges[i]
            guard free[e.a][s], free[e.b][s], busy[e.a][s] < reps[e.a], busy[e.b][s] < reps[e.b], load[s] < tables else { return false }
            guard let holder = holderOf[i] else { return true }
            let session = sessionOf[s]
            return sessionMeetings[holder][session] > 0 || held[session] + reps[holder] <= tables
        }

        mutating func apply(_ i: Int, _ s: Int, _ sign: Int) {
            let e = edges[i]
            busy[e.a][s] += sign; busy[e.b][s] += sign
            count[e.a] += sign; count[e.b] += sign
            load[s] += sign
            if let holder = holderOf[i] {
                let session = sessionOf[s]
                if sign > 0 && sessionMeetings[holder][session] == 0 { held[session] += reps[holder] }
                sessionMeetings[holder][session] += sign
                if sign < 0 && sessionMeetings[holder][session] == 0 { held[session] -= reps[holder] }
            }
        }

        mutating func run(_ i: Int, current: Value) {
            if current.beats(best) { best = current }
            guard i < edges.count else { return }
            let deficit = count.indices.reduce(0) { $0 + max(0, minimum[$1] - count[$1]) }
            let optimistic = Value(musts: current.musts + suffixMusts[i], served: current.served + min(deficit, suffixEnds[i]),
                                   score: current.score + suffixScore[i])
            guard optimistic.beats(best) else { return }
            let e = edges[i]
            if count[e.a] < limit[e.a] && count[e.b] < limit[e.b] {
                var next = current
                next.musts += e.must ? 1 : 0
                next.served += (count[e.a] < minimum[e.a] ? 1 : 0) + (count[e.b] < minimum[e.b] ? 1 : 0)
                next.score += e.score
                var tried = Set<[Int]>()
                for s in 0..<slots where fits(i, s) {
                    // Slots alike for the search so far (same session, no meetings, same availability) are tried once.
                    if load[s] == 0 && !tried.insert(signature(s)).inserted { continue }
                    apply(i, s, 1)
                    run(i + 1, current: next)
                    apply(i, s, -1)
                }
            }
            run(i + 1, current: current)
        }

        /// What distinguishes an empty slot for the rest of the search.
        func signature(_ s: Int) -> [Int] {
            [sessionOf[s]] + free.map { $0[s] ? 1 : 0 }
        }
    }
}
