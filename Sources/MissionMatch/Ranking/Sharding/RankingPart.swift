/// What one shard of a ranking found (``MatchingEngine/rankShard(_:mission:participants:requests:top:encoding:history:)``):
/// every first-side participant's best candidates within the shard's block
/// of the second side, and every block participant's best candidates among
/// the whole first side.
///
/// Partners are participant indices (the mission's participant order), each
/// list best first with ties to the lower index, at most ``candidates`` long.
/// ``MatchingEngine/merge(_:mission:participants:requests:encoding:history:)``
/// combines the parts of all shards into the ranking of the whole mission.
public struct RankingPart: Sendable, Equatable {
    /// Which shard.
    public var shard: ShardSpec
    /// The list length *k* of the ranking.
    public var top: Int
    /// Candidates kept per participant (``RankingOptions/candidates(forTop:)``).
    public var candidates: Int
    /// The mission's participants.
    public var participants: Int
    /// The first side's size (rows).
    public var rows: Int
    /// The second side's size (columns).
    public var columns: Int
    /// The positions among the second side this shard scored (``ShardSpec/block(of:)``).
    public var block: Range<Int>
    /// Per first-side participant (side order), its best candidates in the block.
    public var rowLists: [[Candidate]]
    /// Per participant of the block (in order), its best candidates of the first side.
    public var columnLists: [[Candidate]]

    /// Creates a part.
    ///
    /// - Parameters:
    ///   - shard: Which shard.
    ///   - top: The list length.
    ///   - candidates: Candidates kept per participant.
    ///   - participants: The mission's participants.
    ///   - rows: The first side's size.
    ///   - columns: The second side's size.
    ///   - block: The positions scored.
    ///   - rowLists: One list per row.
    ///   - columnLists: One list per position of the block.
    public init(shard: ShardSpec, top: Int, candidates: Int, participants: Int, rows: Int, columns: Int, block: Range<Int>,
                rowLists: [[Candidate]], columnLists: [[Candidate]]) {
        self.shard = shard
        self.top = top
        self.candidates = candidates
        self.participants = participants
        self.rows = rows
        self.columns = columns
        self.block = block
        self.rowLists = rowLists
        self.columnLists = columnLists
    }

    /// Why this part cannot belong to a ranking of that shape, or `nil` when it can.
    ///
    /// Checks the counts, the block against ``ShardSpec/block(of:)``, the
    /// list lengths and that every partner is a participant of the other side
    /// at most once per list, in order.
    ///
    /// - Parameters:
    ///   - rowIndices: The first side's participant indices.
    ///   - columnIndices: The second side's participant indices.
    /// - Complexity: O(lists · candidates).
    public func inconsistency(rowIndices: [Int], columnIndices: [Int]) -> String? {
        guard rows == rowIndices.count, columns == columnIndices.count else {
            return "it pairs \(rows) × \(columns) participants, the mission \(rowIndices.count) × \(columnIndices.count)"
        }
        guard block == shard.block(of: columns) else {
            return "its block \(block.lowerBound)..<\(block.upperBound) is not shard \(shard)'s"
        }
        guard rowLists.count == rows, columnLists.count == block.count else {
            return "it has \(rowLists.count) + \(columnLists.count) lists where \(rows) + \(block.count) are due"
        }
        let blockSet = Set(columnIndices[block]), rowSet = Set(rowIndices)
        func bad(_ list: [Candidate], _ allowed: Set<Int>) -> Bool {
            guard list.count <= candidates else { return true }
            var seen: Set<Int> = []
            for (position, candidate) in list.enumerated() {
                guard allowed.contains(candidate.partner), seen.insert(candidate.partner).inserted, candidate.score.isFinite
                else { return true }
                if position > 0, !Candidate.precedes(list[position - 1], candidate) { return true }
            }
            return false
        }
        if let row = rowLists.indices.first(where: { bad(rowLists[$0], blockSet) }) {
            return "the list of first-side participant \(row + 1) is out of order, too long or names a partner outside the block"
        }
        if let column = columnLists.indices.first(where: { bad(columnLists[$0], rowSet) }) {
            return "the list of block participant \(column + 1) is out of order, too long or names a partner outside the first side"
        }
        return nil
    }
}
