/// A maximum-weight assignment of items to groups under nested count
/// limits, solved exactly as a minimum-cost flow.
///
/// Each item (e.g. an SME) may be assigned along at most
/// `itemCapacities[i]` of its edges; each edge joins an item to a group and
/// is taken at most once. Groups form a forest: a group's assignments also
/// count for its parent and its parent's parent (e.g. cluster ⊂ partnership
/// ⊂ mission). Each group takes at most `maximum` assignments and asks for
/// at least `minimum`.
///
/// Minimums are soft and come first: the solution fills as many of the
/// groups' minimum places as any assignment can (``Solution/minimumsCovered``),
/// and among those assignments has the most weight. When every minimum can
/// be met the solution meets them all. Both goals are one circulation: the
/// first `minimum` units through a group's arc to its parent earn a bonus
/// larger than the sum of all weights, so they are filled first (the
/// objective is concave in each group's count).
///
/// ```swift
/// let problem = NestedQuotaAssignment(
///     itemCapacities: [1, 1, 1],
///     groups: [.init(parent: nil, minimum: 0, maximum: 2),     // a mission with 2 seats
///              .init(parent: 0, minimum: 1, maximum: 2)],      // a cluster: at least 1 of them
///     edges: [.init(item: 0, group: 0, weight: 90), .init(item: 1, group: 0, weight: 80),
///             .init(item: 2, group: 1, weight: 10)])
/// problem.solve()?.selected   // [0, 2]: the cluster's minimum first, then the best other
/// ```
///
/// - Complexity: one cost-scaling circulation over *items + groups + 2*
///   nodes and *edges + items + 2 × groups + 1* arcs.
public struct NestedQuotaAssignment: Sendable {
    /// A group of assignments.
    public struct Group: Sendable, Hashable {
        /// The enclosing group (its index), or `nil` for a root.
        public var parent: Int?
        /// The assignments asked for at least (soft: filled first).
        public var minimum: Int
        /// The most assignments.
        public var maximum: Int

        /// Creates a group.
        ///
        /// - Parameters:
        ///   - parent: The enclosing group, or `nil`.
        ///   - minimum: At least this many (negative counts as 0).
        ///   - maximum: At most this many (negative counts as 0).
        public init(parent: Int?, minimum: Int, maximum: Int) {
            self.parent = parent
            self.minimum = minimum
            self.maximum = maximum
        }
    }

    /// An edge: item `item` may be assigned to group `group` for `weight`.
    public struct Edge: Sendable, Hashable {
        /// The item.
        public var item: Int
        /// The innermost group the assignment counts for.
        public var group: Int
        /// The weight (any sign; integer units chosen by the caller).
        public var weight: Int64

        /// Creates an edge.
        ///
        /// - Parameters:
        ///   - item: The item.
        ///   - group: The group.
        ///   - weight: The weight.
        public init(item: Int, group: Int, weight: Int64) {
            self.item = item
            self.group = group
            self.weight = weight
        }
    }

    /// The result of ``solve()``.
    public struct Solution: Sendable, Hashable {
        /// The selected edges, ascending.
        public var selected: [Int]
        /// Their total weight: the most of any assignment that fills ``minimumsCovered`` minimum places.
        public var weight: Int64
        /// The minimum places filled, Σ over groups of min(count, minimum, maximum): the most any assignment fills.
        public var minimumsCovered: Int
    }

    /// The largest sum of absolute weights ``solve()`` accepts (2³⁶): the
    /// solver multiplies costs by the node count and adds a bonus above the sum.
    public static let maximumTotalWeight: Int64 = 1 << 36

    /// Each item's most assignments.
    public var itemCapacities: [Int]
    /// The groups; a parent must be another group of this array, with no cycle.
    public var groups: [Group]
    /// The edges.
    public var edges: [Edge]

    /// Creates the problem.
    ///
    /// - Parameters:
    ///   - itemCapacities: Each item's most assignments.
    ///   - groups: The groups.
    ///   - edges: The edges.
    public init(itemCapacities: [Int], groups: [Group], edges: [Edge]) {
        self.itemCapacities = itemCapacities
        self.groups = groups
        self.edges = edges
    }

    /// Solves the problem exactly.
    ///
    /// - Returns: The assignment, or `nil` when the input is out of range: an edge or
    ///   parent outside the arrays, a cycle of parents, a count above `Int32.max`,
    ///   or absolute weights summing to more than ``maximumTotalWeight``.
    public func solve() -> Solution? {
        let items = itemCapacities.count, groupCount = groups.count
        var total: Int64 = 0
        for edge in edges {
            guard edge.item >= 0, edge.item < items, edge.group >= 0, edge.group < groupCount else { return nil }
            guard edge.weight.magnitude <= UInt64(Self.maximumTotalWeight) else { return nil }
            total += Int64(edge.weight.magnitude)
            guard total <= Self.maximumTotalWeight else { return nil }
        }
        for group in groups {
            if let parent = group.parent { guard parent >= 0, parent < groupCount else { return nil } }
            guard group.maximum <= Int(Int32.max), group.minimum <= Int(Int32.max) else { return nil }
        }
        guard !hasCycle() else { return nil }
        let bonus = total + 1
        let source = items + groupCount, sink = source + 1
        var arcs: [CostScalingCirculation.Arc] = []
        arcs.reserveCapacity(edges.count + items + 2 * groupCount + 1)
        var supply = 0
        for item in 0..<items {
            let capacity = min(max(0, itemCapacities[item]), Int(Int32.max))
            supply = min(supply + capacity, Int(Int32.max))
            if capacity > 0 { arcs.append(.init(tail: source, head: item, capacity: Int32(capacity), cost: 0)) }
        }
        let firstEdgeArc = arcs.count
        for edge in edges {
            arcs.append(.init(tail: edge.item, head: items + edge.group, capacity: 1, cost: -edge.weight))
        }
        var minimumArc = [Int](repeating: -1, count: groupCount)
        for (index, group) in groups.enumerated() {
            let head = group.parent.map { items + $0 } ?? sink
            let maximum = max(0, group.maximum), tier = min(max(0, group.minimum), maximum)
            if tier > 0 {
                minimumArc[index] = arcs.count
                arcs.append(.init(tail: items + index, head: head, capacity: Int32(tier), cost: -bonus))
            }
            if maximum > tier { arcs.append(.init(tail: items + index, head: head, capacity: Int32(maximum - tier), cost: 0)) }
        }
        arcs.append(.init(tail: sink, head: source, capacity: Int32(min(supply, Int(Int32.max))), cost: 0))
        var solver = CostScalingCirculation(nodeCount: sink + 1, arcs: arcs)
        solver.solve()
        var selected: [Int] = []
        var weight: Int64 = 0
        for index in edges.indices where solver.flow(onArc: firstEdgeArc + index) > 0 {
            selected.append(index)
            weight += edges[index].weight
        }
        var covered = 0
        for arc in minimumArc where arc >= 0 { covered += Int(solver.flow(onArc: arc)) }
        return Solution(selected: selected, weight: weight, minimumsCovered: covered)
    }

    /// Whether following parents from some group returns to it.
    private func hasCycle() -> Bool {
        var state = [UInt8](repeating: 0, count: groups.count)  // 0 new, 1 on the path, 2 done
        for start in groups.indices where state[start] == 0 {
            var path: [Int] = []
            var node: Int? = start
            while let current = node, state[current] != 2 {
                if state[current] == 1 { return true }
                state[current] = 1
                path.append(current)
                node = groups[current].parent
            }
            for visited in path { state[visited] = 2 }
        }
        return false
    }
}
