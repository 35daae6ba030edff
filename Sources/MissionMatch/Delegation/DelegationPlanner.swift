/// Decides who travels on which mission: values every SME–mission pair from
/// the ranking against that mission's counterparts, then finds the best
/// delegation under seats, quotas, budgets and missions per SME.
///
/// **Value.** For each mission the SMEs are ranked against its counterparts
/// by the same ``MatchingEngine`` as `rank` (the SMEs on the mission's first
/// side). An SME's value is the sum of its best *m* reciprocal scores (*m* =
/// the mission's `max_meetings`, or its `top_k` without one), each score
/// scaled by its counterpart's *share*: min(1, capacity / load), where the
/// capacity is how many meetings the counterpart can hold and the load how
/// many delegates have it among their best *m*. The load is that of the
/// delegations chosen so far, averaged over ``Options/congestionRounds``
/// rounds of choose → reload → choose, so twenty SMEs chasing the same five
/// counterparts lose value once those counterparts are full, and others with
/// free counterparts go instead. An SME that wants the mission
/// (`wants_missions`) is worth ``Options/wishBonus`` more; one that refuses
/// it (`refuses_missions`) or has no counterpart with a positive score
/// cannot go.
///
/// **Assignment.** ``DelegationSolver``: exact min-cost flow for seats,
/// missions per SME and cluster ⊂ partnership quotas; with budgets whose
/// costs differ, a Lagrangian bound and the gap.
///
/// Deterministic: same inputs, same delegation, on any number of cores.
public struct DelegationPlanner: Sendable {
    /// Tuning.
    public struct Options: Sendable, Hashable {
        /// Rounds of the congestion loop (0: no congestion; default 3).
        public var congestionRounds: Int
        /// The value added, as a fraction, for a mission the SME wants (default 0.1).
        public var wishBonus: Double
        /// The ranking options.
        public var ranking: RankingOptions

        /// Options.
        ///
        /// - Parameters:
        ///   - congestionRounds: Rounds of the congestion loop (clamped to 0 … 10).
        ///   - wishBonus: The wish bonus (clamped to 0 … 1).
        ///   - ranking: The ranking options.
        public init(congestionRounds: Int = 3, wishBonus: Double = 0.1, ranking: RankingOptions = RankingOptions()) {
            self.congestionRounds = min(max(0, congestionRounds), 10)
            self.wishBonus = wishBonus.isFinite ? min(max(0, wishBonus), 1) : 0
            self.ranking = ranking
        }
    }

    /// Reference data (the programme's clusters and partnerships, countries).
    public var reference: ReferenceData
    /// Options.
    public var options: Options

    /// A planner.
    ///
    /// - Parameters:
    ///   - reference: The reference data.
    ///   - options: The options.
    public init(reference: ReferenceData, options: Options = Options()) {
        self.reference = reference
        self.options = options
    }

    /// The mission ids an SME wants and refuses (``Participant/wantsMissions``, ``Participant/refusesMissions``).
    ///
    /// - Parameter participant: The SME.
    /// - Returns: The two sets of mission ids.
    public static func preferences(of participant: Participant) -> (wants: Set<String>, refuses: Set<String>) {
        (Set(participant.wantsMissions), Set(participant.refusesMissions))
    }

    /// Plans the delegation.
    ///
    /// - Parameters:
    ///   - candidates: The programme's SMEs.
    ///   - missions: The missions with their counterparts and settings.
    ///   - maxMissionsPerSME: The most missions one SME goes on.
    /// - Returns: The delegation.
    /// - Throws: ``MissionInputError`` when a mission's participants are inconsistent (an SME id that is
    ///   also a counterpart's); the linear algebra's error when it fails (it does not on finite input).
    /// - Complexity: one ranking per mission (SMEs × counterparts, the kernel's), plus
    ///   `congestionRounds + 1` flows over SMEs × missions edges; every other step is
    ///   linear in SMEs × missions × *m* and the quotas.
    public func plan(candidates: [Participant], missions: [DelegationMissionInput], maxMissionsPerSME: Int) throws -> Delegation {
        let engine = MatchingEngine(reference: reference, rankingOptions: options.ranking)
        var rankings: [MissionRanking] = []
        var lists: [[[Candidate]]] = []         // [mission][candidate] best m counterparts (ranking indices)
        var capacity: [[Int]] = []              // [mission][ranking index]
        for input in missions {
            let mission = input.mission
            let own = mission.sides.first
            let sms = candidates.map { candidate in
                var sme = candidate
                sme.side = own
                sme.availability = []
                return sme
            }
            let counterparts = input.counterparts.filter { own == nil || $0.side != own }
            let m = max(1, mission.maxMeetings ?? mission.topK)
            let ranking = try engine.rank(mission: mission, participants: sms + counterparts, top: min(m, FormatLimits.maxTopK))
            rankings.append(ranking)
            lists.append((0..<candidates.count).map { s in
                Array(ranking.candidates[s].filter { $0.partner >= candidates.count && $0.score > 0 }.prefix(m))
            })
            capacity.append(ranking.participants.map { $0.maximumMeetings(in: mission) ?? mission.slots.count * max(1, $0.representatives) })
        }
        let preferences = candidates.map(Self.preferences)
        var (problem, quotaNames) = structure(candidates: candidates, missions: missions, maxMissionsPerSME: maxMissionsPerSME)
        var load = missions.indices.map { [Double](repeating: 0, count: rankings[$0].participants.count) }
        // sent[m][s]: whether SME s is a delegate of mission m in the last round (a flag, not a scan of the list).
        var sent = [[Bool]](repeating: [Bool](repeating: false, count: candidates.count), count: missions.count)
        var solution = DelegationSolver().solve(problem)
        for round in 0...options.congestionRounds {
            problem.values = candidates.indices.map { s in
                missions.indices.map { m in
                    let id = missions[m].mission.id
                    guard !preferences[s].refuses.contains(id), !lists[m][s].isEmpty else { return nil }
                    let sent = sent[m][s]
                    var value = 0.0
                    for candidate in lists[m][s] {
                        let demand = load[m][candidate.partner] + (sent ? 0 : 1)
                        value += Double(candidate.score) * min(1, Double(capacity[m][candidate.partner]) / max(1, demand))
                    }
                    return preferences[s].wants.contains(id) ? value * (1 + options.wishBonus) : value
                }
            }
            solution = DelegationSolver().solve(problem)
            guard round < options.congestionRounds else { break }
            for m in missions.indices {
                sent[m] = [Bool](repeating: false, count: candidates.count)
                for s in solution.delegates[m] { sent[m][s] = true }
                var now = [Double](repeating: 0, count: load[m].count)
                for s in solution.delegates[m] { for candidate in lists[m][s] { now[candidate.partner] += 1 } }
                let weight = 1 / Double(round + 1)
                for j in now.indices { load[m][j] += (now[j] - load[m][j]) * weight }
            }
        }
        return DelegationReport(reference: reference, candidates: candidates, missions: missions, rankings: rankings,
                                lists: lists, capacity: capacity, load: load, preferences: preferences,
                                problem: problem, quotaNames: quotaNames, solution: solution).delegation()
    }

    /// The problem's missions, costs, quotas and missions per SME (values are filled by the caller),
    /// and each quota's group in words (`cluster CLEAN`).
    func structure(candidates: [Participant], missions: [DelegationMissionInput],
                   maxMissionsPerSME: Int) -> (DelegationProblem, [String]) {
        var quotas: [DelegationProblem.Quota] = []
        var names: [String] = []
        var innermost = [[Int?]](repeating: [Int?](repeating: nil, count: missions.count), count: candidates.count)
        // Each distinct `cluster` label is looked up once; the first label of each cluster key names it.
        var byLabel: [String: DelegationGroups] = [:]
        var labelOfKey: [String: String] = [:]
        let groups = candidates.map { candidate in
            let label = candidate.cluster ?? ""
            if let known = byLabel[label] { return known }
            let found = DelegationGroups(participant: candidate, programme: reference.programme)
            byLabel[label] = found
            if let key = found.cluster, labelOfKey[key] == nil { labelOfKey[key] = label }
            return found
        }
        for (m, input) in missions.enumerated() {
            let settings = input.settings
            var partnershipQuota: [String: Int] = [:]
            for partnership in Set(groups.compactMap(\.partnership)).sorted() {
                guard let quota = settings.partnerships[partnership] ?? settings.eachPartnership else { continue }
                partnershipQuota[partnership] = quotas.count
                quotas.append(.init(mission: m, parent: nil, minimum: quota.minimum, maximum: quota.maximum))
                names.append("partnership " + (reference.programme.partnership(id: partnership)?.name ?? partnership))
            }
            for partnership in settings.partnerships.keys.sorted() where partnershipQuota[partnership] == nil {
                let quota = settings.partnerships[partnership] ?? DelegationQuota()
                partnershipQuota[partnership] = quotas.count   // no SME of it: reported when a minimum is asked
                quotas.append(.init(mission: m, parent: nil, minimum: quota.minimum, maximum: quota.maximum))
                names.append("partnership " + (reference.programme.partnership(id: partnership)?.name ?? partnership))
            }
            var clusterQuota: [String: Int] = [:]
            // The named quotas by cluster key (the first name in sorted order when two name the same cluster).
            var named: [String: (name: String, quota: DelegationQuota)] = [:]
            for (name, quota) in settings.clusters.sorted(by: { $0.key < $1.key }) {
                let key = DelegationGroups.key(cluster: name, programme: reference.programme)
                if named[key] == nil { named[key] = (name, quota) }
            }
            let clusters = Set(labelOfKey.keys).union(named.keys)
            for cluster in clusters.sorted() {
                guard let quota = named[cluster]?.quota ?? settings.eachCluster else { continue }
                let known = reference.programme.cluster(id: cluster)
                clusterQuota[cluster] = quotas.count
                quotas.append(.init(mission: m, parent: (known?.partnership).flatMap { partnershipQuota[$0] }, minimum: quota.minimum, maximum: quota.maximum))
                names.append("cluster " + (known?.name ?? labelOfKey[cluster] ?? named[cluster]?.name ?? cluster))
            }
            for s in candidates.indices {
                innermost[s][m] = groups[s].cluster.flatMap { clusterQuota[$0] } ?? groups[s].partnership.flatMap { partnershipQuota[$0] }
            }
        }
        let problem = DelegationProblem(
            missions: missions.map { .init(seats: $0.settings.seats, budget: $0.settings.budget) },
            values: candidates.map { _ in [Double?](repeating: nil, count: missions.count) },
            costs: candidates.map { candidate in missions.map { $0.settings.cost(country: candidate.country) } },
            maxMissions: candidates.map { _ in maxMissionsPerSME }, quotas: quotas, candidateQuota: innermost)
        return (problem, names)
    }
}

/// An SME's cluster (the programme's cluster id, or its `cluster` label folded) and partnership.
struct DelegationGroups {
    var cluster: String?
    var partnership: String?

    init(participant: Participant, programme: Programme) {
        guard let label = participant.cluster, !label.isEmpty else { return }
        let known = programme.cluster(named: label)
        cluster = known?.id ?? Self.key(cluster: label, programme: programme)
        partnership = known?.partnership
    }

    /// The key of a cluster as a quota or a participant names it.
    static func key(cluster text: String, programme: Programme) -> String {
        programme.cluster(named: text)?.id ?? LookupKey.squashed(text)
    }
}
