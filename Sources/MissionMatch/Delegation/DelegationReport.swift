import Foundation

/// Turns a solved delegation into words: delegates with reasons and first
/// meetings, quotas, SMEs left home and why, and the findings on quotas
/// and budgets that cannot all be met.
struct DelegationReport {
    let reference: ReferenceData
    let candidates: [Participant]
    let missions: [DelegationMissionInput]
    let rankings: [MissionRanking]
    let lists: [[[Candidate]]]
    let capacity: [[Int]]
    let load: [[Double]]
    let preferences: [(wants: Set<String>, refuses: Set<String>)]
    let problem: DelegationProblem
    let quotaNames: [String]
    let solution: DelegationSolver.Solution

    /// The share of a mission's scores that count as strong in the reasons: its top 10 %.
    static let strongShare = 0.1

    /// Per mission, the score the strongest ``strongShare`` of the SMEs' best-*m* scores reach
    /// (the scores' scale depends on the texts, so "strong" is relative to the mission's own).
    ///
    /// - Complexity: O(*s* log *s*) for the *s* scores of a mission.
    func strongScores() -> [Float] {
        lists.map { perCandidate in
            let scores = perCandidate.flatMap { $0.map(\.score) }.sorted(by: >)
            guard !scores.isEmpty else { return .infinity }
            return scores[min(scores.count - 1, Int((Double(scores.count) * Self.strongShare).rounded(.up)) - 1)]
        }
    }

    func delegation() -> Delegation {
        let counts = quotaCounts()
        let strong = strongScores()
        var result: [Delegation.MissionDelegation] = []
        for (m, input) in missions.enumerated() {
            let mission = input.mission
            let m_ = max(1, mission.maxMeetings ?? mission.topK)
            let order = solution.delegates[m].sorted { a, b in
                let va = problem.values[a][m] ?? 0, vb = problem.values[b][m] ?? 0
                return va != vb ? va > vb : candidates[a].id < candidates[b].id
            }
            let delegates = order.enumerated().map { position, s in
                Delegation.Delegate(participant: candidates[s].id, value: problem.values[s][m] ?? 0, rank: position + 1,
                                    reasons: reasons(s, m, strong: strong[m]), firstMeetings: Array(rankings[m].recommendations[s].prefix(m_)))
            }
            let quotas = problem.quotas.indices.filter { problem.quotas[$0].mission == m }.map { q in
                (group: quotaNames[q], quota: DelegationQuota(minimum: problem.quotas[q].minimum, maximum: problem.quotas[q].maximum), sent: counts[q])
            }
            let own = mission.sides.first
            result.append(Delegation.MissionDelegation(
                mission: mission, settings: input.settings, delegates: delegates,
                counterparts: input.counterparts.filter { own == nil || $0.side != own },
                cost: solution.delegates[m].reduce(0) { $0.saturatingAdded(problem.costs[$1][m]) }, quotas: quotas))
        }
        let sent = Set(solution.delegates.joined())
        // Each mission's weakest delegate and spending, once (not per SME left home).
        let weakest = missions.indices.map { m in solution.delegates[m].map { problem.values[$0][m] ?? 0 }.min() }
        let spent = missions.indices.map { m in solution.delegates[m].reduce(0) { $0.saturatingAdded(problem.costs[$1][m]) } }
        let home: [Delegation.LeftHome] = candidates.indices.filter { !sent.contains($0) }
            .map { self.leftHome($0, counts: counts, weakest: weakest, spent: spent) }
        let leftHome = home.sorted { a, b in a.value != b.value ? a.value > b.value : a.participant < b.participant }
        return Delegation(missions: result, leftHome: leftHome, candidates: candidates, findings: findings(counts), solution: solution)
    }

    private func quotaCounts() -> [Int] {
        var count = [Int](repeating: 0, count: problem.quotas.count)
        for (m, list) in solution.delegates.enumerated() {
            for s in list { for q in problem.quotaChain(candidate: s, mission: m) { count[q] += 1 } }
        }
        return count
    }

    private func name(_ index: Int, _ m: Int) -> String { rankings[m].participants[index].name }

    /// The reasons of SME `s` on mission `m`, its scores measured against the mission's strong score.
    func reasons(_ s: Int, _ m: Int, strong threshold: Float) -> String {
        let list = lists[m][s]
        let strong = list.filter { $0.score >= threshold }
        let shown = (strong.isEmpty ? Array(list.prefix(3)) : Array(strong.prefix(3)))
            .map { "\(name($0.partner, m)) (\(String(format: "%.2f", $0.score)))" }.joined(separator: ", ")
        let percent = Int((Self.strongShare * 100).rounded())
        var parts = [strong.isEmpty ? "best counterparts: \(shown)"
                     : "\(strong.count) counterpart\(strong.count == 1 ? "" : "s") in the mission's top \(percent) % of scores "
                        + "(≥ \(String(format: "%.2f", threshold))): \(shown)"]
        if let host = missions[m].mission.hostCountry,
           reference.countries.expand(candidates[s].targetCountries).contains(host) {
            parts.append("targets " + (reference.countries.country(code: host)?.name ?? host))
        }
        if preferences[s].wants.contains(missions[m].mission.id) { parts.append("wants this mission") }
        let crowded = list.filter { load[m][$0.partner] > Double(capacity[m][$0.partner]) }
        if !crowded.isEmpty {
            parts.append(crowded.count == 1 ? "1 of its best counterparts is sought by more delegates than it can meet" : "\(crowded.count) of its best counterparts are sought by more delegates than they can meet")
        }
        return parts.joined(separator: "; ")
    }

    /// The candidates each quota counts, in one pass (candidates × missions × quota depth).
    private func quotaMembers() -> [[Int]] {
        var members = [[Int]](repeating: [], count: problem.quotas.count)
        for s in candidates.indices {
            for m in missions.indices { for q in problem.quotaChain(candidate: s, mission: m) { members[q].append(s) } }
        }
        return members
    }

    /// Each quota's inner quotas.
    private func quotaChildren() -> [[Int]] {
        var children = [[Int]](repeating: [], count: problem.quotas.count)
        for (q, quota) in problem.quotas.enumerated() {
            if let parent = quota.parent, parent >= 0, parent < children.count { children[parent].append(q) }
        }
        return children
    }

    private func leftHome(_ s: Int, counts: [Int], weakest: [Double?], spent: [Int]) -> Delegation.LeftHome {
        let id = candidates[s].id
        let eligible = missions.indices.filter { problem.values[s][$0] != nil }
        guard let best = eligible.max(by: { (problem.values[s][$0] ?? 0, -$0) < (problem.values[s][$1] ?? 0, -$1) }) else {
            let refusesAll = missions.allSatisfy { preferences[s].refuses.contains($0.mission.id) }
            return Delegation.LeftHome(participant: id, bestMission: nil, value: 0, reason: refusesAll
                ? "refuses every mission" : "no counterpart of any mission it may go on fits its offers and needs")
        }
        let mission = missions[best].mission, value = problem.values[s][best] ?? 0
        let delegates = solution.delegates[best], weakest = weakest[best]
        let reason: String
        if let full = problem.quotaChain(candidate: s, mission: best).first(where: { q in
            problem.quotas[q].maximum.map { counts[q] >= $0 } ?? false
        }) {
            reason = "\(quotaNames[full]) already sends its maximum of \(problem.quotas[full].maximum ?? 0) to \(mission.name)"
        } else if problem.missions[best].seats == 0 {
            reason = "\(mission.name) has no seats"
        } else if let weakest, value < weakest, delegates.count >= problem.missions[best].seats {
            reason = "worth \(String(format: "%.2f", value)) on \(mission.name), below its last delegate's \(String(format: "%.2f", weakest))"
        } else if let budget = problem.missions[best].budget,
                  spent[best].saturatingAdded(problem.costs[s][best]) > budget {
            reason = "the budget of \(mission.name) (\(budget)) cannot pay its \(problem.costs[s][best]) on top of the delegates"
        } else {
            reason = "its seat on \(mission.name) went to SMEs that fill a quota or are worth more in the programme as a whole"
        }
        return Delegation.LeftHome(participant: id, bestMission: mission.id, value: value, reason: reason)
    }

    /// Why quotas and budgets cannot all be met, quota by quota, then overall.
    private func findings(_ counts: [Int]) -> [String] {
        var findings: [String] = []
        guard solution.minimumPlacesFilled < solution.minimumPlacesAsked else { return findings }
        var explained = Set<Int>()
        let membersOf = quotaMembers(), children = quotaChildren()
        var effective = [Int?](repeating: nil, count: problem.quotas.count)
        func effectiveMinimum(_ q: Int) -> Int { effectiveMinimumMemoised(q, children, &effective) }
        for (q, quota) in problem.quotas.enumerated() where quota.minimum > 0 {
            let mission = missions[quota.mission].mission.name, group = quotaNames[q]
            let members = membersOf[q]
            let able = members.filter { problem.values[$0][quota.mission] != nil }
            if let maximum = quota.maximum, quota.minimum > maximum {
                findings.append("\(mission) asks for at least \(quota.minimum) SMEs of \(group) and at most \(maximum): raise the maximum or lower the minimum")
            } else if able.count < quota.minimum {
                let refusing = members.filter { preferences[$0].refuses.contains(missions[quota.mission].mission.id) }.count
                findings.append("\(mission) asks for at least \(quota.minimum) SMEs of \(group), but only \(able.count) of its \(members.count) SMEs can go"
                    + (refusing > 0 ? " (\(refusing) refuse the mission, the others have no counterpart there)" : "")
                    + ": lower the minimum or add SMEs of \(group)")
            } else if problem.missions[quota.mission].seats < quota.minimum {
                findings.append("\(mission) asks for at least \(quota.minimum) SMEs of \(group) but has \(problem.missions[quota.mission].seats) seats")
            } else {
                continue
            }
            explained.insert(q)
        }
        var quotasOf = [[Int]](repeating: [], count: missions.count)
        for (q, quota) in problem.quotas.enumerated() where quota.mission >= 0 && quota.mission < missions.count { quotasOf[quota.mission].append(q) }
        for (m, input) in missions.enumerated() {
            let top = quotasOf[m].filter { problem.quotas[$0].parent == nil }
            let asked = top.reduce(0) { $0 + effectiveMinimum($1) }
            if asked > input.settings.seats {
                findings.append("the quotas of \(input.mission.name) ask for at least \(asked) SMEs but the mission has \(input.settings.seats) seats: add seats or lower the minimums")
            }
            for parent in quotasOf[m] {
                let inner = children[parent].reduce(0) { $0 + effectiveMinimum($1) }
                if let maximum = problem.quotas[parent].maximum, inner > maximum, !children[parent].isEmpty {
                    findings.append("\(input.mission.name): the clusters of \(quotaNames[parent]) ask for at least \(inner) SMEs but the partnership may send at most \(maximum)")
                }
            }
        }
        // The same group on several missions: more places asked than its SMEs can travel.
        var byGroup: [String: [Int]] = [:]
        for q in problem.quotas.indices where problem.quotas[q].minimum > 0 { byGroup[quotaNames[q], default: []].append(q) }
        for (group, quotas) in byGroup.sorted(by: { $0.key < $1.key }) where quotas.count > 1 {
            let asked = quotas.reduce(0) { $0 + problem.quotas[$1].minimum }
            var members = Set<Int>()
            for q in quotas { members.formUnion(membersOf[q]) }
            let trips = members.reduce(0) { sum, s in
                sum + min(problem.maxMissions[s], quotas.filter { problem.values[s][problem.quotas[$0].mission] != nil }.count)
            }
            if asked > trips {
                findings.append("the missions ask for \(asked) places for \(group) in all, but its \(members.count) SMEs can make only \(trips) trips (at most \(problem.maxMissions.first ?? 1) each)")
            }
        }
        if solution.minimumPlacesFilled < solution.minimumPlacesPossible {
            findings.append("within the budgets only \(solution.minimumPlacesFilled) of the \(solution.minimumPlacesPossible) minimum places the seats allow are filled: raise a budget or choose cheaper SMEs")
        }
        if findings.isEmpty {
            findings.append("the quotas ask for \(solution.minimumPlacesAsked) minimum places in all and at most \(solution.minimumPlacesPossible) can be filled at once: the same SMEs are needed for several quotas or missions")
        }
        for q in problem.quotas.indices where problem.quotas[q].minimum > counts[q] && !explained.contains(q) {
            findings.append("\(missions[problem.quotas[q].mission].mission.name): \(quotaNames[q]) sends \(counts[q]) of the \(problem.quotas[q].minimum) asked")
        }
        return findings
    }

    /// A quota's minimum, raised to what its inner quotas ask (each quota computed once).
    private func effectiveMinimumMemoised(_ q: Int, _ children: [[Int]], _ memo: inout [Int?]) -> Int {
        if let known = memo[q] { return known }
        memo[q] = problem.quotas[q].minimum   // a cycle of parents (only a hand-made problem) stops here
        var inner = 0
        for child in children[q] { inner = inner.saturatingAdded(effectiveMinimumMemoised(child, children, &memo)) }
        let value = max(problem.quotas[q].minimum, inner)
        memo[q] = value
        return value
    }
}
