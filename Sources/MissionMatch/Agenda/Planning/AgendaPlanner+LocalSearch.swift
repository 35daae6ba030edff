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
            for edge in searchOrder(timetable) where !timetable.isPlaced(edge) && budget > 0 {
                if tryInsert(edge, into: &timetable, current: &current) {
                    improved = true
                    continue
                }
                for blocker in blockers(of: edge, in: timetable) where budget > 0 {
                    budget -= 1
                    let freed = problem.edges[blocker]
                    timetable.beginTrial()
                    timetable.remove(blocker)
                    if timetable.placeWithRepair(edge, chainAttempts: 8) {
                        for p in [freed.a, freed.b] { refill(&timetable, participant: p) }
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
}
