import MatchCore
@testable import MissionMatch

/// The best delegation by exhaustive search (small problems only): the most
/// minimum places filled, then the most value, over every delegation within
/// seats, missions per candidate, quota maximums and budgets.
enum DelegationExactReference {
    struct Best {
        var covered: Int
        var value: Double
    }

    static func best(_ problem: DelegationProblem) -> Best {
        let missions = problem.missions.count
        var chosen = [[Int]](repeating: [], count: missions)
        var best = Best(covered: -1, value: -.infinity)
        func visit(_ c: Int) {
            if c == problem.candidateCount {
                guard isFeasible(chosen, problem) else { return }
                let covered = coverage(chosen, problem)
                let value = chosen.enumerated().reduce(0.0) { sum, entry in
                    entry.element.reduce(sum) { $0 + (problem.values[$1][entry.offset] ?? 0) }
                }
                if covered > best.covered || (covered == best.covered && value > best.value + 1e-12) {
                    best = Best(covered: covered, value: value)
                }
                return
            }
            // Every subset of the missions candidate c may go on.
            let eligible = (0..<missions).filter { problem.values[c][$0] != nil }
            for mask in 0..<(1 << eligible.count) where mask.nonzeroBitCount <= problem.maxMissions[c] {
                let picked = eligible.indices.filter { mask & (1 << $0) != 0 }.map { eligible[$0] }
                if picked.contains(where: { chosen[$0].count >= problem.missions[$0].seats }) { continue }
                for m in picked { chosen[m].append(c) }
                visit(c + 1)
                for m in picked { chosen[m].removeLast() }
            }
        }
        visit(0)
        return best
    }

    static func counts(_ delegates: [[Int]], _ problem: DelegationProblem) -> [Int] {
        var count = [Int](repeating: 0, count: problem.quotas.count)
        for (m, list) in delegates.enumerated() {
            for c in list { for quota in problem.quotaChain(candidate: c, mission: m) { count[quota] += 1 } }
        }
        return count
    }

    static func coverage(_ delegates: [[Int]], _ problem: DelegationProblem) -> Int {
        zip(problem.quotas, counts(delegates, problem)).reduce(0) { $0 + min($1.1, $1.0.minimum, $1.0.maximum ?? Int.max) }
    }

    /// Seats, missions per candidate, eligibility, quota maximums and budgets.
    static func isFeasible(_ delegates: [[Int]], _ problem: DelegationProblem) -> Bool {
        var trips = [Int](repeating: 0, count: problem.candidateCount)
        for (m, list) in delegates.enumerated() {
            guard list.count <= problem.missions[m].seats, Set(list).count == list.count else { return false }
            for c in list {
                guard problem.values[c][m] != nil else { return false }
                trips[c] += 1
            }
            if let budget = problem.missions[m].budget, list.reduce(0, { $0 + problem.costs[$1][m] }) > budget { return false }
        }
        guard zip(trips, problem.maxMissions).allSatisfy({ $0 <= $1 }) else { return false }
        return zip(problem.quotas, counts(delegates, problem)).allSatisfy { $1 <= ($0.maximum ?? Int.max) }
    }

    /// A random problem: 2–5 candidates... up to 6, 1–3 missions, two clusters in one
    /// partnership plus a lone cluster, values on a 0.001 grid, optional budgets.
    static func randomProblem(_ random: inout SeededRandomNumberGenerator, budgets: Bool) -> DelegationProblem {
        let candidates = Int.random(in: 2...6, using: &random)
        let missions = Int.random(in: 1...3, using: &random)
        let values: [[Double?]] = (0..<candidates).map { _ in
            (0..<missions).map { _ in Int.random(in: 0..<6, using: &random) == 0 ? nil : Double(Int.random(in: 0...3000, using: &random)) / 1000 }
        }
        let costs = (0..<candidates).map { _ in (0..<missions).map { _ in Int.random(in: 1...5, using: &random) } }
        let maxMissions = (0..<candidates).map { _ in Int.random(in: 1...2, using: &random) }
        let cluster = (0..<candidates).map { _ in Int.random(in: 0..<4, using: &random) }  // 3: no cluster
        var quotas: [DelegationProblem.Quota] = []
        var candidateQuota = [[Int?]](repeating: [Int?](repeating: nil, count: missions), count: candidates)
        for m in 0..<missions {
            func bounds() -> (Int, Int?) {
                let minimum = Int.random(in: 0..<4, using: &random) == 0 ? Int.random(in: 1...2, using: &random) : 0
                let maximum: Int? = Bool.random(using: &random) ? Int.random(in: 0...2, using: &random) : nil
                return (minimum, maximum)
            }
            let (pMin, pMax) = bounds()
            let partnership = quotas.count
            quotas.append(.init(mission: m, parent: nil, minimum: pMin, maximum: pMax))
            var clusterQuota: [Int] = []
            for k in 0..<3 {
                let (cMin, cMax) = bounds()
                clusterQuota.append(quotas.count)
                quotas.append(.init(mission: m, parent: k < 2 ? partnership : nil, minimum: cMin, maximum: cMax))
            }
            for c in 0..<candidates where cluster[c] < 3 { candidateQuota[c][m] = clusterQuota[cluster[c]] }
        }
        let seats = (0..<missions).map { _ in Int.random(in: 0...3, using: &random) }
        return DelegationProblem(
            missions: seats.map { .init(seats: $0, budget: budgets && Bool.random(using: &random) ? Int.random(in: 0...8, using: &random) : nil) },
            values: values, costs: costs, maxMissions: maxMissions, quotas: quotas, candidateQuota: candidateQuota)
    }
}
