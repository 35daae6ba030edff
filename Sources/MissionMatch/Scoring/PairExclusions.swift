import MatchCore

/// The pairs that must never be recommended: `block` requests, the mission's
/// rules (`exclude_same_cluster`, `exclude_same_country`,
/// `require_common_language`, `exclude_met_before`) and the same organisation registered twice
/// (the same name once folded, e.g. `Nanoprogress s.r.o.` and `NANOPROGRESS S.R.O.`).
///
/// Participants without a cluster never share one; participants without
/// languages are assumed to find a common one.
package struct PairExclusions: Sendable {
    private let cluster: [Int32]
    private let country: [Int32]
    private let languages: [UInt64]
    private let organisation: [Int32]
    private let rules: MatchingRules
    /// Blocked pairs of participant indices, each stored in both orders.
    package let blocked: Set<UInt64>
    /// Pairs of organisation ids (``organisation``) that met at an earlier
    /// mission, when the rule `exclude_met_before` is on, in both orders.
    private let metBefore: Set<UInt64>

    /// Prepares the checks.
    ///
    /// - Parameters:
    ///   - participants: All participants of the mission.
    ///   - rules: The mission's rules.
    ///   - requests: The requests; `block`s are used.
    ///   - history: The programme's earlier meetings, left out when the rules say so.
    package init(participants: [Participant], rules: MatchingRules, requests: [MeetingRequest],
                 history: MeetingHistory = MeetingHistory()) {
        func ids(_ keys: [String?], table: inout [String: Int32]) -> [Int32] {
            keys.map { key in
                guard let key, !key.isEmpty else { return -1 }
                if let id = table[key] { return id }
                table[key] = Int32(table.count)
                return Int32(table.count - 1)
            }
        }
        func ids(_ keys: [String?]) -> [Int32] {
            var table: [String: Int32] = [:]
            return ids(keys, table: &table)
        }
        // By index: a closure over the elements (`participants.map { $0.country }`) copies every field of each
        // one. Organisations are keyed as `MeetingHistory.organisation(_:)` keys them, from the name alone.
        // The keys are folded text: worked out on all cores, then numbered in participant order.
        let keys = ParallelChunks.map(count: participants.count, minimumChunk: 1_024) { range in
            range.map { (cluster: participants[$0].cluster.map { LookupKey.words($0) }, organisation: LookupKey.words(participants[$0].name)) }
        }
        self.cluster = ids(keys.map(\.cluster))
        self.country = ids(participants.indices.map { participants[$0].country })
        var organisations: [String: Int32] = [:]
        self.organisation = ids(keys.map(\.organisation), table: &organisations)
        var metBefore: Set<UInt64> = []
        if rules.excludeMetBefore {
            for (first, second) in history.metOrganisations {
                guard let a = organisations[first], let b = organisations[second] else { continue }
                metBefore.insert(PairMask.key(Int(a), Int(b)))
                metBefore.insert(PairMask.key(Int(b), Int(a)))
            }
        }
        self.metBefore = metBefore
        var languageBits: [String: Int] = [:]
        self.languages = participants.indices.map { index in
            let spoken = participants[index].languages
            guard !spoken.isEmpty else { return UInt64.max }
            var mask: UInt64 = 0
            for language in spoken {
                let bit = languageBits[language] ?? languageBits.count
                languageBits[language] = bit
                mask |= bit < 63 ? 1 << UInt64(bit) : 1 << 63
            }
            return mask
        }
        self.rules = rules
        var blocked: Set<UInt64> = []
        let blocks = requests.filter { $0.priority == .block }
        let index = blocks.isEmpty
            ? [:] : Dictionary(participants.indices.map { (participants[$0].id, $0) }, uniquingKeysWith: { first, _ in first })
        for request in blocks {
            guard let a = index[request.from], let b = index[request.to] else { continue }
            blocked.insert(PairMask.key(a, b))
            blocked.insert(PairMask.key(b, a))
        }
        self.blocked = blocked
    }

    /// Whether participants `a` and `b` (indices) must not meet.
    ///
    /// - Complexity: O(1).
    package func excludes(_ a: Int, _ b: Int) -> Bool {
        if a == b || organisation[a] == organisation[b] { return true }
        if rules.excludeSameCluster, cluster[a] >= 0, cluster[a] == cluster[b] { return true }
        if rules.excludeSameCountry, country[a] == country[b] { return true }
        if rules.requireCommonLanguage, languages[a] & languages[b] == 0 { return true }
        if !metBefore.isEmpty, metBefore.contains(PairMask.key(Int(organisation[a]), Int(organisation[b]))) { return true }
        return !blocked.isEmpty && blocked.contains(PairMask.key(a, b))  // no hashing when nothing is blocked
    }

    /// The kernel mask for rows and columns that are subsets of the participants.
    ///
    /// - Parameters:
    ///   - rows: The participant index of each kernel row.
    ///   - columns: The participant index of each kernel column.
    /// - Returns: A mask whose predicate maps kernel indices back to participants.
    package func mask(rows: [Int], columns: [Int]) -> PairMask {
        let exclusions = self
        return PairMask(where: { a, b in exclusions.excludes(rows[a], columns[b]) })
    }
}
