/// A maximum-weight b-matching of a bipartite graph, solved exactly as a
/// minimum-cost flow: each left node *u* may take at most `leftCapacities[u]`
/// edges, each right node at most `rightCapacities[v]`, each edge at most once,
/// and at most `totalLimit` edges in all.
///
/// ```swift
/// let problem = BipartiteBMatching(
///     leftCapacities: [2, 1], rightCapacities: [1, 1, 1],
///     edges: [.init(left: 0, right: 0, weight: 0.9), .init(left: 0, right: 1, weight: 0.4),
///             .init(left: 1, right: 0, weight: 0.8), .init(left: 1, right: 2, weight: 0.3)])
/// let solution = problem.solve()
/// solution.selected   // [0, 1, 3]: 0.9 + 0.4 + 0.3 = 1.6 beats 0.8 + 0.4 = 1.2
/// ```
///
/// Weights are rounded up to multiples of 10⁻⁶ for the integer solver, so
/// ``Solution/bound`` is a proven upper bound on every b-matching's weight,
/// at most 10⁻⁶ per selected edge above the exact optimum.
public struct BipartiteBMatching: Sendable {
    /// One candidate edge.
    public struct Edge: Sendable, Hashable {
        /// The left node, in `0..<leftCapacities.count`.
        public var left: Int
        /// The right node, in `0..<rightCapacities.count`.
        public var right: Int
        /// The weight; edges of weight 0 or less are never selected.
        public var weight: Double

        /// Creates an edge.
        ///
        /// - Parameters:
        ///   - left: The left node.
        ///   - right: The right node.
        ///   - weight: The weight.
        public init(left: Int, right: Int, weight: Double) {
            self.left = left
            self.right = right
            self.weight = weight
        }
    }

    /// The result of ``solve()``.
    public struct Solution: Sendable, Hashable {
        /// The indices of the selected edges, ascending.
        public var selected: [Int]
        /// The sum of the selected edges' weights.
        public var weight: Double
        /// A proven upper bound on the weight of any b-matching (≥ ``weight``);
        /// with a ``BipartiteBMatching/priorityBonus``, on the objective (weight
        /// plus bonuses) of any b-matching.
        public var bound: Double
        /// How many bonuses the selection earns: the sum over nodes of
        /// min(degree, priority count); 0 without priority counts.
        public var priorityCovered: Int
    }

    /// The resolution of weights in the integer solver.
    public static let weightResolution = 1e-6

    /// How many edges each left node may take.
    public var leftCapacities: [Int]
    /// How many edges each right node may take.
    public var rightCapacities: [Int]
    /// The candidate edges.
    public var edges: [Edge]
    /// At most this many edges in all; `nil` for no limit.
    public var totalLimit: Int?
    /// The first `leftPriorityCounts[u]` edges of left node *u* each earn
    /// ``priorityBonus`` on top of their weights (empty: none), e.g. the
    /// edges a node still needs to reach a minimum degree.
    public var leftPriorityCounts: [Int] = []
    /// The same for the right nodes.
    public var rightPriorityCounts: [Int] = []
    /// The bonus per edge counted towards a node's priority count; with a
    /// bonus, edges of weight 0 may be selected to earn it.
    public var priorityBonus: Double = 0

    /// Creates the problem.
    ///
    /// - Parameters:
    ///   - leftCapacities: Capacities of the left nodes (negative values count as 0).
    ///   - rightCapacities: Capacities of the right nodes.
    ///   - edges: The edges; parallel edges are allowed and count separately.
    ///   - totalLimit: The most edges in all, if limited.
    public init(leftCapacities: [Int], rightCapacities: [Int], edges: [Edge], totalLimit: Int? = nil) {
        self.leftCapacities = leftCapacities
        self.rightCapacities = rightCapacities
        self.edges = edges
        self.totalLimit = totalLimit
    }

    /// Solves the problem exactly (for weights on the 10⁻⁶ grid): the most
    /// weight, plus ``priorityBonus`` for each edge counted towards a node's
    /// priority count. The objective is concave in each node's degree, so the
    /// bonus is one more source (sink) arc per node, of the priority count's
    /// capacity and the bonus's gain, which the flow fills first.
    ///
    /// - Returns: The selected edges, their weight and the upper bound.
    /// - Precondition: Every edge's nodes are in range.
    /// - Complexity: Cost scaling: O(log(*nC*)) refinements of push–relabel;
    ///   about a second per million edges on a 2 GHz core.
    public func solve() -> Solution {
        let left = leftCapacities.count, right = rightCapacities.count
        let source = left + right, sink = source + 1
        var arcs: [CostScalingCirculation.Arc] = []
        arcs.reserveCapacity(edges.count + left + right + 1)
        var edgeArc: [Int] = []
        var useful: [Int] = []
        let bonusUnits = priorityBonus > 0 ? Int64((priorityBonus / Self.weightResolution).rounded(.up)) : 0
        func priority(_ counts: [Int], _ node: Int, _ capacity: Int) -> Int {
            bonusUnits > 0 && node < counts.count ? min(max(0, counts[node]), capacity) : 0
        }
        for (index, edge) in edges.enumerated() {
            precondition(edge.left >= 0 && edge.left < left && edge.right >= 0 && edge.right < right, "edge outside the graph")
            guard edge.weight > 0 || (bonusUnits > 0 && edge.weight == 0) else { continue }
            useful.append(index)
            edgeArc.append(arcs.count)
            let units = Int64((edge.weight / Self.weightResolution).rounded(.up))
            arcs.append(.init(tail: edge.left, head: left + edge.right, capacity: 1, cost: -units))
        }
        var leftDegree = [Int](repeating: 0, count: left), rightDegree = [Int](repeating: 0, count: right)
        for index in useful {
            leftDegree[edges[index].left] += 1
            rightDegree[edges[index].right] += 1
        }
        for u in 0..<left {
            let capacity = min(max(0, leftCapacities[u]), leftDegree[u]), tier = priority(leftPriorityCounts, u, capacity)
            if tier > 0 { arcs.append(.init(tail: source, head: u, capacity: Int32(tier), cost: -bonusUnits)) }
            if capacity > tier { arcs.append(.init(tail: source, head: u, capacity: Int32(capacity - tier), cost: 0)) }
        }
        for v in 0..<right {
            let capacity = min(max(0, rightCapacities[v]), rightDegree[v]), tier = priority(rightPriorityCounts, v, capacity)
            if tier > 0 { arcs.append(.init(tail: left + v, head: sink, capacity: Int32(tier), cost: -bonusUnits)) }
            if capacity > tier { arcs.append(.init(tail: left + v, head: sink, capacity: Int32(capacity - tier), cost: 0)) }
        }
        let limit = min(totalLimit ?? useful.count, useful.count)
        arcs.append(.init(tail: sink, head: source, capacity: Int32(max(0, limit)), cost: 0))

        var solver = CostScalingCirculation(nodeCount: right + left + 2, arcs: arcs)
        solver.solve()
        var selected: [Int] = []
        var weight = 0.0
        var units: Int64 = 0
        var leftUsed = [Int](repeating: 0, count: bonusUnits > 0 ? left : 0)
        var rightUsed = [Int](repeating: 0, count: bonusUnits > 0 ? right : 0)
        for (position, index) in useful.enumerated() where solver.flow(onArc: edgeArc[position]) > 0 {
            selected.append(index)
            weight += edges[index].weight
            units += Int64((edges[index].weight / Self.weightResolution).rounded(.up))
            if bonusUnits > 0 {
                leftUsed[edges[index].left] += 1
                rightUsed[edges[index].right] += 1
            }
        }
        var covered = 0
        for u in leftUsed.indices { covered += min(leftUsed[u], priority(leftPriorityCounts, u, Int.max)) }
        for v in rightUsed.indices { covered += min(rightUsed[v], priority(rightPriorityCounts, v, Int.max)) }
        let objective = weight + Double(covered) * priorityBonus
        let bound = max(objective, Double(units + Int64(covered) * bonusUnits) * Self.weightResolution)
        return Solution(selected: selected, weight: weight, bound: bound, priorityCovered: covered)
    }
}
