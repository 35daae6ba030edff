extension AgendaPlanner {
    /// Fills the timetable in priority order: `must` requests, participants
    /// below their minimum, the b-matching's meetings (after `must` requests or
    /// with minimums, the ``residualTarget(_:)``'s), every other candidate;
    /// then replaces weaker meetings by stronger candidates left out; tiny
    /// instances are finished by exhaustive search.
    ///
    /// - Parameter target: Priorities no agenda can beat (the level bounds), where the local search may stop.
    /// - Parameter minimumTarget: ``residualTarget(_:)``'s b-matching when already solved (no `must` requests).
    static func schedule(_ timetable: inout Timetable, selected: [Int], target: AgendaPriorities? = nil, minimumTarget: [Int]? = nil,
                         finishingExactly: Bool = true) {
        let problem = timetable.problem
        let musts = problem.edges.indices.filter { problem.edges[$0].mustRequest != nil }
            .sorted { (problem.edges[$0].mustRequest ?? 0) < (problem.edges[$1].mustRequest ?? 0) }
        for edge in musts { _ = timetable.placeWithRepair(edge, chainAttempts: 400) }
        let selected = (musts.isEmpty ? minimumTarget : nil) ?? residualTarget(timetable) ?? selected

        var isPreferred = [Bool](repeating: false, count: problem.edges.count)
        for edge in selected { isPreferred[edge] = true }
        let order = minimumOrder(problem, isPreferred: isPreferred)
        placeMinimums(&timetable, order: order, isPreferred: isPreferred, onlyPreferred: true)
        for edge in selected { _ = timetable.placeWithRepair(edge) }
        placeMinimums(&timetable, order: order, isPreferred: isPreferred, onlyPreferred: false)
        let everyEdge = byScore(Array(problem.edges.indices), problem)
        for edge in everyEdge { _ = timetable.placeWithRepair(edge) }
        improve(&timetable, candidates: everyEdge)
        localSearch(&timetable, target: target)
        if finishingExactly { searchExactly(&timetable) }
    }

    /// After the `must` requests are placed, the meetings to aim for: the
    /// b-matching of the free candidates that serves the most meetings towards
    /// minimums (a bonus above any total score per such meeting) and, among
    /// those, scores the most; `nil` (keep the bound's b-matching) when no
    /// `must` request was placed and nobody is below its minimum.
    static func residualTarget(_ timetable: Timetable) -> [Int]? {
        let problem = timetable.problem
        let belowMinimum = problem.participants.indices.contains { timetable.meetingCount[$0] < problem.minMeetings[$0] }
        let mustPlaced = problem.edges.indices.contains { problem.edges[$0].mustRequest != nil && timetable.isPlaced($0) && !timetable.isLocked[$0] }
        guard belowMinimum || mustPlaced else { return nil }
        let total = problem.edges.indices.reduce(0.0) { $0 + (timetable.isPlaced($1) ? 0 : problem.edges[$1].score) }
        return residualBMatching(problem, timetable: timetable, priorityBonus: belowMinimum ? 1 + total.rounded(.up) : 0).selected
    }

    /// Round by round, gives each participant below its minimum one more
    /// meeting with its best placeable candidate (b-matching meetings first),
    /// so that minimums are spread before capacity runs out.
    ///
    /// - Parameter onlyPreferred: Whether to use the b-matching's meetings
    ///   only (the first pass: meetings outside the target matching would take
    ///   the tables and capacity the matching counted on for other minimums).
    static func placeMinimums(_ timetable: inout Timetable, order incident: [[Int]], isPreferred: [Bool], onlyPreferred: Bool) {
        let problem = timetable.problem
        let rounds = problem.minMeetings.max() ?? 0
        guard rounds > 0 else { return }
        for round in 1...rounds {
            for p in problem.participants.indices where timetable.meetingCount[p] < min(round, problem.minMeetings[p]) {
                for edge in incident[p] where !timetable.isPlaced(edge) && (!onlyPreferred || isPreferred[edge]) {
                    let e = problem.edges[edge]
                    guard timetable.hasRoom(e.a == p ? e.b : e.a) else { continue }
                    if timetable.placeWithRepair(edge) { break }
                }
            }
        }
    }

    /// Each participant's candidates in the order the minimum rounds try them
    /// (the target b-matching's first, then by score); empty for participants without a minimum.
    static func minimumOrder(_ problem: PlanningProblem, isPreferred: [Bool]) -> [[Int]] {
        problem.participants.indices.map { p in
            guard problem.minMeetings[p] > 0 else { return [] }
            return problem.incident[p].sorted {
                (isPreferred[$0] ? 1 : 0, problem.edges[$0].score, -$0) > (isPreferred[$1] ? 1 : 0, problem.edges[$1].score, -$1)
            }
        }
    }

    /// For each candidate left out (best first) whose participants are full,
    /// removes their weakest movable meetings when the candidate scores more
    /// than those together, places it, and lets the partners who lost a
    /// meeting take their best remaining candidate; undoes when placing fails.
    static func improve(_ timetable: inout Timetable, candidates: [Int]) {
        let problem = timetable.problem
        for edge in candidates where !timetable.isPlaced(edge) {
            let e = problem.edges[edge]
            var removed: [(edge: Int, slot: Int)] = []
            var feasible = true
            for p in [e.a, e.b] where !timetable.hasRoom(p) {
                let weakest = timetable.edgesOf[p].filter { other in
                    let o = problem.edges[other]
                    let partner = o.a == p ? o.b : o.a
                    return !timetable.isLocked[other] && o.mustRequest == nil
                        && timetable.meetingCount[partner] > problem.minMeetings[partner]
                }.min { (problem.edges[$0].score, $0) < (problem.edges[$1].score, $1) }
                guard let weakest else { feasible = false; break }
                removed.append((weakest, timetable.slotOfEdge[weakest]))
            }
            let lost = removed.reduce(0) { $0 + problem.edges[$1.edge].score }
            guard feasible, !removed.isEmpty, lost < e.score - 1e-12 else { continue }
            for item in removed { timetable.remove(item.edge) }
            if timetable.placeWithRepair(edge) {
                for item in removed {
                    let o = problem.edges[item.edge]
                    for partner in [o.a, o.b] where partner != e.a && partner != e.b {
                        refill(&timetable, participant: partner)
                    }
                }
            } else {
                for item in removed { timetable.place(item.edge, at: item.slot) }
            }
        }
    }

    /// Gives a participant its best unplaced candidate that can be placed:
    /// one whose partner is below its minimum first, then by score.
    static func refill(_ timetable: inout Timetable, participant p: Int) {
        let problem = timetable.problem
        guard timetable.hasRoom(p) else { return }
        func rank(_ edge: Int) -> (Int, Double, Int) {
            let e = problem.edges[edge]
            let partner = e.a == p ? e.b : e.a
            return (timetable.meetingCount[partner] < problem.minMeetings[partner] ? 1 : 0, e.score, -edge)
        }
        let options = problem.incident[p].filter { !timetable.isPlaced($0) }.sorted { rank($0) > rank($1) }
        for edge in options where timetable.placeWithRepair(edge) { return }
    }
}
