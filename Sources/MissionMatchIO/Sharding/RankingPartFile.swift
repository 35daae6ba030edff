import Foundation
import MissionMatch

/// One shard's partial ranking as a file (FileFormats §12): the
/// `RankingPart` and what the merge needs to check and finish it — the run
/// digest, the list length and ranking options, and where the mission, the
/// encoding and the reference data were read.
///
/// ```swift
/// let part = try RankingPartFile.read(contentsOf: URL(fileURLWithPath: "parts/part-3"))
/// part.part.shard          // 3/7
/// part.sources.mission     // "/shared/mission.yaml"
/// ```
public struct RankingPartFile: Sendable, Equatable {
    /// The file's magic bytes.
    public static let magic = "MMRKPART"
    /// The format version this library writes and reads (3: each candidate
    /// carries its two direction cosines; version 2 parts, without them, and
    /// version 1 parts are refused: rank the shards again).
    public static let version: UInt32 = 3

    /// Where a shard read its inputs: the merge reads them again from there
    /// (absolute paths; `nil` when given as values, or for the bundled reference data).
    public struct Sources: Sendable, Hashable, Codable {
        /// The mission file.
        public var mission: String?
        /// The shared encoding file.
        public var encoding: String?
        /// The data folder of the reference data; `nil` for the bundled tables.
        public var data: String?

        /// Sources.
        ///
        /// - Parameters:
        ///   - mission: The mission file's path.
        ///   - encoding: The encoding file's path.
        ///   - data: The data folder's path, or `nil` for the bundled tables.
        public init(mission: String?, encoding: String?, data: String?) {
            self.mission = mission
            self.encoding = encoding
            self.data = data
        }
    }

    /// The shard's candidate lists.
    public var part: RankingPart
    /// The run's digest (``ShardedRanking/runDigest(_:top:encoding:options:)``): equal for the parts of one run.
    public var run: UInt64
    /// The mission's id.
    public var missionID: String
    /// The ranking options (congestion, diversity, wish bonus, candidates); workers are not kept.
    public var options: RankingOptions
    /// Where the inputs were read.
    public var sources: Sources

    /// A part to write.
    ///
    /// - Parameters:
    ///   - part: The shard's lists.
    ///   - run: The run's digest.
    ///   - missionID: The mission's id.
    ///   - options: The ranking options.
    ///   - sources: Where the inputs were read.
    public init(part: RankingPart, run: UInt64, missionID: String, options: RankingOptions, sources: Sources) {
        self.part = part
        self.run = run
        self.missionID = missionID
        var kept = options
        kept.workers = nil
        self.options = kept
        self.sources = sources
    }

    /// The file's bytes (FileFormats §12).
    ///
    /// - Complexity: O(lists · candidates).
    public func data() -> Data {
        var builder = BinaryFileBuilder(magic: Self.magic, version: Self.version, header: BinaryHeader.encode(header))
        for list in part.rowLists + part.columnLists {
            builder.append(UInt32(list.count))
            for candidate in list {
                builder.append(UInt32(candidate.partner))
                builder.append(candidate.score.bitPattern)
                builder.append(candidate.offerToNeed.bitPattern)
                builder.append(candidate.needFromOffer.bitPattern)
            }
        }
        return builder.finished()
    }

    /// Reads a part.
    ///
    /// - Parameters:
    ///   - url: The file.
    ///   - displayName: Its name in messages (default: its path).
    ///   - limits: The size limit.
    /// - Returns: The part.
    /// - Throws: ``ImportError`` (missing, unreadable, not a part, another version, damaged, inconsistent).
    public static func read(contentsOf url: URL, displayName: String? = nil, limits: ImportLimits = .default) throws(ImportError) -> RankingPartFile {
        let name = displayName ?? InputFile.displayName(for: url)
        var diagnostics = Diagnostics()
        guard let data = InputFile.readData(url, name: name, limits: limits, into: &diagnostics) else {
            throw ImportError(diagnostics: diagnostics)
        }
        return try read(data, name: name)
    }

    /// Reads a part's bytes.
    ///
    /// - Throws: ``ImportError`` naming `name` and the byte or header key at fault.
    public static func read(_ data: Data, name: String) throws(ImportError) -> RankingPartFile {
        var reader = try BinaryFileReader(data: data, name: name, magic: magic, version: version, what: "a missionmatch ranking part")
        let header = try BinaryHeader.decode(Header.self, from: reader.header, file: name)
        guard header.format == Header.formatName else {
            throw reader.error("the header names format '\(header.format)', not '\(Header.formatName)'")
        }
        let shard: ShardSpec
        do {
            shard = try ShardSpec(index: header.shard, count: header.shards)
        } catch {
            throw reader.error("the header's \(error)")
        }
        guard let run = UInt64(header.run, radix: 16) else { throw reader.error("the header's run is not 16 hex digits") }
        let limit = ImportLimits.default.maxRows
        guard header.participants >= 0, header.participants <= limit, header.rows >= 0, header.columns >= 0,
              header.rows <= header.participants, header.columns <= header.participants,
              header.top >= 0, header.top <= FormatLimits.maxTopK, header.candidates >= header.top,
              header.block.count == 2, header.block[0] >= 0, header.block[0] <= header.block[1], header.block[1] <= header.columns
        else {
            throw reader.error("the header's counts do not fit together (participants, rows, columns, top, candidates, block)")
        }
        let block = header.block[0]..<header.block[1]
        guard block == shard.block(of: header.columns) else {
            throw reader.error("the header's block \(block.lowerBound)..<\(block.upperBound) is not shard \(shard)'s")
        }
        func list() throws(ImportError) -> [Candidate] {
            let count = Int(try reader.word32())
            guard count <= header.candidates, count * Self.candidateBytes <= reader.remaining else {
                throw reader.error("a list of \(count) candidates where at most \(header.candidates) are kept")
            }
            let (words, start) = try reader.words(count, width: Self.candidateBytes / 4)
            var result: [Candidate] = []
            result.reserveCapacity(count)
            for position in 0..<count {
                let base = position * Self.candidateBytes / 4
                let candidate = Candidate(
                    partner: Int(words[base]), score: Float(bitPattern: words[base + 1]),
                    offerToNeed: Float(bitPattern: words[base + 2]), needFromOffer: Float(bitPattern: words[base + 3]))
                guard candidate.partner < header.participants, candidate.score.isFinite,
                      candidate.offerToNeed.isFinite, candidate.needFromOffer.isFinite
                else {
                    throw reader.error(at: start + Self.candidateBytes * (position + 1),
                                       "a candidate names participant \(candidate.partner + 1) of \(header.participants) or has a number that is not finite")
                }
                result.append(candidate)
            }
            return result
        }
        var rowLists: [[Candidate]] = [], columnLists: [[Candidate]] = []
        rowLists.reserveCapacity(header.rows)
        for _ in 0..<header.rows { rowLists.append(try list()) }
        for _ in block { columnLists.append(try list()) }
        try reader.finish()
        var options = RankingOptions(candidatesPerParticipant: header.options.candidatesPerParticipant,
                                     congestion: header.options.congestion, diversity: header.options.diversity,
                                     wishBonus: header.options.wishBonus)
        options.workers = nil
        return RankingPartFile(
            part: RankingPart(shard: shard, top: header.top, candidates: header.candidates, participants: header.participants,
                              rows: header.rows, columns: header.columns, block: block, rowLists: rowLists, columnLists: columnLists),
            run: run, missionID: header.mission, options: options, sources: header.sources)
    }

    /// The bytes of one candidate: partner index, score, c₁, c₂.
    private static let candidateBytes = 16

    private var header: Header {
        Header(format: Header.formatName, run: Digest64.hex(run), mission: missionID, shard: part.shard.index, shards: part.shard.count,
               top: part.top, candidates: part.candidates, participants: part.participants, rows: part.rows, columns: part.columns,
               block: [part.block.lowerBound, part.block.upperBound],
               options: .init(candidatesPerParticipant: options.candidatesPerParticipant, congestion: options.congestion,
                              diversity: options.diversity, wishBonus: options.wishBonus),
               sources: sources)
    }

    /// The JSON header (FileFormats §12).
    struct Header: Codable {
        static let formatName = "missionmatch-rank-part"
        var format: String
        var run: String
        var mission: String
        var shard: Int
        var shards: Int
        var top: Int
        var candidates: Int
        var participants: Int
        var rows: Int
        var columns: Int
        var block: [Int]
        var options: Options
        var sources: Sources

        struct Options: Codable {
            var candidatesPerParticipant: Int?
            var congestion: Double
            var diversity: Double
            var wishBonus: Double
        }
    }
}
