/// Ranking beyond one machine: the kernel's work cut into shards along the
/// second side, each run anywhere, and merged into exactly the ranking of
/// the whole mission.
///
/// ## Why the merge equals the whole ranking
///
/// A ranking is `finish(setup, kernelLists)` (wishes, congestion pricing,
/// diversity, reasons, statistics), and a shard and the merge build the same
/// `setup` (scoring model, calibration, exclusions) from the same mission,
/// participants, requests, options and encoding. So the merge equals the
/// whole ranking when its candidate lists equal the whole kernel's:
///
/// * **Scores.** A pair's score is computed from the same two rows of the
///   same blocks by the same `sgemm` and combine code, one BLAS thread per
///   call, in any tile (the kernel's results do not depend on the tiling
///   and worker count; `PairScoringKernel`), so it has the same bits in the
///   shard as in the whole run — provided the encoding has the same bits,
///   which is why it is fitted once and shared (``LatentVectors``).
/// * **Second-side lists.** Shard *i* scores each participant of its block
///   against the *whole* first side, so that participant's list is the
///   whole run's list as it is.
/// * **First-side lists.** The whole run keeps each row's best `c` =
///   ``RankingOptions/candidates(forTop:)`` partners in the total order
///   (score descending, then participant index ascending). A partner in that
///   list lies in some block *b*, and fewer than `c` partners of block *b*
///   precede it (fewer than `c` precede it at all), so it is in block *b*'s
///   list of `c`. Hence the global list is contained in the union of the
///   shards' lists, and the best `c` of the union in the same order *is* the
///   global list. Each shard therefore keeps the full `c` (not `k`), and the
///   wishes, pricing and diversity see exactly the candidates of the whole run.
extension MatchingEngine {
    /// Ranks one shard: the first side against the shard's block of the second side.
    ///
    /// - Parameters:
    ///   - shard: Which block.
    ///   - mission: A bipartite mission.
    ///   - participants: Its participants, in the encoding's order.
    ///   - requests: Its requests (blocks mask pairs here already).
    ///   - k: List length; `nil` uses the mission's `top_k`.
    ///   - encoding: The shared encoding (``ParticipantEncoder/encode(_:latent:)``).
    ///   - history: Earlier missions' meetings (their exclusions apply here already).
    /// - Returns: The shard's candidate lists.
    /// - Throws: ``ShardingError/openPairing(mission:)`` for an open mission;
    ///   ``MissionInputError`` and ``LatentShapeError`` as ``rank(mission:participants:requests:top:encoding:history:)``.
    /// - Complexity: O(|A| · |block| · (2r + f)) for the kernel, plus the model's setup, O(n · (r + f)).
    public func rankShard(
        _ shard: ShardSpec, mission: Mission, participants: [Participant], requests: [MeetingRequest] = [], top k: Int? = nil,
        encoding: ParticipantEncoding, history: MeetingHistory = MeetingHistory()
    ) throws -> RankingPart {
        guard mission.pairing == .bipartite else { throw ShardingError.openPairing(mission: mission.id) }
        let setup = try RankingSetup(
            engine: self, mission: mission, participants: participants, requests: requests, top: k, encoding: encoding,
            history: history)
        let block = shard.block(of: setup.columns.count)
        let lists = setup.kernelLists(columnBlock: block)
        return RankingPart(
            shard: shard, top: setup.k, candidates: setup.keep, participants: participants.count, rows: setup.rows.count,
            columns: setup.columns.count, block: block, rowLists: lists.rows, columnLists: lists.columns)
    }

    /// Merges the parts of every shard into the ranking of the whole mission:
    /// equal to ``rank(mission:participants:requests:top:encoding:history:)``
    /// with the parts' list length (see the extension's note for why).
    ///
    /// - Parameters:
    ///   - parts: One part per shard, in any order.
    ///   - mission: The mission the shards ranked.
    ///   - participants: Its participants.
    ///   - requests: Its requests.
    ///   - encoding: The encoding the shards used.
    ///   - history: The history the shards used.
    /// - Returns: The ranking.
    /// - Throws: ``ShardingError`` for missing, duplicate or ill-fitting parts or an open mission;
    ///   ``MissionInputError`` and ``LatentShapeError`` as `rank`.
    /// - Complexity: O(|A| · N · c · log(N · c)) for the first side's lists, plus the re-ranking's O(n · k²).
    public func merge(
        _ parts: [RankingPart], mission: Mission, participants: [Participant], requests: [MeetingRequest] = [],
        encoding: ParticipantEncoding, history: MeetingHistory = MeetingHistory()
    ) throws -> MissionRanking {
        guard mission.pairing == .bipartite else { throw ShardingError.openPairing(mission: mission.id) }
        guard let first = parts.first else { throw ShardingError.noParts }
        let setup = try RankingSetup(
            engine: self, mission: mission, participants: participants, requests: requests, top: first.top, encoding: encoding,
            history: history)
        let ordered = try Self.orderedShards(parts, setup: setup)
        var lists = [[Candidate]](repeating: [], count: participants.count)
        let keep = setup.keep
        let rowLists: [[Candidate]] = ParallelChunks.map(count: setup.rows.count, minimumChunk: 256) { range in
            range.map { row in
                var union: [Candidate] = []
                for part in ordered { union += part.rowLists[row] }
                union.sort(by: Candidate.precedes)
                return Array(union.prefix(keep))
            }
        }
        for (row, list) in rowLists.enumerated() { lists[setup.rows[row]] = list }
        for part in ordered {
            for (offset, list) in part.columnLists.enumerated() { lists[setup.columns[part.block.lowerBound + offset]] = list }
        }
        return finish(setup, lists: lists)
    }

    /// The parts in shard order, after checking that they are the `N` shards of one ranking of this setup.
    private static func orderedShards(_ parts: [RankingPart], setup: RankingSetup) throws(ShardingError) -> [RankingPart] {
        let count = parts[0].shard.count
        var byIndex: [Int: [Int]] = [:]
        for (position, part) in parts.enumerated() {
            guard part.shard.count == count else {
                throw .shardCountsDiffer(part: position + 1, count: part.shard.count, expected: count)
            }
            byIndex[part.shard.index, default: []].append(position + 1)
        }
        if let duplicate = byIndex.filter({ $0.value.count > 1 }).min(by: { $0.key < $1.key }) {
            throw .duplicateShard(index: duplicate.key, parts: duplicate.value)
        }
        let missing = (1...count).filter { byIndex[$0] == nil }
        guard missing.isEmpty else { throw .missingShards(missing, count: count) }
        for (position, part) in parts.enumerated() {
            var reason = part.inconsistency(rowIndices: setup.rows, columnIndices: setup.columns)
            if reason == nil, part.top != setup.k || part.candidates != setup.keep {
                reason = "it keeps \(part.candidates) candidates for lists of \(part.top), this merge \(setup.keep) for \(setup.k)"
            }
            if reason == nil, part.participants != setup.participants.count {
                reason = "it was ranked with \(part.participants) participants, the mission has \(setup.participants.count)"
            }
            if let reason { throw .partDoesNotFit(part: position + 1, shard: part.shard, reason: reason) }
        }
        return parts.sorted { $0.shard.index < $1.shard.index }
    }
}
