import MatchCore

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
        let solution = residualBMatching(problem, timetable: timetable, priorityBonus: 0)
        return Bound(value: lockedScore + solution.bound, selected: solution.selected,
                     method: problem.isBipartite ? "exact maximum-weight b-matching (min-cost flow)"
                         : "half the b-matching optimum of the bipartite double cover")
    }

    /// A b-matching of the candidates not placed yet, with what capacity the
    /// timetable leaves.
    struct ResidualBMatching {
        /// The selected edges, best first (for an open mission, edges chosen in
        /// both directions of the double cover before those chosen in one).
        var selected: [Int]
        /// A proven upper bound on score + bonus × (meetings towards the
        /// participants' remaining minimums) of any set of unplaced candidates
        /// that fits the remaining capacities.
        var bound: Double
        /// Meetings towards the remaining minimums in the selection (for an open
        /// mission, half the double cover's count).
        var covered: Double
    }

    /// The maximum of score + `priorityBonus` × (meetings towards remaining
    /// minimums) over the b-matchings of the unplaced candidates: capacity of a
    /// participant = its remaining capacity, at most the remaining places in all,
    /// each participant's first (minimum − meetings placed) meetings earn the bonus.
    /// Exact by min-cost flow for bipartite missions; for open ones half the
    /// optimum of the bipartite double cover (every set of meetings, taken in
    /// both directions, is a b-matching of the cover worth twice as much).
    ///
    /// - Parameters:
    ///   - priorityBonus: The bonus per meeting towards a minimum; 0 for none.
    ///   - excluding: Edges left out of the b-matching.
    ///   - weight: Each edge's weight; its score when `nil`.
    static func residualBMatching(_ problem: PlanningProblem, timetable: Timetable, priorityBonus: Double,
                                  excluding: Set<Int> = [], weight: ((Int) -> Double)? = nil) -> ResidualBMatching {
        let weightOf: (Int) -> Double = weight ?? { problem.edges[$0].score }
        let count = problem.participants.count
        let residual = (0..<count).map { max(0, problem.capacity[$0] - timetable.meetingCount[$0]) }
        let missing = priorityBonus > 0 ? (0..<count).map { max(0, problem.minMeetings[$0] - timetable.meetingCount[$0]) } : []
        let places = max(0, problem.slotCount.saturatingMultiplied(by: problem.tables) - timetable.load.reduce(0, +))
        let free = problem.edges.indices.filter { edge in
            !timetable.isPlaced(edge) && !excluding.contains(edge)
                && (weightOf(edge) > 0 || (priorityBonus > 0 && weightOf(edge) == 0))
        }
        if problem.isBipartite {
            // Left = first side, right = second; indices stay participant indices.
            let edges = free.map { BipartiteBMatching.Edge(left: problem.edges[$0].a, right: problem.edges[$0].b,
                                                           weight: weightOf($0)) }
            var matching = BipartiteBMatching(
                leftCapacities: (0..<count).map { problem.side[$0] == 0 ? residual[$0] : 0 },
                rightCapacities: (0..<count).map { problem.side[$0] == 1 ? residual[$0] : 0 },
                edges: edges, totalLimit: places)
            if priorityBonus > 0 {
                matching.leftPriorityCounts = (0..<count).map { problem.side[$0] == 0 ? missing[$0] : 0 }
                matching.rightPriorityCounts = (0..<count).map { problem.side[$0] == 1 ? missing[$0] : 0 }
                matching.priorityBonus = priorityBonus
            }
            let solution = matching.solve()
            return ResidualBMatching(selected: byScore(solution.selected.map { free[$0] }, problem), bound: solution.bound,
                                     covered: Double(solution.priorityCovered))
        }
        var edges: [BipartiteBMatching.Edge] = []
        edges.reserveCapacity(free.count * 2)
        for edge in free {
            let e = problem.edges[edge]
            edges.append(.init(left: e.a, right: e.b, weight: weightOf(edge)))
            edges.append(.init(left: e.b, right: e.a, weight: weightOf(edge)))
        }
        var matching = BipartiteBMatching(leftCapacities: residual, rightCapacities: residual, edges: edges, totalLimit: 2 * places)
        if priorityBonus > 0 {
            matching.leftPriorityCounts = missing
            matching.rightPriorityCounts = missing
            matching.priorityBonus = priorityBonus
        }
        let solution = matching.solve()
        var directions = [Int](repeating: 0, count: free.count)
        for index in solution.selected { directions[index / 2] += 1 }
        let both = free.indices.filter { directions[$0] == 2 }.map { free[$0] }
        let one = free.indices.filter { directions[$0] == 1 }.map { free[$0] }
        return ResidualBMatching(selected: byScore(both, problem) + byScore(one, problem), bound: solution.bound / 2,
                                 covered: Double(solution.priorityCovered) / 2)
    }

    /// Edges by descending score, ties by index (deterministic).
    static func byScore(_ edges: [Int], _ problem: PlanningProblem) -> [Int] {
        edges.sorted { (problem.edges[$0].score, -$0) > (problem.edges[$1].score, -$1) }
    }
}
