import MatchCore

/// The best delegation for a ``DelegationProblem``: first as many of the
/// quotas' minimum places as can be filled, then the most value.
///
/// **Method.** Seats, "at most N missions per SME" and nested cluster ⊂
/// partnership quotas are a flow: candidates → their innermost quota →
/// enclosing quotas → mission → sink, solved exactly by MatchCore's
/// `NestedQuotaAssignment` (a min-cost circulation). A budget with costs
/// that differ between candidates is a knapsack constraint on top of the
/// flow; when the flow's answer exceeds a budget, the budgets are moved into
/// the objective with one Lagrange multiplier per mission (subgradient steps,
/// at most ``maxIterations`` flows): each flow gives an upper bound on the
/// best delegation's value, and its answer, repaired to fit the budgets
/// (drop the delegates with the least value per cost, then fill the seats
/// left greedily), a delegation. The result says which: ``Solution/method``,
/// ``Solution/bound`` and ``Solution/gap``, as the agenda planner does.
///
/// Values are compared on a grid of ``Solution/resolution`` (10⁻⁶, coarser
/// only for very large problems so the flow's integers cannot overflow); the
/// flow's answer is optimal on that grid.
///
/// - Complexity: one flow over *candidates × missions* edges without a
///   binding budget; up to ``maxIterations`` flows with one.
public struct DelegationSolver: Sendable {
    /// How a solution was found.
    public enum Method: String, Sendable, Hashable {
        /// The min-cost flow alone: optimal.
        case flow = "min-cost flow (exact)"
        /// Lagrangian relaxation of the budgets over the flow, with repair: a bound and a gap.
        case lagrangian = "min-cost flow with the budgets relaxed (Lagrangian bound)"
    }

    /// A delegation.
    public struct Solution: Sendable, Hashable {
        /// The candidates sent on each mission, ascending.
        public var delegates: [[Int]]
        /// Their total value.
        public var value: Double
        /// A proven upper bound on the value of the best delegation that fills as many
        /// minimum places as this one (on the ``resolution`` grid).
        public var bound: Double
        /// The minimum places filled: Σ over quotas of min(count, minimum, maximum).
        public var minimumPlacesFilled: Int
        /// The most minimum places any delegation within the seats fills (budgets aside).
        public var minimumPlacesPossible: Int
        /// The minimum places the quotas ask for.
        public var minimumPlacesAsked: Int
        /// How it was found.
        public var method: Method
        /// Whether it is proven the best (on the grid).
        public var isOptimal: Bool
        /// The grid values were compared on.
        public var resolution: Double

        /// 1 − value / bound (0 when optimal or the bound is 0).
        public var gap: Double { isOptimal || bound <= 0 ? 0 : max(0, 1 - value / bound) }
    }

    /// The most flows of the Lagrangian search.
    public var maxIterations: Int

    /// A solver.
    ///
    /// - Parameter maxIterations: The most flows when a budget binds (default 60; at least 1).
    public init(maxIterations: Int = 60) {
        self.maxIterations = max(1, maxIterations)
    }

    /// Solves a problem.
    ///
    /// - Parameter problem: The problem; rows of other lengths than the missions count as "cannot go".
    /// - Returns: The delegation with its bound.
    public func solve(_ problem: DelegationProblem) -> Solution {
        let grid = Grid(problem)
        let base = grid.flow(problem, multipliers: nil)
        let asked = problem.minimumPlacesAsked
        var best = grid.evaluate(base.delegates, problem)
        let possible = base.covered
        if grid.withinBudgets(base.delegates, problem) {
            return Solution(delegates: base.delegates, value: best.value, bound: Double(base.weight) * grid.resolution,
                            minimumPlacesFilled: possible, minimumPlacesPossible: possible, minimumPlacesAsked: asked,
                            method: .flow, isOptimal: true, resolution: grid.resolution)
        }
        // Budgets bind: Lagrangian relaxation with repair.
        var bestDelegates = grid.repair(base.delegates, problem)
        best = grid.evaluate(bestDelegates, problem)
        var bound = Double.infinity
        var multipliers = [Double](repeating: 0, count: problem.missions.count)
        var step = 2.0, stale = 0
        for _ in 0..<maxIterations {
            let relaxed = grid.flow(problem, multipliers: multipliers)
            var dual = Double(relaxed.weight)
            var slack = [Double](repeating: 0, count: problem.missions.count)
            for (m, mission) in problem.missions.enumerated() {
                guard let budget = mission.budget else { continue }
                let spent = relaxed.delegates[m].reduce(0.0) { $0 + Double(problem.costs[$1][m]) }
                dual += multipliers[m] * Double(budget)
                slack[m] = spent - Double(budget)
            }
            if relaxed.covered == possible, dual < bound { bound = dual; stale = 0 } else { stale += 1 }
            let candidate = grid.repair(relaxed.delegates, problem)
            let score = grid.evaluate(candidate, problem)
            if (score.covered, score.units) > (best.covered, best.units) {
                best = score
                bestDelegates = candidate
            }
            if best.covered == possible, Double(best.units) >= bound.rounded(.down) { break }
            if stale >= 5 { step /= 2; stale = 0 }
            let norm = slack.reduce(0) { $0 + $1 * $1 }
            guard norm > 0 else { break }
            let target = bound.isFinite ? max(1, bound - Double(best.units)) : max(1, Double(relaxed.weight) * 0.05)
            for m in multipliers.indices where problem.missions[m].budget != nil {
                multipliers[m] = max(0, multipliers[m] + step * target * slack[m] / norm)
            }
        }
        let optimal = best.covered == possible && bound.isFinite && Double(best.units) >= bound.rounded(.down)
        // Without the quotas' minimums the relaxation bounds every delegation within the budgets.
        let proven = best.covered == possible && bound.isFinite ? bound
            : Double(grid.flow(problem, multipliers: multipliers, ignoringMinimums: true).weight)
                + zip(problem.missions, multipliers).reduce(0.0) { $0 + Double($1.0.budget ?? 0) * $1.1 }
        return Solution(delegates: bestDelegates, value: best.value,
                        bound: max(optimal ? Double(best.units) : proven, Double(best.units)) * grid.resolution,
                        minimumPlacesFilled: best.covered, minimumPlacesPossible: possible, minimumPlacesAsked: asked,
                        method: .lagrangian, isOptimal: optimal, resolution: grid.resolution)
    }
}

/// The problem on an integer grid, and the steps of ``DelegationSolver``.
private struct Grid {
    let resolution: Double
    /// `units[c][m]`, or `nil` when `c` cannot go on `m`.
    let units: [[Int64?]]
    let largest: Int64

    init(_ problem: DelegationProblem) {
        let missions = problem.missions.count
        var edges = 0, largestValue = 0.0
        for row in problem.values {
            for m in 0..<min(missions, row.count) {
                if let value = row[m], value.isFinite {
                    edges += 1
                    largestValue = max(largestValue, abs(value))
                }
            }
        }
        var resolution = 1e-6
        let limit = Double(NestedQuotaAssignment.maximumTotalWeight) / 2
        while Double(edges) * (largestValue / resolution + 2) > limit { resolution *= 10 }
        self.resolution = resolution
        units = problem.values.map { row in
            (0..<missions).map { m in
                guard m < row.count, let value = row[m], value.isFinite else { return nil }
                return Int64((value / resolution).rounded())
            }
        }
        largest = Int64((largestValue / resolution).rounded()) + 1
    }

    /// The flow's delegation with weights `units − λ·cost` (rounded up, bounded below by −largest).
    func flow(_ problem: DelegationProblem, multipliers: [Double]?,
              ignoringMinimums: Bool = false) -> (delegates: [[Int]], weight: Int64, covered: Int) {
        let missions = problem.missions.count
        var groups = problem.missions.map { NestedQuotaAssignment.Group(parent: nil, minimum: 0, maximum: max(0, $0.seats)) }
        for quota in problem.quotas {
            let parent = quota.parent.map { missions + $0 } ?? quota.mission
            groups.append(.init(parent: parent, minimum: ignoringMinimums ? 0 : quota.minimum, maximum: quota.maximum ?? Int(Int32.max)))
        }
        var edges: [NestedQuotaAssignment.Edge] = []
        var pairs: [(candidate: Int, mission: Int)] = []
        for (c, row) in units.enumerated() {
            for (m, unit) in row.enumerated() {
                guard let unit else { continue }
                var weight = unit
                if let multipliers, problem.missions[m].budget != nil {
                    let cost = m < problem.costs[c].count ? Double(problem.costs[c][m]) : 0
                    weight = max(-largest, Int64((Double(unit) - multipliers[m] * cost).rounded(.up)))
                }
                let group = (m < problem.candidateQuota[c].count ? problem.candidateQuota[c][m] : nil).map { missions + $0 } ?? m
                edges.append(.init(item: c, group: group, weight: weight))
                pairs.append((c, m))
            }
        }
        let capacities = problem.maxMissions.map { max(0, $0) }
        guard let solution = NestedQuotaAssignment(itemCapacities: capacities, groups: groups, edges: edges).solve() else {
            return ([[Int]](repeating: [], count: missions), 0, 0)   // out of range: the grid prevents it
        }
        var delegates = [[Int]](repeating: [], count: missions)
        for index in solution.selected { delegates[pairs[index].mission].append(pairs[index].candidate) }
        return (delegates.map { $0.sorted() }, solution.weight, solution.minimumsCovered)
    }

    /// Value, grid units and minimum places filled of a delegation.
    func evaluate(_ delegates: [[Int]], _ problem: DelegationProblem) -> (value: Double, units: Int64, covered: Int) {
        var value = 0.0, total: Int64 = 0
        var count = [Int](repeating: 0, count: problem.quotas.count)
        for (m, list) in delegates.enumerated() {
            for c in list {
                value += problem.values[c][m] ?? 0
                total += units[c][m] ?? 0
                for quota in problem.quotaChain(candidate: c, mission: m) { count[quota] += 1 }
            }
        }
        let covered = zip(problem.quotas, count).reduce(0) { $0 + min($1.1, $1.0.minimum, $1.0.maximum ?? Int.max) }
        return (value, total, covered)
    }

    func withinBudgets(_ delegates: [[Int]], _ problem: DelegationProblem) -> Bool {
        problem.missions.enumerated().allSatisfy { m, mission in
            guard let budget = mission.budget else { return true }
            return delegates[m].reduce(0) { $0.saturatingAdded(problem.costs[$1][m]) } <= budget
        }
    }

    /// Fits a delegation to the budgets: drops, per mission over budget, the delegates with the
    /// least value per cost (those holding a minimum place last), then fills free seats greedily
    /// (minimum places first, then by value).
    func repair(_ delegates: [[Int]], _ problem: DelegationProblem) -> [[Int]] {
        var chosen = delegates.map(Set.init)
        var count = [Int](repeating: 0, count: problem.quotas.count)
        var trips = [Int](repeating: 0, count: problem.candidateCount)
        var spent = [Int](repeating: 0, count: problem.missions.count)
        for (m, list) in delegates.enumerated() {
            for c in list {
                trips[c] += 1
                spent[m] = spent[m].saturatingAdded(problem.costs[c][m])
                for quota in problem.quotaChain(candidate: c, mission: m) { count[quota] += 1 }
            }
        }
        func holdsMinimum(_ c: Int, _ m: Int) -> Bool {
            problem.quotaChain(candidate: c, mission: m).contains { count[$0] <= problem.quotas[$0].minimum }
        }
        for (m, mission) in problem.missions.enumerated() {
            guard let budget = mission.budget, spent[m] > budget else { continue }
            let order = chosen[m].sorted { a, b in
                let ha = holdsMinimum(a, m), hb = holdsMinimum(b, m)
                if ha != hb { return !ha }
                let ra = Double(units[a][m] ?? 0) / Double(max(1, problem.costs[a][m]))
                let rb = Double(units[b][m] ?? 0) / Double(max(1, problem.costs[b][m]))
                return ra != rb ? ra < rb : a < b
            }
            for c in order where spent[m] > budget && problem.costs[c][m] > 0 {
                chosen[m].remove(c)
                trips[c] -= 1
                spent[m] -= problem.costs[c][m]
                for quota in problem.quotaChain(candidate: c, mission: m) { count[quota] -= 1 }
            }
        }
        var pairs: [(c: Int, m: Int, units: Int64)] = []
        for (c, row) in units.enumerated() {
            for (m, unit) in row.enumerated() where unit != nil && !chosen[m].contains(c) { pairs.append((c, m, unit ?? 0)) }
        }
        pairs.sort { $0.units != $1.units ? $0.units > $1.units : ($0.c, $0.m) < ($1.c, $1.m) }
        for pass in 0..<2 {
            for pair in pairs where !chosen[pair.m].contains(pair.c) {
                let (c, m) = (pair.c, pair.m)
                let chain = problem.quotaChain(candidate: c, mission: m)
                guard trips[c] < problem.maxMissions[c], chosen[m].count < problem.missions[m].seats,
                      chain.allSatisfy({ count[$0] < (problem.quotas[$0].maximum ?? Int.max) }),
                      problem.missions[m].budget.map({ spent[m].saturatingAdded(problem.costs[c][m]) <= $0 }) ?? true,
                      pass == 1 ? pair.units > 0 : chain.contains(where: { count[$0] < problem.quotas[$0].minimum })
                else { continue }
                chosen[m].insert(c)
                trips[c] += 1
                spent[m] = spent[m].saturatingAdded(problem.costs[c][m])
                for quota in chain { count[quota] += 1 }
            }
        }
        return chosen.map { $0.sorted() }
    }
}
