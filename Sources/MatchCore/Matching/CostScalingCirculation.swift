/// A minimum-cost circulation solver with integer capacities and costs:
/// Goldberg–Tarjan cost scaling with FIFO push–relabel refinement
/// (A. V. Goldberg, "An efficient implementation of a scaling minimum-cost
/// flow algorithm", J. Algorithms 22, 1997), with the "push look-ahead"
/// heuristic of that paper.
///
/// Arcs are stored in compressed rows with their reverse arcs; the solver
/// finds a circulation (zero excess everywhere) of least total cost.
/// Optimality: costs are multiplied by *n* + 1 and refinement stops once
/// ε < 1, where an ε-optimal circulation is optimal for the integer costs.
///
/// - Complexity: O(*n*² *m* log(*nC*)) in the worst case; close to linear
///   per refinement on b-matching graphs in practice.
struct CostScalingCirculation {
    /// One arc as given by the caller.
    struct Arc {
        var tail: Int
        var head: Int
        var capacity: Int32
        var cost: Int64
    }

    private let nodeCount: Int
    /// CSR offsets: the arcs leaving node `v` are `first[v]..<first[v + 1]`.
    private var first: [Int]
    private var head: [Int32]
    private var residual: [Int32]
    private var cost: [Int64]
    private var reverse: [Int32]
    /// Position of the caller's arc `i` in the CSR arrays.
    private var position: [Int32]
    private let scaleFactor: Int64 = 8

    /// Builds the residual network of `arcs` over `nodeCount` nodes.
    ///
    /// - Precondition: Every arc joins two nodes in `0..<nodeCount` and has a non-negative capacity.
    init(nodeCount: Int, arcs: [Arc]) {
        self.nodeCount = nodeCount
        var degree = [Int](repeating: 0, count: nodeCount + 1)
        for arc in arcs {
            precondition(arc.tail >= 0 && arc.tail < nodeCount && arc.head >= 0 && arc.head < nodeCount, "arc outside the graph")
            precondition(arc.capacity >= 0, "negative capacity")
            degree[arc.tail + 1] += 1
            degree[arc.head + 1] += 1
        }
        for v in 0..<nodeCount { degree[v + 1] += degree[v] }
        first = degree
        let total = arcs.count * 2
        head = [Int32](repeating: 0, count: total)
        residual = [Int32](repeating: 0, count: total)
        cost = [Int64](repeating: 0, count: total)
        reverse = [Int32](repeating: 0, count: total)
        position = [Int32](repeating: 0, count: arcs.count)
        var next = Array(first.dropLast())
        let multiplier = Int64(nodeCount + 1)
        for (index, arc) in arcs.enumerated() {
            let forward = next[arc.tail], backward = next[arc.head]
            next[arc.tail] += 1
            next[arc.head] += 1
            head[forward] = Int32(arc.head)
            head[backward] = Int32(arc.tail)
            residual[forward] = arc.capacity
            residual[backward] = 0
            cost[forward] = arc.cost * multiplier
            cost[backward] = -arc.cost * multiplier
            reverse[forward] = Int32(backward)
            reverse[backward] = Int32(forward)
            position[index] = Int32(forward)
        }
    }

    /// The flow on the caller's arc `index` after ``solve()``.
    func flow(onArc index: Int) -> Int32 {
        let forward = Int(position[index])
        return residual[Int(reverse[forward])]
    }

    /// Finds a minimum-cost circulation.
    mutating func solve() {
        let largest = cost.reduce(Int64(0)) { max($0, abs($1)) }
        guard largest > 0 else { return }
        var price = [Int64](repeating: 0, count: nodeCount)
        var epsilon = largest
        while epsilon > 1 {
            epsilon = max(1, (epsilon + scaleFactor - 1) / scaleFactor)
            refine(epsilon: epsilon, price: &price)
        }
    }

    /// Turns an ε·α-optimal circulation into an ε-optimal one: saturates every
    /// arc of negative reduced cost, then discharges the nodes with excess.
    private mutating func refine(epsilon: Int64, price: inout [Int64]) {
        let n = nodeCount
        var excess = [Int64](repeating: 0, count: n)
        var current = Array(first.dropLast())
        var queue = [Int32](repeating: 0, count: n)
        var inQueue = [Bool](repeating: false, count: n)
        first.withUnsafeBufferPointer { first in
        head.withUnsafeBufferPointer { head in
        reverse.withUnsafeBufferPointer { reverse in
        cost.withUnsafeBufferPointer { cost in
        residual.withUnsafeMutableBufferPointer { residual in
        price.withUnsafeMutableBufferPointer { price in
        excess.withUnsafeMutableBufferPointer { excess in
        current.withUnsafeMutableBufferPointer { current in
        queue.withUnsafeMutableBufferPointer { queue in
        inQueue.withUnsafeMutableBufferPointer { inQueue in
            for v in 0..<n {
                for a in first[v]..<first[v + 1] where residual[a] > 0 {
                    let w = Int(head[a])
                    if cost[a] + price[v] - price[w] < 0 {
                        let amount = residual[a]
                        residual[a] = 0
                        residual[Int(reverse[a])] += amount
                        excess[v] -= Int64(amount)
                        excess[w] += Int64(amount)
                    }
                }
            }
            var queueHead = 0, queueCount = 0
            func enqueue(_ v: Int) {
                inQueue[v] = true
                queue[(queueHead + queueCount) % n] = Int32(v)
                queueCount += 1
            }
            for v in 0..<n where excess[v] > 0 { enqueue(v) }

            /// Lowers `v`'s price until one residual arc becomes admissible (reduced cost −ε).
            func relabel(_ v: Int) {
                var best = Int64.min
                for a in first[v]..<first[v + 1] where residual[a] > 0 {
                    let candidate = price[Int(head[a])] - cost[a]
                    if candidate > best { best = candidate }
                }
                if best != Int64.min { price[v] = best - epsilon }
                current[v] = first[v]
            }

            /// Whether `w` has an admissible arc (the look-ahead: pushing to a node
            /// that would have to relabel at once is wasted work).
            func hasAdmissibleArc(_ w: Int) -> Bool {
                var a = current[w]
                let end = first[w + 1]
                while a < end {
                    if residual[a] > 0 && cost[a] + price[w] - price[Int(head[a])] < 0 {
                        current[w] = a
                        return true
                    }
                    a += 1
                }
                return false
            }

            while queueCount > 0 {
                let v = Int(queue[queueHead])
                queueHead = (queueHead + 1) % n
                queueCount -= 1
                inQueue[v] = false
                while excess[v] > 0 {
                    var a = current[v]
                    let end = first[v + 1]
                    var pushedAll = false
                    while a < end {
                        if residual[a] > 0 {
                            let w = Int(head[a])
                            if cost[a] + price[v] - price[w] < 0 {
                                if excess[w] >= 0 && !hasAdmissibleArc(w) {
                                    relabel(w)
                                    if cost[a] + price[v] - price[w] >= 0 { a += 1; continue }
                                }
                                let amount = min(excess[v], Int64(residual[a]))
                                residual[a] -= Int32(amount)
                                residual[Int(reverse[a])] += Int32(amount)
                                excess[v] -= amount
                                let wasInactive = excess[w] <= 0
                                excess[w] += amount
                                if wasInactive && excess[w] > 0 && !inQueue[w] { enqueue(w) }
                                if excess[v] == 0 { pushedAll = true; break }
                            }
                        }
                        a += 1
                    }
                    if pushedAll {
                        current[v] = a
                    } else {
                        relabel(v)
                    }
                }
            }
        }}}}}}}}}}
    }
}
