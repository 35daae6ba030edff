/// Why shards cannot be run or merged into one ranking.
public enum ShardingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Sharding cuts the second side of a bipartite mission; an `open` mission has none.
    case openPairing(mission: String)
    /// No part was given.
    case noParts
    /// A part was made for another number of shards than the first.
    case shardCountsDiffer(part: Int, count: Int, expected: Int)
    /// Two parts are the same shard.
    case duplicateShard(index: Int, parts: [Int])
    /// Shards are missing.
    case missingShards([Int], count: Int)
    /// A part does not fit the mission and options of the merge.
    case partDoesNotFit(part: Int, shard: ShardSpec, reason: String)

    /// What is wrong and what to do. Parts are numbered 1… in the order given.
    public var description: String {
        switch self {
        case .openPairing(let mission):
            "mission '\(mission)' pairs everyone with everyone (open); only a bipartite mission's second side can be "
                + "cut into shards (rank it whole)"
        case .noParts:
            "no part given (give the part of every shard)"
        case .shardCountsDiffer(let part, let count, let expected):
            "part \(part) is a shard of \(count), the first part one of \(expected) (give the parts of one run)"
        case .duplicateShard(let index, let parts):
            "parts \(parts.map(String.init).joined(separator: " and ")) are both shard \(index) (give each shard once)"
        case .missingShards(let missing, let count):
            "shard\(missing.count == 1 ? "" : "s") \(missing.map(String.init).joined(separator: ", ")) of \(count) "
                + "missing (run them, or give their parts)"
        case .partDoesNotFit(let part, let shard, let reason):
            "part \(part) (shard \(shard)) does not fit this mission: \(reason) (rank the shard again with these inputs)"
        }
    }
}
