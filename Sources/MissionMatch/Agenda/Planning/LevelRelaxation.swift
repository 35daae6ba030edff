/// Upper bounds per priority level for every agenda that keeps the locked
/// meetings, each a Lagrangian relaxation of the b-matching behind the score
/// bound (per-participant capacities, slots × tables in all; slot conflicts,
/// availability within the capacity and fixed tables relaxed):
/// - `must` requests: the most `must` pairs a b-matching holds;
/// - minimums served, for agendas meeting at least *m* `must` requests:
///   max over b-matchings of (W·musts + served) − W·*m*;
/// - score, for agendas meeting at least *m* `must` requests and serving at
///   least *c* minimums: max over b-matchings of (W′·musts + B·served + score)
///   − W′·*m* − B·*c*.
///
/// Each holds for any weights ≥ 0 (an agenda is a b-matching, and its terms
/// above *m* and *c* only add); weights above what the lower levels can add
/// make them tight. For open missions each is half the bipartite double cover's.
struct LevelRelaxation {
    /// The largest weight (score units) a relaxation gives one edge, so that the
    /// flow solver's integer costs stay far from overflowing; a smaller weight
    /// only loosens a bound, never invalidates it.
    static let largestWeight = 1e6

    /// Priorities of the locked meetings alone.
    let locked: AgendaPriorities
    /// Distinct `must` pairs among the candidates.
    let mustCount: Int
    /// The most `must` pairs any agenda can meet.
    let mustsBound: Int
    /// max(W·musts + served) over the free capacity, and W.
    private(set) var servedRelaxation: (value: Double, mustWeight: Double)?
    /// max(W′·musts + B·served + score) over the free capacity, W′ and B.
    let scoreRelaxation: (value: Double, mustWeight: Double, servedWeight: Double)?
    /// The plain score bound (every agenda).
    let scoreBound: Double
    /// How far above the optimum rounding may put a bound (10⁻⁶ per edge).
    let rounding: Double
    /// With no `must` requests and someone below its minimum, the score
    /// relaxation's b-matching is exactly ``AgendaPlanner/residualTarget(_:)``'s
    /// (same bonus, same weights): the planner reuses it instead of solving it again.
    let minimumTarget: [Int]?

    /// Solves the relaxations for the timetable holding only the locked meetings.
    init(_ start: Timetable, scoreBound: Double) {
        let problem = start.problem
        locked = AgendaPriorities(start)
        self.scoreBound = scoreBound
        rounding = 1e-6 * Double(problem.edges.count)
        func isMust(_ edge: Int) -> Bool { problem.edges[edge].mustRequest != nil }
        mustCount = problem.edges.indices.filter(isMust).count
        let freeMusts = mustCount > locked.musts
        let missing = problem.participants.indices.reduce(0) { $0 + max(0, problem.minMeetings[$1] - start.meetingCount[$1]) }
        let freeScore = problem.edges.indices.reduce(0.0) { $0 + (start.isPlaced($1) ? 0 : problem.edges[$1].score) }

        var musts = locked.musts
        if freeMusts {
            let solution = AgendaPlanner.residualBMatching(problem, timetable: start, priorityBonus: 0, weight: { isMust($0) ? 1 : 0 })
            musts += Int((solution.bound + 1e-6).rounded(.down))
        }
        mustsBound = min(musts, mustCount)

        let b = missing > 0 ? min(Self.largestWeight / 4, 1 + freeScore.rounded(.up)) : 0
        // Without `must`s and with B above every weight total (bipartite: the double cover of an open
        // mission counts each score twice; fewer than 10⁶ edges: each weight is rounded up by up to 10⁻⁶),
        // the score relaxation maximises served first: its count is the served relaxation's optimum,
        // and one flow does for both.
        let sameAsTarget = !freeMusts && missing > 0 && b == 1 + freeScore.rounded(.up)
        let oneFlow = sameAsTarget && problem.isBipartite && problem.edges.count < 500_000
        if missing > 0 && !oneFlow {
            let w = freeMusts ? min(Self.largestWeight, Double(missing + 1)) : 0
            let solution = AgendaPlanner.residualBMatching(problem, timetable: start, priorityBonus: 1, weight: { isMust($0) ? w : 0 })
            servedRelaxation = (solution.bound, w)
        } else {
            servedRelaxation = nil
        }

        if missing > 0 || freeMusts {
            let w = freeMusts ? min(Self.largestWeight, b * Double(missing) + (freeScore + 1).rounded(.up)) : 0
            let solution = AgendaPlanner.residualBMatching(problem, timetable: start, priorityBonus: b,
                                                           weight: { problem.edges[$0].score + (isMust($0) ? w : 0) })
            scoreRelaxation = (solution.bound, w, b)
            if oneFlow { servedRelaxation = (solution.covered, 0) }
            minimumTarget = sameAsTarget && mustCount == 0 ? solution.selected : nil
        } else {
            scoreRelaxation = nil
            minimumTarget = nil
        }
    }

    /// The most minimums served by an agenda meeting at least `musts` `must` requests.
    func servedBound(givenMusts musts: Int) -> Int {
        guard let relaxation = servedRelaxation else { return locked.served }
        let free = relaxation.value - relaxation.mustWeight * Double(musts - locked.musts)
        return locked.served + max(0, Int((free + 1e-6).rounded(.down)))
    }

    /// The best score of an agenda meeting at least `musts` `must` requests and serving at least `served` minimums.
    func scoreBound(givenMusts musts: Int, served: Int) -> Double {
        guard let relaxation = scoreRelaxation else { return scoreBound }
        let free = relaxation.value - relaxation.mustWeight * Double(musts - locked.musts)
            - relaxation.servedWeight * Double(served - locked.served)
        return min(scoreBound, locked.score + free)
    }

    /// What no agenda can beat: the bound of each level given the bounds above it.
    var target: AgendaPriorities {
        let served = servedBound(givenMusts: mustsBound)
        return AgendaPriorities(musts: mustsBound, served: served, score: scoreBound(givenMusts: mustsBound, served: served) - rounding)
    }

    /// The figures for an agenda with the planned priorities.
    func priorities(planned: AgendaPriorities) -> AgendaStats.Priorities {
        let served = max(planned.served, servedBound(givenMusts: planned.musts))
        let score = max(planned.score, scoreBound(givenMusts: planned.musts, served: planned.served))
        return AgendaStats.Priorities(
            mustRequests: mustCount, mustRequestsMet: planned.musts, mustRequestsBound: max(planned.musts, mustsBound),
            minMeetingsServed: planned.served, minMeetingsServedBound: served,
            scoreBound: score, scoreGap: score > 0 ? max(0, 1 - planned.score / score) : 0)
    }
}
