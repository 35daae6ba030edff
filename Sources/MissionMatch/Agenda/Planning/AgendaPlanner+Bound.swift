extension AgendaPlanner {
    /// The upper bound and the meetings of the b-matching that attains it.
    struct Bound {
        /// Locked scores plus the b-matching bound of the free capacity.
        var value: Double
        /// Edges of the b-matching, best first (for the open double cover, edges
        /// chosen in both directions before those chosen in one).
        var selected: [Int]
        var method: String
    }

    /// Bounds the total score of any agenda that keeps the locked meetings:
    /// their scores plus a maximum-weight b-matching of the other candidates
    /// with what capacity is left (per participant, and slots × tables in all).
    /// A b-matching ignores slot conflicts, so every agenda is one: the bound is valid.
    static func upperBound(_ problem: PlanningProblem, timetable: Timetable, lockedScore: Double) -> Bound {
        let count = problem.participants.count
        let residual = (0..<count).map { max(0, problem.capacity[$0] - timetable.meetingCount[$0]) }
        let places = max(0, problem.slotCount * problem.tables - timetable.load.reduce(0, +))
        let free = problem.edges.indices.filter { !timetable.isPlaced($0) && problem.edges[$0].score > 0 }
        if problem.isBipartite {
            // Left = first side, right = second; indices stay participant indices.
            let edges = free.map { BipartiteBMatching.Edge(left: problem.edges[$0].a, right: problem.edges[$0].b,
                                                           weight: problem.edges[$0].score) }
            let solution = BipartiteBMatching(
                leftCapacities: (0..<count).map { problem.side[$0] == 0 ? residual[$0] : 0 },
                rightCapacities: (0..<count).map { problem.side[$0] == 1 ? residual[$0] : 0 },
                edges: edges, totalLimit: places
            ).solve()
            let selected = solution.selected.map { free[$0] }
            return Bound(value: lockedScore + solution.bound, selected: byScore(selected, problem),
                         method: "exact maximum-weight b-matching (min-cost flow)")
        }
        // Open pairing: the bipartite double cover. Every agenda's meetings,
        // taken in both directions, form a b-matching of the cover with twice
        // the score, so half the cover's optimum bounds every agenda.
        var edges: [BipartiteBMatching.Edge] = []
        edges.reserveCapacity(free.count * 2)
        for edge in free {
            let e = problem.edges[edge]
            edges.append(.init(left: e.a, right: e.b, weight: e.score))
            edges.append(.init(left: e.b, right: e.a, weight: e.score))
        }
        let solution = BipartiteBMatching(leftCapacities: residual, rightCapacities: residual, edges: edges,
                                          totalLimit: 2 * places).solve()
        var directions = [Int](repeating: 0, count: free.count)
        for index in solution.selected { directions[index / 2] += 1 }
        let both = free.indices.filter { directions[$0] == 2 }.map { free[$0] }
        let one = free.indices.filter { directions[$0] == 1 }.map { free[$0] }
        return Bound(value: lockedScore + solution.bound / 2, selected: byScore(both, problem) + byScore(one, problem),
                     method: "half the b-matching optimum of the bipartite double cover")
    }

    /// Edges by descending score, ties by index (deterministic).
    static func byScore(_ edges: [Int], _ problem: PlanningProblem) -> [Int] {
        edges.sorted { (problem.edges[$0].score, -$0) > (problem.edges[$1].score, -$1) }
    }
}
