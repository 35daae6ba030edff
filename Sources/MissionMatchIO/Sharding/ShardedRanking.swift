import Foundation
import MissionMatch

/// Ranking beyond one machine, as library calls: fit the encoding once
/// (``encode(_:semantic:)``), rank each shard anywhere
/// (``rankShard(_:input:top:encoding:name:sources:)``), merge the parts
/// (``merge(_:input:encoding:encodingName:)``) into exactly the ranking
/// `MatchingEngine.rank` gives for the whole mission — the same
/// recommendations, so the same `recommendations.csv` bytes
/// (`MatchingEngine`'s sharding extension says why).
///
/// ```swift
/// let sharded = ShardedRanking(reference: reference)
/// let encoding = try sharded.encode(input, semantic: nil)                  // once
/// let parts = try (1...7).map { i in                                      // anywhere, in any order
///     try sharded.rankShard(try ShardSpec(index: i, count: 7), input: input, top: nil, encoding: encoding,
///                           sources: .init(mission: nil, encoding: nil, data: nil))
/// }
/// let ranking = try sharded.merge(parts, input: input, encoding: encoding)
/// RecommendationsCSVWriter().csv(for: ranking.recommendations)           // == the whole ranking's
/// ```
///
/// The files between the steps are ``EncodingFile`` and ``RankingPartFile``;
/// nothing here writes. A shard costs O(|A| · |B| / N · (2r + f)) time and
/// O(n · (r + f) + (|A| + |B| / N) · c) memory beyond the participants
/// (docs/Sharding.md has the measured figures).
public struct ShardedRanking: Sendable {
    /// Countries, sectors, thesaurus.
    public var reference: ReferenceData
    /// The ranking's options (the merge takes them from the parts).
    public var rankingOptions: RankingOptions
    /// The encoder's options.
    public var encoderOptions: EncoderOptions

    /// A sharded ranking.
    ///
    /// - Parameters:
    ///   - reference: The reference data.
    ///   - rankingOptions: Congestion, diversity, wish bonus, candidates, workers.
    ///   - encoderOptions: The encoder's options.
    public init(reference: ReferenceData, rankingOptions: RankingOptions = RankingOptions(), encoderOptions: EncoderOptions = EncoderOptions()) {
        self.reference = reference
        self.rankingOptions = rankingOptions
        self.encoderOptions = encoderOptions
    }

    private var engine: MatchingEngine {
        MatchingEngine(reference: reference, encoderOptions: encoderOptions, rankingOptions: rankingOptions)
    }

    /// Fits the encoding of a mission's participants once, for every shard and the merge.
    ///
    /// - Parameters:
    ///   - input: The mission.
    ///   - semantic: Sentence-encoder vectors of its participants, or `nil` for a lexical ranking.
    /// - Returns: The encoding, ready to be written (``EncodingFile/data()``).
    /// - Throws: `LinearAlgebraError` when LAPACK fails; `MissionInputError` when the vectors have another row count.
    /// - Complexity: that of the encoder, O(nnz · r · q).
    public func encode(_ input: ValidatedMission, semantic: SemanticVectors?) throws -> EncodingFile {
        if let semantic, semantic.count != input.participants.count {
            throw MissionInputError.semanticRowsMismatch(rows: semantic.count, participants: input.participants.count)
        }
        var encoding = try ParticipantEncoder(thesaurus: reference.thesaurus, options: encoderOptions).encode(input.participants)
        encoding.semantic = semantic
        return EncodingFile(encoding: encoding, participants: input.participants, options: encoderOptions, missionID: input.mission.id)
    }

    /// The whole ranking with a shared encoding (what the merge reproduces).
    ///
    /// - Parameters:
    ///   - input: The mission.
    ///   - top: List length; `nil` uses the mission's `top_k`.
    ///   - encoding: The encoding file.
    ///   - name: The encoding file's name, for messages.
    /// - Throws: ``ImportError`` when the encoding does not belong to these participants.
    public func rank(_ input: ValidatedMission, top: Int?, encoding: EncodingFile, name: String = "encoding") throws -> MissionRanking {
        let encoded = try encoding.encoding(of: input.participants, reference: reference, options: encoderOptions, name: name)
        return try engine.rank(mission: input.mission, participants: input.participants, requests: input.requests, top: top,
                               encoding: encoded)
    }

    /// Ranks one shard.
    ///
    /// - Parameters:
    ///   - shard: Which block of the second side.
    ///   - input: The (bipartite) mission.
    ///   - top: List length; `nil` uses the mission's `top_k`.
    ///   - encoding: The shared encoding.
    ///   - name: The encoding file's name, for messages.
    ///   - sources: Where the inputs were read, for the merge.
    /// - Returns: The part, ready to be written (``RankingPartFile/data()``).
    /// - Throws: ``ImportError`` when the encoding does not belong to these participants;
    ///   `ShardingError.openPairing` for an open mission.
    public func rankShard(_ shard: ShardSpec, input: ValidatedMission, top: Int?, encoding: EncodingFile, name: String = "encoding",
                          sources: RankingPartFile.Sources) throws -> RankingPartFile {
        let participantsDigest = EncodingFile.participantsDigest(input.participants)
        let encoded = try encoding.scoringEncoding(digest: participantsDigest, options: encoderOptions, name: name)
        let part = try engine.rankShard(shard, mission: input.mission, participants: input.participants, requests: input.requests,
                                        top: top, encoding: encoded)
        let run = Self.runDigest(input, participantsDigest: participantsDigest, top: part.top, encoding: encoding.digest, options: rankingOptions)
        return RankingPartFile(part: part, run: run, missionID: input.mission.id, options: rankingOptions, sources: sources)
    }

    /// Merges the parts of every shard into the ranking of the whole mission,
    /// with the parts' list length and options (this value's ranking options
    /// other than workers are not used).
    ///
    /// - Parameters:
    ///   - parts: The parts, one per shard, in any order, with their file names for messages.
    ///   - input: The mission the shards ranked.
    ///   - encoding: The encoding they used.
    ///   - encodingName: The encoding file's name, for messages.
    /// - Returns: The ranking.
    /// - Throws: ``ImportError`` naming the part at fault: parts of another run, a missing or
    ///   duplicate shard, inputs changed since the shards ran, an encoding of other participants.
    /// - Complexity: O(|A| · N · c · log(N · c)) plus the re-ranking.
    public func merge(_ parts: [(name: String, file: RankingPartFile)], input: ValidatedMission, encoding: EncodingFile,
                      encodingName: String = "encoding") throws -> MissionRanking {
        guard let first = parts.first else { throw ImportError(Self.problem("merge", "no part given", "give the part of every shard")) }
        for (name, file) in parts.dropFirst() where file.run != first.file.run || file.options != first.file.options {
            throw ImportError(Self.problem(name, "belongs to another run than \(first.name) (another mission, encoding, list length or options)",
                                           "give the parts of one run"))
        }
        let participantsDigest = EncodingFile.participantsDigest(input.participants)
        let run = Self.runDigest(input, participantsDigest: participantsDigest, top: first.file.part.top, encoding: encoding.digest,
                                 options: first.file.options)
        guard run == first.file.run else {
            throw ImportError(Self.problem(first.name, "was ranked from other inputs than the mission '\(input.mission.id)', its participants, "
                                           + "requests and the encoding \(encodingName) hold now",
                                           "rank every shard again, or merge with the inputs they used"))
        }
        // The vectors and the explanation keys of the file: the merge runs no text pipeline.
        let encoded = try encoding.explainingEncoding(digest: participantsDigest, options: encoderOptions, name: encodingName)
        var options = first.file.options
        options.workers = rankingOptions.workers
        let merger = MatchingEngine(reference: reference, encoderOptions: encoderOptions, rankingOptions: options)
        do {
            return try merger.merge(parts.map(\.file.part), mission: input.mission, participants: input.participants,
                                    requests: input.requests, encoding: encoded)
        } catch let error as ShardingError {
            throw ImportError(Self.problem(Self.culprit(error, parts.map(\.name)), "\(error)", nil))
        }
    }

    /// The digest that ties the parts of one run together: the mission (its
    /// canonical YAML), its participants and requests (canonical CSV), the
    /// list length, the ranking options and the encoding's digest.
    ///
    /// - Complexity: O(size of the mission).
    public static func runDigest(_ input: ValidatedMission, top: Int, encoding: UInt64, options: RankingOptions) -> UInt64 {
        runDigest(input, participantsDigest: EncodingFile.participantsDigest(input.participants), top: top, encoding: encoding, options: options)
    }

    static func runDigest(_ input: ValidatedMission, participantsDigest: UInt64, top: Int, encoding: UInt64, options: RankingOptions) -> UInt64 {
        var digest = Digest64()
        digest.combine(MissionFileWriter().yaml(for: input.mission))
        digest.combine(participantsDigest)
        digest.combine(RequestCSVWriter().csv(for: input.requests))
        digest.combine(UInt64(top))
        digest.combine(UInt64(bitPattern: Int64(options.candidatesPerParticipant ?? -1)))
        for value in [options.congestion, options.diversity, options.wishBonus] { digest.combine(value.bitPattern) }
        digest.combine(encoding)
        return digest.value
    }

    private static func problem(_ file: String, _ message: String, _ hint: String?) -> Diagnostic {
        Diagnostic(kind: .invalidValue, file: file, message: message, hint: hint)
    }

    /// The file a sharding error is about (parts are numbered from 1 in the order given).
    private static func culprit(_ error: ShardingError, _ names: [String]) -> String {
        func name(_ part: Int) -> String { names.indices.contains(part - 1) ? names[part - 1] : "merge" }
        switch error {
        case .shardCountsDiffer(let part, _, _), .partDoesNotFit(let part, _, _): return name(part)
        case .duplicateShard(_, let parts): return name(parts.last ?? 1)
        case .missingShards, .noParts, .openPairing: return names.first ?? "merge"
        }
    }
}
