import MatchCore
import Testing

/// The exact b-matching solver against plain references: successive shortest
/// paths with Bellman–Ford (real-valued weights) and brute force on tiny graphs.
struct BipartiteBMatchingTests {
    @Test func documentedExample() {
        let problem = BipartiteBMatching(
            leftCapacities: [2, 1], rightCapacities: [1, 1, 1],
            edges: [.init(left: 0, right: 0, weight: 0.9), .init(left: 0, right: 1, weight: 0.4),
                    .init(left: 1, right: 0, weight: 0.8), .init(left: 1, right: 2, weight: 0.3)])
        let solution = problem.solve()
        #expect(solution.selected == [0, 1, 3])
        #expect(abs(solution.weight - 1.6) < 1e-9)
        #expect(solution.bound >= solution.weight && solution.bound - 1.6 < 1e-5)
    }

    @Test func totalLimitAndEmptyCases() {
        let edges: [BipartiteBMatching.Edge] = [.init(left: 0, right: 0, weight: 0.5), .init(left: 1, right: 1, weight: 0.7),
                                                 .init(left: 2, right: 2, weight: 0.2)]
        let limited = BipartiteBMatching(leftCapacities: [1, 1, 1], rightCapacities: [1, 1, 1], edges: edges, totalLimit: 2).solve()
        #expect(limited.selected == [0, 1])
        #expect(BipartiteBMatching(leftCapacities: [], rightCapacities: [], edges: []).solve().selected.isEmpty)
        let zero = BipartiteBMatching(leftCapacities: [0], rightCapacities: [3], edges: [.init(left: 0, right: 0, weight: 1)]).solve()
        #expect(zero.selected.isEmpty && zero.bound == 0)
    }

    @Test func matchesSuccessiveShortestPathsOnSeededGraphs() {
        var random = SeededRandomNumberGenerator(seed: 2019)
        for round in 0..<3_000 {
            let instance = RandomBMatching(random: &random, maxLeft: 7, maxRight: 7)
            let solution = instance.problem.solve()
            let reference = ReferenceBMatching.successiveShortestPaths(instance.problem)
            #expect(abs(solution.weight - reference) <= 1e-6 * Double(solution.selected.count + 1),
                    "round \(round): \(solution.weight) vs \(reference)")
            #expect(solution.bound >= reference - 1e-12)
            #expect(ReferenceBMatching.isFeasible(solution.selected, in: instance.problem))
        }
    }

    @Test func matchesBruteForceOnTinyGraphs() {
        var random = SeededRandomNumberGenerator(seed: 7)
        for _ in 0..<500 {
            let instance = RandomBMatching(random: &random, maxLeft: 4, maxRight: 4, maxEdges: 12)
            let best = ReferenceBMatching.bruteForce(instance.problem)
            let solution = instance.problem.solve()
            #expect(abs(solution.weight - best) <= 1e-6 * Double(solution.selected.count + 1))
        }
    }

    /// Seeded tiny b-matchings: the priority bonus's optimum equals brute force over every subset.
    @Test func priorityBonusMatchesBruteForceOnTinyGraphs() {
        var random = SeededRandomNumberGenerator(seed: 31)
        for round in 0..<500 {
            var problem = RandomBMatching(random: &random, maxLeft: 4, maxRight: 4, maxEdges: 11).problem
            problem.leftPriorityCounts = problem.leftCapacities.map { _ in Int.random(in: 0...2, using: &random) }
            problem.rightPriorityCounts = problem.rightCapacities.map { _ in Int.random(in: 0...2, using: &random) }
            problem.priorityBonus = [0.5, 3, 40][round % 3]
            let solution = problem.solve()
            #expect(ReferenceBMatching.isFeasible(solution.selected, in: problem))
            let best = Self.bruteForceObjective(problem)
            let objective = Self.objective(solution.selected, problem)
            #expect(abs(objective - best) <= 1e-5 * Double(solution.selected.count + 1), "round \(round): \(objective) vs \(best)")
            #expect(solution.bound >= best - 1e-12)
            #expect(solution.priorityCovered == Self.covered(solution.selected, problem))
        }
    }

    // MARK: - References of the priority bonus

    static func covered(_ selected: [Int], _ problem: BipartiteBMatching) -> Int {
        var left = [Int](repeating: 0, count: problem.leftCapacities.count), right = [Int](repeating: 0, count: problem.rightCapacities.count)
        for index in selected {
            left[problem.edges[index].left] += 1
            right[problem.edges[index].right] += 1
        }
        return left.indices.reduce(0) { $0 + min(left[$1], max(0, problem.leftPriorityCounts[$1])) }
            + right.indices.reduce(0) { $0 + min(right[$1], max(0, problem.rightPriorityCounts[$1])) }
    }

    static func objective(_ selected: [Int], _ problem: BipartiteBMatching) -> Double {
        selected.reduce(0) { $0 + problem.edges[$1].weight } + Double(covered(selected, problem)) * problem.priorityBonus
    }

    /// The best weight plus bonuses over every feasible subset of edges of weight ≥ 0.
    static func bruteForceObjective(_ problem: BipartiteBMatching) -> Double {
        var best = 0.0
        let usable = problem.edges.indices.filter { problem.edges[$0].weight >= 0 }
        for mask in 0..<(1 << usable.count) {
            let selected = usable.indices.filter { mask & (1 << $0) != 0 }.map { usable[$0] }
            guard ReferenceBMatching.isFeasible(selected, in: problem) else { continue }
            best = max(best, objective(selected, problem))
        }
        return best
    }
}

/// A seeded random bipartite b-matching instance.
struct RandomBMatching {
    var problem: BipartiteBMatching

    init(random: inout SeededRandomNumberGenerator, maxLeft: Int, maxRight: Int, maxEdges: Int = 30) {
        let left = Int.random(in: 1...maxLeft, using: &random), right = Int.random(in: 1...maxRight, using: &random)
        let edgeCount = Int.random(in: 0...min(maxEdges, left * right + 2), using: &random)
        var edges: [BipartiteBMatching.Edge] = []
        for _ in 0..<edgeCount {
            // Weights on a coarse grid half the time, so ties are common.
            let weight = Bool.random(using: &random)
                ? Double(Int.random(in: 0...4, using: &random)) / 4
                : Double.random(in: 0...1, using: &random)
            edges.append(.init(left: Int.random(in: 0..<left, using: &random), right: Int.random(in: 0..<right, using: &random),
                               weight: weight))
        }
        problem = BipartiteBMatching(
            leftCapacities: (0..<left).map { _ in Int.random(in: 0...3, using: &random) },
            rightCapacities: (0..<right).map { _ in Int.random(in: 0...3, using: &random) },
            edges: edges, totalLimit: Bool.random(using: &random) ? Int.random(in: 0...6, using: &random) : nil)
    }
}

/// Plain, slow references for b-matching.
enum ReferenceBMatching {
    /// Whether the selected edges respect every capacity and the total limit.
    static func isFeasible(_ selected: [Int], in problem: BipartiteBMatching) -> Bool {
        var left = problem.leftCapacities, right = problem.rightCapacities
        for index in selected {
            left[problem.edges[index].left] -= 1
            right[problem.edges[index].right] -= 1
        }
        return left.allSatisfy { $0 >= 0 } && right.allSatisfy { $0 >= 0 }
            && selected.count <= (problem.totalLimit ?? Int.max) && Set(selected).count == selected.count
    }

    /// Successive shortest paths, one unit at a time, Bellman–Ford on real weights.
    static func successiveShortestPaths(_ problem: BipartiteBMatching) -> Double {
        let left = problem.leftCapacities.count, right = problem.rightCapacities.count
        let source = left + right, sink = source + 1, n = sink + 1
        var tails: [Int] = [], heads: [Int] = [], capacity: [Int] = [], cost: [Double] = []
        func add(_ tail: Int, _ head: Int, _ cap: Int, _ c: Double) {
            tails += [tail, head]; heads += [head, tail]; capacity += [cap, 0]; cost += [c, -c]
        }
        for (u, c) in problem.leftCapacities.enumerated() { add(source, u, max(0, c), 0) }
        for (v, c) in problem.rightCapacities.enumerated() { add(left + v, sink, max(0, c), 0) }
        for edge in problem.edges where edge.weight > 0 { add(edge.left, left + edge.right, 1, -edge.weight) }
        var total = 0.0, flow = 0
        while flow < (problem.totalLimit ?? Int.max) {
            var distance = [Double](repeating: .infinity, count: n)
            var via = [Int](repeating: -1, count: n)
            distance[source] = 0
            for _ in 0..<n {
                var changed = false
                for a in tails.indices where capacity[a] > 0 && distance[tails[a]] + cost[a] < distance[heads[a]] - 1e-12 {
                    distance[heads[a]] = distance[tails[a]] + cost[a]
                    via[heads[a]] = a
                    changed = true
                }
                if !changed { break }
            }
            guard distance[sink] < -1e-12 else { break }
            var node = sink
            while node != source {
                let a = via[node]
                capacity[a] -= 1
                capacity[a ^ 1] += 1
                node = tails[a]
            }
            total -= distance[sink]
            flow += 1
        }
        return total
    }

    /// The best weight over every subset of edges.
    static func bruteForce(_ problem: BipartiteBMatching) -> Double {
        var best = 0.0
        let count = problem.edges.count
        for mask in 0..<(1 << count) {
            let selected = (0..<count).filter { mask & (1 << $0) != 0 }
            guard isFeasible(selected, in: problem) else { continue }
            best = max(best, selected.reduce(0) { $0 + max(0, problem.edges[$1].weight) })
        }
        return best
    }
}
