extension AgendaPlanner {
    /// Swap trials the local search may make: this many per candidate edge…
    static let localSearchTrialsPerEdge = 24
    /// …and at most this many in all.
    static let localSearchTrialLimit = 20_000

    /// Improves the timetable in the planner's lexicographic order
    /// (``AgendaPriorities``): for each candidate left out (those that would
    /// serve a `must` request or a minimum first, then by score), tries to
    /// place it directly or with repairs, else in exchange for one movable
    /// meeting that blocks it (one of its participants' meetings, or a meeting
    /// of a slot where both are free but no table is), refilling the freed
    /// participants with their best candidates; keeps a change only when the
    /// priorities strictly improve. Repeats while something improves, within
    /// a trial budget.
    ///
    /// - Parameter target: Priorities no agenda can beat (the level bounds);
    ///   the search stops once it reaches them.
    static func localSearch(_ timetable: inout Timetable, target: AgendaPriorities? = nil) {
        let problem = timetable.problem
        var budget = min(localSearchTrialLimit, localSearchTrialsPerEdge * max(1, problem.edges.count))
        var current = AgendaPriorities(timetable)
        func reached() -> Bool { target.map { !(current < $0) } ?? false }
        var improved = true
        while improved && budget > 0 && !reached() {
            improved = false
            let order = searchOrder(timetable)
            let belowMinimumEdges = order.filter { edge in
                let e = problem.edges[edge]
                return timetable.meetingCount[e.a] < problem.minMeetings[e.a] || timetable.meetingCount[e.b] < problem.minMeetings[e.b]
            }
            for edge in order where !timetable.isPlaced(edge) && budget > 0 {
                let e = problem.edges[edge]
                if tryInsert(edge, into: &timetable, current: &current) {
                    improved = true
                    continue
                }
                for group in blockers(of: edge, in: timetable).map({ [$0] }) + sessionBlockers(of: edge, in: timetable) where budget > 0 {
                    budget -= 1
                    timetable.beginTrial()
                    for blocker in group { timetable.remove(blocker) }
                    if timetable.placeWithRepair(edge, chainAttempts: 8) {
                        for blocker in group {
                            let freed = problem.edges[blocker]
                            for p in [freed.a, freed.b] { refill(&timetable, participant: p) }
                        }
                        for p in [e.a, e.b] { refill(&timetable, participant: p) }
                        fillMinimums(&timetable, from: belowMinimumEdges, attempts: 8)
                        let value = AgendaPriorities(timetable)
                        if current < value {
                            timetable.commitTrial()
                            current = value
                            improved = true
                            break
                        }
                    }
                    timetable.rollBack()
                }
                if reached() { return }
            }
        }
    }

    /// Places the edge when both participants have room and that improves the priorities.
    private static func tryInsert(_ edge: Int, into timetable: inout Timetable, current: inout AgendaPriorities) -> Bool {
        let e = timetable.problem.edges[edge]
        guard timetable.hasRoom(e.a), timetable.hasRoom(e.b) else { return false }
        timetable.beginTrial()
        if timetable.placeWithRepair(edge, chainAttempts: 8) {
            let value = AgendaPriorities(timetable)
            if current < value {
                timetable.commitTrial()
                current = value
                return true
            }
        }
        timetable.rollBack()
        return false
    }

    /// Unplaced edges, those that would raise the higher priorities first:
    /// `must` requests, then edges whose participants are below their
    /// minimums (two before one), then by score.
    static func searchOrder(_ timetable: Timetable) -> [Int] {
        let problem = timetable.problem
        func rank(_ edge: Int) -> (Int, Int, Double, Int) {
            let e = problem.edges[edge]
            let below = [e.a, e.b].filter { timetable.meetingCount[$0] < problem.minMeetings[$0] }.count
            return (e.mustRequest == nil ? 0 : 1, below, e.score, -edge)
        }
        return problem.edges.indices.filter { !timetable.isPlaced($0) }.sorted { rank($0) > rank($1) }
    }

    /// Movable meetings whose removal may make room for the edge: those of
    /// its participants (weakest first), then those of slots where both are
    /// free but every table is taken (weakest first); `must` meetings only for another `must`.
    static func blockers(of edge: Int, in timetable: Timetable) -> [Int] {
        let problem = timetable.problem
        let e = problem.edges[edge]
        // A `must` meeting may only make way for another `must` (the priorities could not improve otherwise).
        let isMust = e.mustRequest != nil
        func movable(_ other: Int) -> Bool { !timetable.isLocked[other] && (isMust || problem.edges[other].mustRequest == nil) }
        var own = (timetable.edgesOf[e.a] + timetable.edgesOf[e.b]).filter(movable)
        own.sort { (problem.edges[$0].score, $0) < (problem.edges[$1].score, $1) }
        var tables: [Int] = []
        for s in 0..<problem.slotCount where timetable.isFree(e.a, s) && timetable.isFree(e.b, s) && !timetable.hasTable(for: edge, at: s) {
            tables += timetable.edgesAt[s].filter(movable)
        }
        tables.sort { (problem.edges[$0].score, $0) < (problem.edges[$1].score, $1) }
        var seen = Set<Int>()
        return (own + tables).filter { seen.insert($0).inserted }
    }

    /// With fixed tables: for each session where both participants are free
    /// in some slot but the tables are all held, every meeting another
    /// fixed-side participant holds in that session (one group per holder,
    /// fewest meetings first), so that its tables are released; empty without
    /// fixed tables. Groups with a locked or `must` meeting are left out.
    static func sessionBlockers(of edge: Int, in timetable: Timetable) -> [[Int]] {
        guard let fixedSide = timetable.fixedSide else { return [] }
        let problem = timetable.problem
        let e = problem.edges[edge]
        let own = problem.side[e.a] == fixedSide ? e.a : e.b
        var sessions = Set<Int>()
        for s in 0..<problem.slotCount where timetable.isFree(e.a, s) && timetable.isFree(e.b, s) && !timetable.hasTable(for: edge, at: s) {
            sessions.insert(problem.sessionOfSlot[s])
        }
        var groups: [[Int]] = []
        for session in sessions.sorted() {
            var byHolder = [Int: [Int]]()
            for s in 0..<problem.slotCount where problem.sessionOfSlot[s] == session {
                for other in timetable.edgesAt[s] {
                    let o = problem.edges[other]
                    let holder = problem.side[o.a] == fixedSide ? o.a : o.b
                    if holder != own { byHolder[holder, default: []].append(other) }
                }
            }
            for (_, group) in byHolder.sorted(by: { ($0.value.count, $0.key) < ($1.value.count, $1.key) })
            where group.count > 1 && group.allSatisfy({ !timetable.isLocked[$0] && problem.edges[$0].mustRequest == nil }) {
                groups.append(group.sorted())
            }
        }
        return groups
    }

    /// Tries to place up to `attempts` of the given unplaced edges (in their
    /// order) that would serve a participant below its minimum now.
    static func fillMinimums(_ timetable: inout Timetable, from edges: [Int], attempts: Int) {
        let problem = timetable.problem
        var left = attempts
        for edge in edges where left > 0 && !timetable.isPlaced(edge) {
            let e = problem.edges[edge]
            guard timetable.meetingCount[e.a] < problem.minMeetings[e.a] || timetable.meetingCount[e.b] < problem.minMeetings[e.b],
                  timetable.hasRoom(e.a), timetable.hasRoom(e.b) else { continue }
            left -= 1
            _ = timetable.placeWithRepair(edge, chainAttempts: 8)
        }
    }
}
