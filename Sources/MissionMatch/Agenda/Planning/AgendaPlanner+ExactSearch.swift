extension AgendaPlanner {
    /// Instances this small are finished by exhaustive search.
    static let exactSearchEdgeLimit = 14
    /// The most search nodes the exhaustive search may visit before it gives up (keeping the heuristic's agenda).
    static let exactSearchNodeLimit = 400_000

    /// Replaces the timetable's free meetings by the best ones found by
    /// branch and bound over every candidate's slot (or none), when the
    /// instance is tiny. Objective, in order: `must` requests met, meetings
    /// towards minimums, total score — the heuristic's priorities, exactly.
    static func searchExactly(_ timetable: inout Timetable) {
        let problem = timetable.problem
        let free = problem.edges.indices.filter { !timetable.isLocked[$0] }
        guard free.count <= exactSearchEdgeLimit, problem.slotCount <= 8 else { return }
        func value(_ t: Timetable) -> Double {
            var total = 0.0
            for edge in free where t.isPlaced(edge) {
                total += problem.edges[edge].score + (problem.edges[edge].mustRequest == nil ? 0 : 1e6)
            }
            for p in problem.participants.indices { total += 1e3 * Double(min(t.meetingCount[p], problem.minMeetings[p])) }
            return total
        }
        let start = timetable.slotOfEdge
        var bestValue = value(timetable)
        var best = start  // a partial search keeps the best found, never worse than the heuristic's
        for edge in free where timetable.isPlaced(edge) { timetable.remove(edge) }
        let order = byScore(free, problem)
        func gain(_ edge: Int, _ t: Timetable) -> Double {
            let e = problem.edges[edge]
            var total = e.score + (e.mustRequest == nil ? 0 : 1e6)
            for p in [e.a, e.b] where t.meetingCount[p] < problem.minMeetings[p] { total += 1e3 }
            return total
        }
        let optimistic = order.map { edge in
            let e = problem.edges[edge]
            return e.score + (e.mustRequest == nil ? 0 : 1e6) + 1e3 * Double([e.a, e.b].filter { problem.minMeetings[$0] > 0 }.count)
        }
        var suffix = [Double](repeating: 0, count: order.count + 1)
        for i in stride(from: order.count - 1, through: 0, by: -1) { suffix[i] = suffix[i + 1] + optimistic[i] }
        var nodes = 0
        func search(_ i: Int, _ current: Double, _ t: inout Timetable) {
            nodes += 1
            guard nodes <= exactSearchNodeLimit else { return }
            if current > bestValue + 1e-9 {
                bestValue = current
                best = t.slotOfEdge
            }
            guard i < order.count, current + suffix[i] > bestValue + 1e-9 else { return }
            let edge = order[i], e = problem.edges[edge]
            if t.hasRoom(e.a) && t.hasRoom(e.b) {
                let added = gain(edge, t)
                for s in 0..<problem.slotCount where t.fits(edge, at: s) {
                    t.place(edge, at: s)
                    search(i + 1, current + added, &t)
                    t.remove(edge)
                }
            }
            search(i + 1, current, &t)
        }
        search(0, value(timetable), &timetable)
        for edge in free where best[edge] >= 0 { timetable.place(edge, at: best[edge]) }
    }
}
